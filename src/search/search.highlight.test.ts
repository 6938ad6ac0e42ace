import { describe, expect, it } from 'vitest';
import { analyseQuery } from './search.analyser.js';
import { highlight, snippet } from './search.highlight.js';

const marked = (segments: readonly { text: string; match: boolean }[]) =>
  segments.filter((s) => s.match).map((s) => s.text);

describe('highlight', () => {
  it('marks the matching words of the original text, diacritics and clitics included', () => {
    const text = 'وصل عراقجي إلى مسقط، وبدأت المُفاوضات مع الوفد الأميركي.';
    const segments = highlight(text, analyseQuery('Araghchi مفاوضة الامريكي'));
    expect(marked(segments)).toEqual(['عراقجي', 'المُفاوضات', 'الأميركي']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('marks a whole word when a digit was glued to letters', () => {
    expect(marked(highlight('في عام ٢٠٢٥م جرت الانتخابات', analyseQuery('2025')))).toEqual([
      '٢٠٢٥م',
    ]);
  });

  it('returns plain text when nothing matches, and never HTML', () => {
    const text = '<b>خبر</b> & تفاصيل';
    expect(highlight(text, analyseQuery('مسقط'))).toEqual([{ text, match: false }]);
  });
});

describe('snippet', () => {
  const filler = 'كلمة عادية في نص طويل لا علاقة لها بالموضوع. '.repeat(12);
  const text = `${filler}وقال المتحدث إن المحادثات في مسقط كانت بناءة. ${filler}`;

  it('shows a window around the matches, cut at word boundaries, with ellipses', () => {
    const segments = snippet(text, analyseQuery('محادثات مسقط'));
    const joined = segments.map((s) => s.text).join('');
    expect(marked(segments)).toEqual(['المحادثات', 'مسقط']);
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(250);
  });

  it('collapses paragraph breaks and keeps short texts whole', () => {
    expect(snippet('فقرة أولى\n\nفقرة ثانية عن طهران', analyseQuery('طهران'))).toEqual([
      { text: 'فقرة أولى فقرة ثانية عن ', match: false },
      { text: 'طهران', match: true },
    ]);
  });

  it('starts at the beginning when the match is only in the headline', () => {
    const segments = snippet(text, analyseQuery('غائب'));
    expect(segments[0]?.text.startsWith('كلمة عادية')).toBe(true);
  });
});
