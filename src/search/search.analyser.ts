// The one text analyser of search: the index and the query go through the same steps, so a
// word finds its variants whichever way either side spelled them.
//
//   normalise   NFKC; drop invisible and bidirectional controls, Arabic diacritics, Quranic
//               marks and tatweel; fold hamza forms, alef maqsura, ta marbuta and Persian
//               letters; Arabic-Indic and Persian digits to 0–9; lower case.
//   tokenise    runs of letters or of digits («2025م» → «2025», «م»), with the offsets of the
//               word they came from in the original text (for highlighting).
//   stem        a light stemmer: at most one article or conjunction+article prefix, then
//               pronoun, plural/feminine and nisba suffixes, each only while the stem keeps
//               enough letters (three; four or five for ون، ين، ان). Protected names
//               (إيران، عمان، طهران، لبنان، واشنطن…) stay whole.
//   aliases     search.aliases.ts maps names and spellings to one canonical token.
//
// Every word is indexed as its folded surface form plus its stem(s) (and canonical name); the
// text side also keeps the reading without a leading و/ف/ب/ل/ك that may be a proclitic. A
// query word is reduced the safe way to its stem or name, and matches a text word that has it.
import { ALIASES } from './search.aliases.js';

// ── Normalisation ────────────────────────────────────────────────────────────────────────

/** Invisible and bidirectional controls (and the soft hyphen and word joiner). */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/**
 * Combining marks: Arabic harakat, shadda, sukun and the combining hamza/madda (U+064B–065F),
 * superscript alef (U+0670), Quranic annotation signs (U+0610–061A, U+06D6–06ED) and any other
 * mark left after NFKC; plus tatweel (U+0640) and the Quranic signs in U+06D6–06ED that are not
 * marks (end of ayah U+06DD, rub el hizb U+06DE, small waw/yeh U+06E5–06E6, sajdah U+06E9).
 */
const MARKS = /\p{M}|[\u0640\u06DD\u06DE\u06E5\u06E6\u06E9]/gu;

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
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** The alef that carries an accusative tanween («فائضاً»): part of the ending, not the word. */
const TANWEEN_ALEF = /\u064B\u0627|\u0627\u064B/g;

/** The folded form of any text: what both the index and the query compare. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TANWEEN_ALEF, '')
    .replace(MARKS, '')
    .replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(EASTERN_DIGITS, westernDigit)
    .toLowerCase();
}

// ── Tokenising ───────────────────────────────────────────────────────────────────────────

/** A word of the original text: letters, digits, marks and the invisible characters inside. */
const WORD =
  /[\p{L}\p{N}\p{M}\u00AD\u0640\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+/gu;
/** Tokens inside a normalised word: runs of letters, runs of digits. */
const TOKEN = /\p{L}+|\p{N}+/gu;
const ARABIC_LETTERS = /^[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+$/;
const MAX_TOKEN_LENGTH = 64;

export interface RawToken {
  /** The folded token. */
  readonly token: string;
  /** Offsets of the word in the original text that holds the token. */
  readonly start: number;
  readonly end: number;
}

/** Folded tokens with the offsets of their word in the original text. */
export function tokenise(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  for (const word of text.matchAll(WORD)) {
    const start = word.index;
    const end = start + word[0].length;
    for (const piece of normalise(word[0]).matchAll(TOKEN)) {
      const token = piece[0];
      // Single letters («م» after a year, «و» standing alone) carry no meaning of their own.
      if (token.length < 2 && !/\p{N}/u.test(token)) continue;
      if (token.length > MAX_TOKEN_LENGTH) continue;
      tokens.push({ token, start, end });
    }
  }
  return tokens;
}

// ── Stemming ─────────────────────────────────────────────────────────────────────────────

/**
 * Names that look as if they had a prefix or a suffix but do not; written as usual, folded when
 * the tables are built. («عمان» is both Oman and Amman: the letters cannot tell them apart.)
 */
const PROTECTED = [
  'إيران',
  'عمان',
  'طهران',
  'لبنان',
  'واشنطن',
  'أصفهان',
  'البحرين',
  'فلسطين',
  'الصين',
  'اليابان',
  'السودان',
  'اليمن',
  'الأردن',
  'باكستان',
  'أفغانستان',
  'كردستان',
  'أذربيجان',
  'الله',
  'رئيسي',
  'الكويت',
  'فرنسا',
  'فنزويلا',
  'فيينا',
  'بكين',
  'برلين',
  'بغداد',
  'بيروت',
  'كوريا',
  'تركيا',
  'روسيا',
  'ليبيا',
  'سوريا',
  'ألمانيا',
  'بريطانيا',
  'إيطاليا',
  'الإمارات',
  'رمضان',
  'سلطان',
  'بيان',
  'برلمان',
  'استيطان',
];

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
const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];

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
const MIN_STEM = 3;

function isArabic(token: string): boolean {
  return ARABIC_LETTERS.test(token);
}

function stripArticle(word: string): string | undefined {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) {
      return word.slice(prefix.length);
    }
  }
  return undefined;
}

