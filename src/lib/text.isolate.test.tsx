import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { directionOfText, escapeHtml, isolatedHtml, isolateRuns } from './text.isolate.js';
import { IsolatedText } from './text.isolate.view.js';

const kinds = (text: string) => isolateRuns(text).map((run) => [run.kind, run.text]);

/** What a browser would show as the text of some HTML: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const pieces = fc.constantFrom(
  'قال ',
  'البيت الأبيض',
  ' ',
  '.',
  '،',
  '@WhiteHouse',
  '@',
  '#غزة',
  '#',
  'https://example.com/a_(b)',
  'www.example.org',
  'https://',
  'Donald Trump',
  '50 km',
  '3.5%',
  '-3°C',
  'a@b.com',
  '<script>',
  '&amp;',
  '"\'',
  '\n',
  '٥٠',
  '(',
  ')',
  'é',
);
const mixed = fc.array(
  fc.oneof(pieces, fc.string(), fc.string({ unit: 'grapheme', maxLength: 8 })),
  {
    maxLength: 12,
  },
);

describe('isolating runs inside text', () => {
  it('the reported bug: an @handle at the end of an Arabic sentence is one run without the full stop', () => {
    expect(kinds('قال حساب @WhiteHouse.')).toEqual([
      ['text', 'قال حساب '],
      ['handle', '@WhiteHouse'],
      ['text', '.'],
    ]);
    expect(isolatedHtml('قال حساب @WhiteHouse.')).toBe(
      'قال حساب <a href="https://x.com/WhiteHouse" rel="noopener nofollow ugc"><bdi dir="ltr">@WhiteHouse</bdi></a>.',
    );
  });

  it('URLs become links without the punctuation that ends the sentence', () => {
    expect(kinds('انظر https://example.com/report?id=3، ثم www.example.org.')).toEqual([
      ['text', 'انظر '],
      ['url', 'https://example.com/report?id=3'],
      ['text', '، ثم '],
      ['url', 'www.example.org'],
      ['text', '.'],
    ]);
    expect(isolateRuns('www.example.org')[0]?.href).toBe('https://www.example.org');
    // A closing bracket stays when the URL opened it; otherwise it closes the sentence's.
    expect(kinds('(https://en.wikipedia.org/wiki/Muscat_(city))')).toEqual([
      ['text', '('],
      ['url', 'https://en.wikipedia.org/wiki/Muscat_(city)'],
      ['text', ')'],
    ]);
  });

  it('hashtags in Arabic or Latin, Latin names and numbers with units are isolated in Arabic text', () => {
    expect(kinds('وسم #غزة و#Gaza قاله Donald Trump عن 50 km و3.5%.')).toEqual([
      ['text', 'وسم '],
      ['hashtag', '#غزة'],
      ['text', ' و'],
      ['hashtag', '#Gaza'],
      ['text', ' قاله '],
      ['latin', 'Donald Trump'],
      ['text', ' عن '],
      ['latin', '50 km'],
      ['text', ' و3.5%.'],
    ]);
    expect(kinds('الحرارة -3°C اليوم')).toEqual([
      ['text', 'الحرارة -'],
      ['latin', '3°C'],
      ['text', ' اليوم'],
    ]);
  });

  it('an e-mail address is not a handle, and a lone "@" or "#" is text', () => {
    expect(kinds('راسلنا a@b.com')).toEqual([
      ['text', 'راسلنا '],
      ['latin', 'a@b.com'],
    ]);
    expect(kinds('نص @ و # و #1')).toEqual([['text', 'نص @ و # و #1']]);
  });

  it('in an English text the Arabic runs are isolated instead, and the links are still made', () => {
    expect(kinds('The minister said مرحبا بكم to @Reuters')).toEqual([
      ['text', 'The minister said '],
      ['rtl', 'مرحبا بكم'],
      ['text', ' to '],
      ['handle', '@Reuters'],
    ]);
    expect(kinds('Plain English only.')).toEqual([['text', 'Plain English only.']]);
  });

  it('the direction of a text is its first strong letter', () => {
    expect(directionOfText('123 مرحبا Hello')).toBe('rtl');
    expect(directionOfText('@x مرحبا')).toBe('ltr');
    expect(directionOfText('123 ...')).toBeUndefined();
  });

  it('only http and https become links (no javascript:)', () => {
    expect(kinds('javascript:alert(1) www.')).toEqual([['text', 'javascript:alert(1) www.']]);
    expect(isolatedHtml('افتح https://x.test/"><script>')).toBe(
      // A URL ends at a quote or a bracket: they cannot be part of one.
      'افتح <a href="https://x.test/" rel="noopener nofollow ugc"><bdi dir="ltr">https://x.test/</bdi></a>&quot;&gt;&lt;<bdi dir="ltr">script</bdi>&gt;',
    );
  });

  it('property: the runs are the text, every character once and in order', () => {
    fc.assert(
      fc.property(
        mixed,
        fc.constantFrom(undefined, 'rtl' as const, 'ltr' as const),
        (parts, dir) => {
          const text = parts.join('');
          const runs = isolateRuns(text, dir);
          expect(runs.map((run) => run.text).join('')).toBe(text);
          expect(runs.every((run) => run.text.length > 0)).toBe(true);
          for (const run of runs) {
            if (run.href !== undefined) expect(run.href).toMatch(/^https?:\/\//);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: the HTML string escapes everything and shows exactly the text', () => {
    fc.assert(
      fc.property(mixed, (parts) => {
        const text = parts.join('');
        const html = isolatedHtml(text);
        expect(textOf(html)).toBe(text);
        // The only tags are ours.
        for (const tag of html.match(/<[^>]*>/g) ?? []) {
          expect(tag).toMatch(
            /^<(?:\/?bdi(?: dir="(?:ltr|rtl)")?|\/a|a href="https?:\/\/[^"]*" rel="noopener nofollow ugc")>$/,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the Preact view draws the same markup as the string, text for text', () => {
    fc.assert(
      fc.property(mixed, (parts) => {
        const text = parts.join('');
        const html = renderToString(<IsolatedText text={text} />);
        expect(textOf(html)).toBe(text);
        // Preact leaves ">" and quotes in text unescaped; the tags and the text are the same.
        const same = (markup: string) => markup.replace(/&gt;|&#39;|&quot;/g, (e) => textOf(e));
        expect(same(html)).toBe(same(isolatedHtml(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('inside a link, runs are isolated but no link is nested', () => {
    const html = renderToString(<IsolatedText text="عن @WhiteHouse" linked={false} />);
    expect(html).toBe('عن <bdi dir="ltr">@WhiteHouse</bdi>');
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
