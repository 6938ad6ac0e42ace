import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasControlCharacters,
  normalise,
  normaliseDeep,
  normaliseLine,
  normaliseName,
  normaliseText,
  type TextKind,
} from './text.normalise.js';

/** Every UTF-16 code unit, lone surrogates included, with controls and marks made likely. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '\u0000',
        '\u0001',
        '\u0008',
        '\t',
        '\n',
        '\r',
        '\u000B',
        '\u001B',
        '\u007F',
        '\u0085',
        '\u009F',
        '\u200B',
        '\u200C',
        '\u200D',
        '\u200E',
        '\u202E',
        '\u2066',
        '\u2069',
        '\uFEFF',
        '\uD800',
        '\uDC00',
        '\u0301',
        ' ',
        '\u00A0',
      ),
      fc.constantFrom('a', 'é', 'ب', 'ع', 'ا', 'ل', '1', '😀'),
    ),
    maxLength: 60,
  }),
);
const kinds = fc.constantFrom<TextKind>('text', 'line', 'name');

const isWellFormed = (value: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
const BIDI_AND_INVISIBLE =
  /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

describe('the text normaliser (properties)', () => {
  it('is idempotent for every kind', () => {
    fc.assert(
      fc.property(hostile, kinds, (value, kind) => {
        const once = normalise(value, kind);
        expect(normalise(once, kind)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no control character, no lone surrogate, and NFC text', () => {
    fc.assert(
      fc.property(hostile, kinds, (value, kind) => {
        const out = normalise(value, kind);
        expect(hasControlCharacters(out)).toBe(false);
        expect(out).not.toContain('\r');
        expect(isWellFormed(out)).toBe(true);
        expect(out.normalize('NFC')).toBe(out);
        // What the database drivers will send: the UTF-8 round trip changes nothing.
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps newlines and tabs only in multi-line text', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(normaliseLine(value)).not.toMatch(/[\n\t]/);
        expect(normaliseName(value)).not.toMatch(/[\n\t]/);
        const lines = value.replace(/\r\n?/g, '\n').split('\n').length;
        expect(normaliseText(value).split('\n')).toHaveLength(lines);
      }),
      { numRuns: 1000 },
    );
  });

  it('strips bidirectional and invisible controls from names, keeps ZWNJ and ZWJ', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(normaliseName(value)).not.toMatch(BIDI_AND_INVISIBLE);
      }),
      { numRuns: 1000 },
    );
    expect(normaliseName('\u202Eأحمد\u202C\u200F \u2066سالم\u2069\u200B')).toBe('أحمد سالم');
    expect(normaliseName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(normaliseName('👩\u200D💻 x')).toBe('👩\u200D💻 x');
  });

  it('changes nothing in text that is already clean', () => {
    const clean = fc.string({
      unit: fc.constantFrom('a', 'ب', 'ع', 'é', ' ', '\n', '\t', '1', '،', '😀'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(clean, (value) => {
        expect(normaliseText(value)).toBe(value.normalize('NFC'));
      }),
    );
  });

  it('reaches every string inside a JSON value, keys too', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = JSON.stringify(normaliseDeep(value));
        expect(out).not.toMatch(/\\u00[01][0-8bcef]|\\u007f|\\u008|\\u009/i);
      }),
      { numRuns: 500 },
    );
    expect(normaliseDeep({ 'a\u0000': ['b\u0000', 1, null, { c: 'd\u0007' }] })).toEqual({
      a: ['b', 1, null, { c: 'd' }],
    });
  });

  it('examples', () => {
    expect(normaliseText('a\u0000b\r\nc\rd\u0085')).toBe('ab\nc\nd');
    expect(normaliseLine('  عاجل\u0000:\n وصول\t الوفد  ')).toBe('عاجل: وصول الوفد');
    expect(normaliseText('e\u0000\u0301')).toBe('\u00E9');
    expect(normaliseText('\uD800x')).toBe('\uFFFDx');
  });
});
