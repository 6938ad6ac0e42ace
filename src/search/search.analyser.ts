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
import {
  EASTERN_DIGITS,
  FOLDABLE,
  INVISIBLE,
  MARKS,
  TANWEEN_ALEF,
  foldLetter,
  westernDigit,
} from './search.letters.js';
import { buildNameTables, nameIn } from './search.names.js';
import {
  CONJUNCTIONS,
  MIN_STEM,
  PREPOSITIONS,
  isArabic,
  stripArticle,
  stripSuffixes,
} from './search.stemmer.js';
import { STOPWORDS } from './search.stopwords.js';

// ── Normalisation ────────────────────────────────────────────────────────────────────────

/** The folded form of any text: what both the index and the query compare. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TANWEEN_ALEF, '')
    .replace(MARKS, '')
    .replace(FOLDABLE, foldLetter)
    .replace(EASTERN_DIGITS, westernDigit)
    .toLowerCase();
}

// ── Tokenising ───────────────────────────────────────────────────────────────────────────

/** A word of the original text: letters, digits, marks and the invisible characters inside. */
const WORD =
  /[\p{L}\p{N}\p{M}\u00AD\u0640\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+/gu;
/** Tokens inside a normalised word: runs of letters, runs of digits. */
const TOKEN = /\p{L}+|\p{N}+/gu;
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

const names = buildNameTables(ALIASES, normalise);

function nameOf(word: string): string | undefined {
  return nameIn(names, word);
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

const STOPWORD_FORMS = new Set(STOPWORDS.map(normalise));

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
  const meaningful = terms.filter((term) => !STOPWORD_FORMS.has(term.surface));
  return meaningful.length > 0 ? meaningful : terms;
}

/** Every form any term of the query matches: what highlighting looks for. */
export function queryForms(terms: readonly QueryTerm[]): Set<string> {
  return new Set(terms.flatMap((term) => term.forms));
}
