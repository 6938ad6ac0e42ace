// The letter tables of the search analyser's normalisation (search.analyser.ts composes
// them): what is dropped, what is folded onto what, and the digits made Western.

/** Invisible and bidirectional controls (and the soft hyphen and word joiner). */
export const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/**
 * Combining marks: Arabic harakat, shadda, sukun and the combining hamza/madda (U+064B–065F),
 * superscript alef (U+0670), Quranic annotation signs (U+0610–061A, U+06D6–06ED) and any other
 * mark left after NFKC; plus tatweel (U+0640) and the Quranic signs in U+06D6–06ED that are not
 * marks (end of ayah U+06DD, rub el hizb U+06DE, small waw/yeh U+06E5–06E6, sajdah U+06E9).
 */
export const MARKS = /\p{M}|[\u0640\u06DD\u06DE\u06E5\u06E6\u06E9]/gu;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ک: 'ك',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ؤ: 'ء',
  ئ: 'ء',
};
export const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
export const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function westernDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** The alef that carries an accusative tanween («فائضاً»): part of the ending, not the word. */
export const TANWEEN_ALEF = /\u064B\u0627|\u0627\u064B/g;

/** A letter after folding: hamza forms, alef maqsura, ta marbuta and Persian letters. */
export function foldLetter(letter: string): string {
  return LETTER_FOLDS[letter] ?? letter;
}
