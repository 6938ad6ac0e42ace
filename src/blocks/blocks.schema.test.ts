// The block schema and the text-to-blocks path, as properties: whatever the newsroom sends, what
// the schema accepts has only http(s)/mailto links and known fields, and what we make from plain
// text is valid, clean and stable.
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { hasControlCharacters, normaliseText } from '../lib/text.normalise.js';
import { Block, Blocks, LinkInline, blocksFromText, blocksToText } from './blocks.schema.js';

const pieces = fc.constantFrom(
  'عاجل',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u0085',
  '\u202E',
  'https://example.org/a?b=1',
  'http://x.example',
  'https://',
  'javascript:alert(1)',
  '.',
  '،',
  '(',
  ')',
  '"',
  'mailto:a@b.example',
);
const plainText = fc.oneof(
  fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

function links(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph' || block.type === 'quote'
      ? block.content.flatMap((inline) => (inline.type === 'link' ? [inline.href] : []))
      : [],
  );
}

describe('blocks (properties)', () => {
  it('plain text becomes valid blocks with clean text and only http(s) links', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const blocks = blocksFromText(text);
        if (blocks.length > 0) expect(Value.Check(Blocks, blocks)).toBe(true);
        const out = blocksToText(blocks);
        expect(hasControlCharacters(out)).toBe(false);
        expect(normaliseText(out)).toBe(out);
        for (const href of links(blocks)) expect(href).toMatch(/^https?:\/\/\S+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('turning the blocks back into text and into blocks again changes nothing', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const blocks = blocksFromText(text);
        expect(blocksFromText(blocksToText(blocks))).toEqual(blocks);
      }),
      { numRuns: 1000 },
    );
  });

  it('a link is accepted only with an http(s) or mailto address without white space', () => {
    const href = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .tuple(
          fc.constantFrom(
            'https://',
            'http://',
            'mailto:',
            'javascript:',
            'data:',
            ' https://',
            'HTTPS://',
          ),
          fc.string({ maxLength: 30 }),
        )
        .map(([scheme, rest]) => scheme + rest),
    );
    fc.assert(
      fc.property(href, (value) => {
        const accepted = Value.Check(LinkInline, { type: 'link', text: 'نص', href: value });
        expect(accepted).toBe(/^(https?:\/\/|mailto:)\S+$/.test(value) && value.length <= 2000);
      }),
      { numRuns: 2000 },
    );
  });

  it('a block or inline with any field we do not know is refused', () => {
    const known = new Set(['type', 'text', 'bold', 'italic', 'content', 'href', 'cite']);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.has(key)),
        fc.jsonValue(),
        (key, extra) => {
          const inline = { type: 'text', text: 'x', [key]: extra };
          expect(Value.Check(Blocks, [{ type: 'paragraph', content: [inline] }])).toBe(false);
          expect(Value.Check(Blocks, [{ type: 'heading', text: 'x', [key]: extra }])).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
