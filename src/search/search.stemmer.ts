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

// ── Broken plurals (the table is search.plurals.ts) ─────────────────────────────────────

/** The table as [singular, plurals] pairs, comments and blank lines left out. */
export function pluralEntries(table: string): [string, string[]][] {
  const entries: [string, string[]][] = [];
  for (const line of table.split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const [singular, plurals] = text.split(':');
    if (singular === undefined || plurals === undefined) {
      throw new Error(`search plural line «${text}» needs a colon after the singular`);
    }
    entries.push([singular.trim(), plurals.trim().split(/\s+/)]);
  }
  return entries;
}

/** How the analyser folds text (its `normalise`). */
type Fold = (text: string) => string;

/** The stem a word of the table reduces to, as the analyser reduces a word of text. */
function stemOf(word: string, fold: Fold): string {
  return stripSuffixes(fold(word).replace(/[^\p{L}]/gu, ''));
}

/**
 * Plural stem → singular stem, folded with `fold`. Throws on a plural listed under two
 * singulars and on a singular that is itself a listed plural: either would join words that
 * have nothing in common.
 */
export function buildPluralTable(table: string, fold: Fold): Map<string, string> {
  const singulars = new Map<string, string>();
  for (const [singular, plurals] of pluralEntries(table)) {
    const lemma = stemOf(singular, fold);
    for (const plural of plurals) {
      const stem = stemOf(plural, fold);
      if (stem === lemma) continue;
      const known = singulars.get(stem);
      if (known !== undefined && known !== lemma) {
        throw new Error(`search plural «${plural}» is listed under «${known}» and «${lemma}»`);
      }
      singulars.set(stem, lemma);
    }
  }
  for (const [plural, lemma] of singulars) {
    if (singulars.has(lemma)) {
      throw new Error(`search singular «${lemma}» of «${plural}» is itself a listed plural`);
    }
  }
  return singulars;
}