/** Suffix stripping of a word without prefixes; knows nothing of names or aliases. */
function stripSuffixes(base: string): string {
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

// ── Names: protected words and aliases ───────────────────────────────────────────────────

interface NameTables {
  /** Folded whole words and their article-less forms → canonical token. */
  readonly words: Map<string, string>;
  /** Stems of the same → canonical token (so «الأميركيون» finds «أميركي»). */
  readonly stems: Map<string, string>;
}

function addName(tables: NameTables, variant: string, canonical: string, withStems: boolean): void {
  const folded = normalise(variant).replace(/[^\p{L}\p{N}]/gu, '');
  if (folded === '') return;
  const base = stripArticle(folded);
  // «الله» must not turn «له» into a name: article-less forms need three letters.
  const forms = base !== undefined && base.length >= MIN_STEM ? [folded, base] : [folded];
  for (const form of forms) {
    const known = tables.words.get(form);
    if (known !== undefined && known !== canonical) {
      throw new Error(`search alias «${variant}» is listed under «${known}» and «${canonical}»`);
    }
    tables.words.set(form, canonical);
    if (withStems && isArabic(form)) {
      const stem = stripSuffixes(form);
      if (!tables.stems.has(stem)) tables.stems.set(stem, canonical);
    }
  }
}

function buildNameTables(aliases: Readonly<Record<string, readonly string[]>>): NameTables {
  const tables: NameTables = { words: new Map(), stems: new Map() };
  for (const [key, variants] of Object.entries(aliases)) {
    const folded = normalise(key).replace(/[^\p{L}\p{N}]/gu, '');
    const canonical = stripArticle(folded) ?? folded;
    for (const variant of [key, ...variants]) addName(tables, variant, canonical, true);
  }
  for (const name of PROTECTED) {
    const folded = normalise(name);
    // «الأردن» and «أردني» meet on «اردن»; «الله» keeps its article.
    const base = stripArticle(folded);
    const canonical = base !== undefined && base.length >= MIN_STEM ? base : folded;
    // Only the name itself, not its stems: «رئيسي» must not take over «رئيس».
    if (!tables.words.has(folded)) addName(tables, name, canonical, false);
  }
  return tables;
}

const names = buildNameTables(ALIASES);

/** The canonical token of a name, if the word (or its article-less form or stem) is one. */
function nameOf(word: string): string | undefined {
  const whole = names.words.get(word);
  if (whole !== undefined) return whole;
  if (!isArabic(word)) return undefined;
  const base = stripArticle(word);
  const found = base === undefined ? undefined : names.words.get(base);
  if (found !== undefined) return found;
  // Only a word that really had a suffix: «الأميركيون» → أميركي, but «بقاء» is not «بقائي».
  const core = base ?? word;
  const stem = stripSuffixes(core);
  return stem === core ? undefined : names.stems.get(stem);
}

// ── Word analysis ────────────────────────────────────────────────────────────────────────

/**
 * The forms of one folded token: its surface form first, then its stem(s), no duplicates.
 * `index` also adds the reading without a leading و/ف/ب/ل/ك where that letter may be a
 * proclitic («وقالت» is also indexed as «قالت»); queries keep to the safe reading, so a
 * query finds every reading the text could have, and a query word is never cut wrongly.
 */
export function wordForms(token: string, mode: 'index' | 'query' = 'index'): string[] {
  const name = nameOf(token);
  if (name !== undefined) return name === token ? [token] : [token, name];
  if (!isArabic(token)) return [token];

  const forms = [token];
  const add = (form: string) => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  const base = stripArticle(token);
  if (base !== undefined) {
    add(nameOf(base) ?? stripSuffixes(base));
    return forms;
  }
  const first = token.charAt(0);
  const rest = token.slice(1);
  if (CONJUNCTIONS.includes(first) || PREPOSITIONS.includes(first)) {
    // وإيران، لطهران، بمسقط: a name after a proclitic is unambiguous.
    const restName = nameOf(rest) ?? nameOf(rest.slice(1));
    if (restName !== undefined) {
      add(restName);
      return forms;
    }
  }
  add(stripSuffixes(token));
  if (mode === 'index') {
    // The text side also keeps the reading without a proclitic that may be one: «وقالت» is
    // also «قالت», «بإغلاق» also «إغلاق», «وبإغلاق» also «إغلاق».
    const readings: string[] = [];
    if (CONJUNCTIONS.includes(first) && rest.length >= MIN_STEM) {
      readings.push(rest);
      if (PREPOSITIONS.includes(rest.charAt(0)) && rest.length - 1 >= 4)
        readings.push(rest.slice(1));
    } else if (PREPOSITIONS.includes(first) && rest.length >= 4) {
      readings.push(rest);
    }
    for (const reading of readings) {
      add(reading);
      add(stripSuffixes(reading));
    }
  }
  return forms;
}

export interface AnalysedWord {
  /** Offsets of the word in the original text. */
  readonly start: number;
  readonly end: number;
  /** Surface form first, then stems and canonical names. */
  readonly forms: readonly string[];
}

/** Index-side analysis with offsets: one entry per token. */
export function analyseWords(text: string): AnalysedWord[] {
  return tokenise(text).map(({ token, start, end }) => ({
    start,
    end,
    forms: wordForms(token, 'index'),
  }));
}

/** The index tokens of a text: every form of every word, in order. */
export function analyse(text: string): string[] {
  return analyseWords(text).flatMap((word) => word.forms);
}

// ── Queries ──────────────────────────────────────────────────────────────────────────────

/** Words that say nothing about what a reader looks for (folded spelling). */
const STOPWORDS = new Set(
  [
    'في',
    'من',
    'على',
    'إلى',
    'عن',
    'مع',
    'أن',
    'إن',
    'أو',
    'ثم',
    'قد',
    'لقد',
    'هل',
    'ما',
    'ماذا',
    'لماذا',
    'كيف',
    'متى',
    'أين',
    'هذا',
    'هذه',
    'ذلك',
    'تلك',
    'التي',
    'الذي',
    'الذين',
    'كان',
    'كانت',
    'حول',
    'بين',
    'عند',
    'لدى',
    'منذ',
    'حتى',
    'خلال',
    'أي',
    'كل',
    'بعد',
    'قبل',
    'هو',
    'هي',
    'لا',
    'لم',
    'لن',
    'the',
    'of',
    'in',
    'on',
    'and',
    'to',
    'for',
    'with',
    'at',
    'by',
    'is',
    'what',
    'about',
    'from',
  ].map(normalise),
);

export interface QueryTerm {
  /** The word as the reader typed it. */
  readonly text: string;
  /** Its folded surface form. */
  readonly surface: string;
  /**
   * What it matches: its stem or canonical name, or the surface form when it has neither.
   * Not both: the stem already finds every word the surface form would (the text side holds
   * the stems of its words), and ranks would count a word matched twice as two.
   */
  readonly forms: readonly string[];
}

/** Query words (stop words dropped unless nothing else is left), each with the forms it matches. */
export function analyseQuery(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const { token, start, end } of tokenise(text)) {
    const all = wordForms(token, 'query');
    const forms = all.length > 1 ? all.slice(1) : all;
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ text: text.slice(start, end), surface: token, forms });
  }
  const meaningful = terms.filter((term) => !STOPWORDS.has(term.surface));
  return meaningful.length > 0 ? meaningful : terms;
}

/** Every form any term of the query matches: what highlighting looks for. */
export function queryForms(terms: readonly QueryTerm[]): Set<string> {
  return new Set(terms.flatMap((term) => term.forms));
}
