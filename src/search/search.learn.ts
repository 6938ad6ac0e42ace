// Learning names across scripts from the newsroom's bilingual pages: an Arabic live page and
// its English counterpart (the page's translation) tell the same story, so a name written in
// Latin letters on one and in Arabic letters on the other is the same name. A Latin word that
// is capitalised inside a sentence (a name, in English) is paired with the Arabic word of the
// counterpart whose sound key (search.translit.ts) is the same or, for a long key, one letter
// off: «Washington» (`wsnktn`) and «واشنطن» (`wsntn`) are joined although the letter classes
// alone do not join them. Pure: the search service reads the pages and stores the pairs.
import { arabicKey, keyDistance, latinKey, MIN_KEY } from './search.translit.js';
import { stripArticle } from './search.stemmer.js';

export interface BilingualPage {
  /** The texts (headlines and bodies) of the Arabic page. */
  readonly arabic: readonly string[];
  /** The texts of its English counterpart. */
  readonly english: readonly string[];
}

export interface LearnedPair {
  /** Folded Latin spelling. */
  readonly latin: string;
  /** Folded Arabic spelling without its article. */
  readonly arabic: string;
  /** On how many page pairs both were seen. */
  readonly pages: number;
}

/** Keys at least this long may differ by one letter and still be joined. */
const LOOSE_KEY = 5;
/** Capitalised English words that are not names. */
const NOT_NAMES = new Set(
  (
    'The A An And Or But In On At Of To For With From By As Is Are Was Were It Its This That ' +
    'These Those He She They We I You His Her Their Our Mr Mrs Ms Dr President Minister Prime ' +
    'Foreign Minister Ministry State Secretary General Deputy Speaker King Sultan Prince Sheikh ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May ' +
    'June July August September October November December Gulf Middle East West North South ' +
    'United States Nations Council Agency International National Republic Islamic Arab Union'
  )
    .toLowerCase()
    .split(' '),
);

/** Capitalised words inside sentences (not the first word of one), folded. */
export function latinNames(text: string): string[] {
  const names: string[] = [];
  for (const sentence of text.split(/[.!?؟\n]+/)) {
    const words = sentence.match(/[\p{L}'’-]+/gu) ?? [];
    words.slice(1).forEach((word) => {
      if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return;
      const folded = word.toLowerCase();
      if (!NOT_NAMES.has(folded) && latinKey(folded).length >= MIN_KEY) names.push(folded);
    });
  }
  return names;
}

/** Arabic words of a page by sound key, with how often each was seen. */
function arabicByKey(words: readonly string[]): Map<string, Map<string, number>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const word of words) {
    const core = stripArticle(word) ?? word;
    const key = arabicKey(core);
    if (key.length < MIN_KEY) continue;
    const counts = byKey.get(key) ?? new Map<string, number>();
    counts.set(core, (counts.get(core) ?? 0) + 1);
    byKey.set(key, counts);
  }
  return byKey;
}

/** A Latin spelling and an Arabic one of a name differ in length by at most this. */
const MAX_LENGTH_GAP = 3;

interface Candidate {
  readonly word: string;
  readonly distance: number;
  readonly gap: number;
  readonly count: number;
}

/** Closer keys first, then closer lengths (a name is not a short common word), then more seen. */
function better(a: Candidate, b: Candidate | undefined): boolean {
  if (b === undefined) return true;
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.gap !== b.gap) return a.gap < b.gap;
  return a.count > b.count;
}

/** The Arabic word of the page that a Latin name is most likely written as, if any. */
function bestMatch(latin: string, byKey: Map<string, Map<string, number>>): Candidate | undefined {
  const key = latinKey(latin);
  let best: Candidate | undefined;
  for (const [arabic, counts] of byKey) {
    if (Math.abs(arabic.length - key.length) > 1) continue;
    const distance = keyDistance(key, arabic);
    if (distance > (Math.min(key.length, arabic.length) >= LOOSE_KEY ? 1 : 0)) continue;
    for (const [word, count] of counts) {
      const gap = Math.abs(word.length - latin.length);
      if (gap > MAX_LENGTH_GAP) continue;
      const candidate = { word, distance, gap, count };
      if (better(candidate, best)) best = candidate;
    }
  }
  return best;
}

/**
 * The pairs the bilingual pages teach: for each Latin name of an English page, the Arabic word
 * of its counterpart it is most likely written as, counted over the page pairs.
 * `arabicWords` turns an Arabic text into its folded words (the analyser's tokeniser).
 */
export function learnNames(
  pages: readonly BilingualPage[],
  arabicWords: (text: string) => string[],
): LearnedPair[] {
  const support = new Map<string, { latin: string; arabic: string; gap: number; pages: number }>();
  for (const page of pages) {
    const byKey = arabicByKey(page.arabic.flatMap(arabicWords));
    for (const name of new Set(page.english.flatMap(latinNames))) {
      const match = bestMatch(name, byKey);
      if (match === undefined) continue;
      const pair = `${name} ${match.word}`;
      const known = support.get(pair);
      support.set(pair, {
        latin: name,
        arabic: match.word,
        gap: match.gap,
        pages: (known?.pages ?? 0) + 1,
      });
    }
  }
  // One Arabic spelling per Latin name and one Latin name per Arabic spelling: the pair seen
  // on most page pairs, then the one whose lengths agree best («Nikos», not «Nicosia»).
  const ranked = [...support.values()].sort((a, b) => b.pages - a.pages || a.gap - b.gap);
  const latinTaken = new Set<string>();
  const arabicTaken = new Set<string>();
  const pairs: LearnedPair[] = [];
  for (const { latin, arabic, pages: seen } of ranked) {
    if (latinTaken.has(latin) || arabicTaken.has(arabic)) continue;
    latinTaken.add(latin);
    arabicTaken.add(arabic);
    pairs.push({ latin, arabic, pages: seen });
  }
  return pairs.sort((a, b) => a.latin.localeCompare(b.latin));
}
