// The light stemmer of search (search.analyser.ts runs it on folded tokens): at most one
// article or conjunction+article prefix, then pronoun, plural/feminine and nisba suffixes,
// each only while the stem keeps enough letters (three; four or five for ون، ين، ان).

const ARABIC_LETTERS = /^[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+$/;

/** Article and conjunction+article prefixes, longest first. */
const ARTICLE_PREFIXES = [
  'وبال',
  'فبال',
  'وكال',
  'فكال',
  'وال',
  'فال',
  'بال',
  'كال',
  'ولل',
  'فلل',
  'لل',
  'ال',
];
/** Single-letter proclitics that may also be the first letter of a word (وزير، فريق، بيان). */
export const CONJUNCTIONS = ['و', 'ف'];
export const PREPOSITIONS = ['ب', 'ل', 'ك'];

/** Object pronoun suffixes. */
const PRONOUN_SUFFIXES = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'نا'];
/** Plural, dual, feminine and nisba-feminine suffixes (after folding ة → ه), with minimum stems. */
const NOUN_SUFFIXES: readonly (readonly [string, number])[] = [
  ['ات', 3],
  ['ون', 4],
  ['ين', 4],
  // Dual «ان» only on long words: most nouns ending in «ان» are not duals (بيان، طيران، برلمان).
  ['ان', 5],
  ['يه', 3],
  ['ه', 3],
  // Dual verbs and the accusative written without its tanween: اتفقا → اتفق، فائضا → فائض.
  ['ا', 3],
];
export const MIN_STEM = 3;

export function isArabic(token: string): boolean {
  return ARABIC_LETTERS.test(token);
}

export function stripArticle(word: string): string | undefined {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) {
      return word.slice(prefix.length);
    }
  }
  return undefined;
}

/** Suffix stripping of a word without prefixes; knows nothing of names or aliases. */
export function stripSuffixes(base: string): string {
  let stem = base;
  for (const suffix of PRONOUN_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      stem = stem.slice(0, -suffix.length);
      // The ta marbuta shows as ta before a pronoun: حكومتها → حكومت → حكومه.
      // (Not after the plural «ات»: رحلاتها → رحلات.)
      if (stem.endsWith('ت') && !stem.endsWith('ات') && stem.length >= 4) {
        stem = `${stem.slice(0, -1)}ه`;
      }
      break;
    }
  }
  for (const [suffix, min] of NOUN_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= min) {
      stem = stem.slice(0, -suffix.length);
      // Dual and plural of a feminine noun: دولتين → دولت → دول (as دولة → دوله → دول).
      if ((suffix === 'ين' || suffix === 'ان') && stem.endsWith('ت') && stem.length >= 4) {
        stem = stem.slice(0, -1);
      }
      break;
    }
  }
  // Nisba: إيراني → إيران, فلسطينيين → فلسطيني → فلسطين.
  if (stem.endsWith('ي') && stem.length - 1 >= MIN_STEM) stem = stem.slice(0, -1);
  return stem;
}
