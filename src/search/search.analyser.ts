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
import { PLURALS } from './search.plurals.js';
import { buildSenseCues, isAmbiguous, placedForms, senseOfContext } from './search.senses.js';
import {
  buildPluralTable,
  CONJUNCTIONS,
  MIN_STEM,
  PREPOSITIONS,
  isArabic,
  stripArticle,
  stripSuffixes,
} from './search.stemmer.js';
import { STOPWORDS } from './search.stopwords.js';
import { arabicKey, isKeyToken, keyToken, latinKey } from './search.translit.js';

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
const plurals = buildPluralTable(PLURALS, normalise);

function nameOf(word: string): string | undefined {
  return nameIn(names, word);
}

/** A word without prefixes reduced to its stem, and a broken plural to its singular's. */
function stemOf(word: string): string {
  const stem = stripSuffixes(word);
  return plurals.get(stem) ?? stem;
}

const senseCues = buildSenseCues((word) => {
  const forms = wordForms(normalise(word), 'query');
  return forms.length > 1 ? forms.slice(1) : forms;
});

// ── Word analysis ────────────────────────────────────────────────────────────────────────

/** The readings of a token without a leading و/ف/ب/ل/ك that may be a proclitic. */
function procliticReadings(token: string): string[] {
  const first = token.charAt(0);
  const rest = token.slice(1);
  const readings: string[] = [];
  if (CONJUNCTIONS.includes(first) && rest.length >= MIN_STEM) {
    readings.push(rest);
    if (PREPOSITIONS.includes(rest.charAt(0)) && rest.length - 1 >= 4) readings.push(rest.slice(1));
  } else if (PREPOSITIONS.includes(first) && rest.length >= 4) {
    readings.push(rest);
  }
  return readings;
}

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
    // A plural that starts with «ال» itself («آلاف»، «ألغام») is looked up whole first.
    add(nameOf(base) ?? plurals.get(stripSuffixes(token)) ?? stemOf(base));
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
  add(stemOf(token));
  if (mode === 'index') {
    // The text side also keeps the reading without a proclitic that may be one: «وقالت» is
    // also «قالت», «بإغلاق» also «إغلاق», «وبإغلاق» also «إغلاق».
    for (const reading of procliticReadings(token)) {
      add(reading);
      add(stemOf(reading));
    }
  }
  return forms;
}

/**
 * The sound keys of an Arabic token (search.translit.ts): of the word without its article,
 * and of each reading without a proclitic, so «وويتكوف» is found by `Witkoff` too.
 */
export function wordKeys(token: string): string[] {
  if (!isArabic(token)) return [];
  const base = stripArticle(token);
  const cores = base !== undefined ? [base] : [token, ...procliticReadings(token)];
  const keys: string[] = [];
  for (const core of cores) {
    const key = keyToken(arabicKey(core));
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

export interface AnalysedWord {
  /** Offsets of the word in the original text. */
  readonly start: number;
  readonly end: number;
  /** Surface form first, then stems and canonical names. */
  readonly forms: readonly string[];
  /** Sound keys (Arabic words only), for names across scripts and typos; [] unless asked. */
  readonly keys: readonly string[];
}

function rawWords(text: string, withKeys: boolean) {
  return tokenise(text).map(({ token, start, end }) => ({
    token,
    start,
    end,
    forms: wordForms(token, 'index'),
    keys: withKeys ? wordKeys(token) : [],
  }));
}

/**
 * Index-side analysis with offsets: one entry per token. `context` is more text of the same
 * document (the body of a headline, the headline of a body): it helps place «عمان». The sound
 * keys are worked out only `withKeys` (the index needs them; highlighting only for a query
 * that asks for a key).
 */
export function analyseWords(text: string, context = '', withKeys = true): AnalysedWord[] {
  const words = rawWords(text, withKeys);
  if (!words.some((word) => isAmbiguous(word.token))) {
    return words.map(({ start, end, forms, keys }) => ({ start, end, forms, keys }));
  }
  const sense = senseOfContext([...words, ...rawWords(context, false)], senseCues);
  return words.map(({ token, start, end, forms, keys }) => ({
    start,
    end,
    forms: isAmbiguous(token) ? placedForms(forms, text.slice(start, end), token, sense) : forms,
    keys,
  }));
}

/** The forms of every word of a text, in order (the index also holds their keys). */
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
   * the stems of its words), and ranks would count a word matched twice as two. A Latin word
   * that is no known name also matches the Arabic words of its sound key.
   */
  readonly forms: readonly string[];
  /** What it may match when it finds nothing as typed (a typo): its sound key. */
  readonly fuzzy: readonly string[];
}

/**
 * Names learned from the newsroom's bilingual pages (search.learn.ts): a folded word of one
 * script → the forms of its spelling in the other.
 */
export type LearnedNames = ReadonlyMap<string, readonly string[]>;

/**
 * The lookup table of learned pairs, both ways: a Latin spelling → the stem or name of its
 * Arabic one, an Arabic spelling → its Latin one.
 */
export function learnedNamesOf(
  pairs: readonly { readonly latin: string; readonly arabic: string }[],
): LearnedNames {
  const names = new Map<string, string[]>();
  const add = (word: string, form: string) => {
    const list = names.get(word) ?? [];
    if (!list.includes(form)) names.set(word, [...list, form]);
  };
  for (const { latin, arabic } of pairs) {
    const all = wordForms(arabic, 'query');
    for (const form of all.length > 1 ? all.slice(1) : all) add(latin, form);
    add(arabic, latin);
  }
  return names;
}

function termForms(token: string, learned: LearnedNames | undefined): string[] {
  const all = wordForms(token, 'query');
  const forms = all.length > 1 ? all.slice(1) : all;
  if (nameOf(token) !== undefined) return forms;
  const core = stripArticle(token) ?? token;
  const known = learned?.get(token) ?? learned?.get(core);
  if (known !== undefined) return [...new Set([...forms, ...known])];
  if (isArabic(token)) return forms;
  const key = keyToken(latinKey(token));
  return key === undefined || /^\p{N}+$/u.test(token) ? forms : [token, key];
}

/** Query words (stop words dropped unless nothing else is left), each with the forms it matches. */
export function analyseQuery(text: string, learned?: LearnedNames): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const tokens = tokenise(text);
  const context = tokens.map(({ token }) => ({ token, forms: wordForms(token, 'query') }));
  for (const { token, start, end } of tokens) {
    let forms = termForms(token, learned);
    if (isAmbiguous(token)) {
      const sense = senseOfContext(context, senseCues);
      forms = placedForms(forms, text.slice(start, end), token, sense);
    }
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const fuzzy = isArabic(token) ? wordKeys(token).slice(0, 1) : [];
    terms.push({ text: text.slice(start, end), surface: token, forms, fuzzy });
  }
  const meaningful = terms.filter((term) => !STOPWORD_FORMS.has(term.surface));
  return meaningful.length > 0 ? meaningful : terms;
}

/** True when some term asks for a sound key (a Latin name, a typo): then text needs its keys. */
export function asksForKeys(terms: readonly QueryTerm[]): boolean {
  return terms.some((term) => term.forms.some(isKeyToken));
}

/** Every form any term of the query matches: what highlighting looks for. */
export function queryForms(terms: readonly QueryTerm[]): Set<string> {
  return new Set(terms.flatMap((term) => term.forms));
}
