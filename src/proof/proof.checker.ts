// Proofing a text: every Arabic word the dictionary does not accept, or that is a listed slip
// or a ta marbuta written as ha, comes back with its offsets in the text and what it may have
// meant. Words the newsroom uses (its word list, the search alias table, the page's own names)
// are never marked. Pure: the service hands it the dictionary and the newsroom's words.
import type { SpellChecker } from './proof.dictionary.js';
import { ARABIC_WORD, candidates, isDefiniteHa, isYaForMaqsura, knownSlip } from './proof.rules.js';

export interface ProofIssue {
  /** The word as written (diacritics and tatweel included). */
  readonly word: string;
  /** UTF-16 offsets of the word in the text (`text.slice(start, end) === word`). */
  readonly start: number;
  readonly end: number;
  /** What it may have meant, most likely first (a suggestion may hold a space). */
  readonly suggestions: readonly string[];
}

export interface ProofContext {
  readonly checker: SpellChecker;
  /** True for a word the newsroom uses (compared without diacritics and tatweel). */
  readonly isKnown: (word: string) => boolean;
}

/** Runs of Arabic letters, with the diacritics and tatweel inside them. */
const WORD = /(?:[\u0621-\u064A\u0640]|\p{Mn})+/gu;
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const MAX_SUGGESTIONS = 5;
/** The dictionary's own (slow) suggestions are asked for at most this many words a text. */
const MAX_DICTIONARY_SUGGESTIONS = 2;
const MAX_DICTIONARY_WORD = 8;
/** Suggestions are looked for during at most this long a text; later words are only marked. */
const SUGGESTION_BUDGET_MS = 400;

/** The word as the dictionary sees it: no diacritics, no tatweel. */
export function bareWord(word: string): string {
  return word.replace(MARKS, '');
}

interface Verdict {
  readonly flagged: boolean;
  readonly suggestions: readonly string[];
}

interface Budget {
  /** The dictionary's own suggestions still allowed. */
  left: number;
  /** performance.now() after which no more suggestions are looked for. */
  readonly until: number;
}

function judge(word: string, context: ProofContext, budget: Budget): Verdict {
  const { checker, isKnown } = context;
  if (word.length < 2 || !ARABIC_WORD.test(word) || isKnown(word)) {
    return { flagged: false, suggestions: [] };
  }
  const spell = (w: string) => checker.spell(w) || isKnown(w);
  const slip = knownSlip(word);
  if (slip !== undefined) return { flagged: true, suggestions: [slip] };
  if (isDefiniteHa(word, spell)) return { flagged: true, suggestions: [`${word.slice(0, -1)}ة`] };
  if (isYaForMaqsura(word, spell)) return { flagged: true, suggestions: [`${word.slice(0, -1)}ى`] };
  if (checker.spell(word)) return { flagged: false, suggestions: [] };
  if (performance.now() > budget.until) return { flagged: true, suggestions: [] };
  let suggestions = candidates(word, spell, MAX_SUGGESTIONS);
  if (suggestions.length === 0 && budget.left > 0 && word.length <= MAX_DICTIONARY_WORD) {
    budget.left -= 1;
    suggestions = checker.suggest(word).slice(0, MAX_SUGGESTIONS);
  }
  return { flagged: true, suggestions };
}

/** The likely misspellings of `text`, in order. */
export function proofText(text: string, context: ProofContext): ProofIssue[] {
  const issues: ProofIssue[] = [];
  const seen = new Map<string, Verdict>();
  const budget = {
    left: MAX_DICTIONARY_SUGGESTIONS,
    until: performance.now() + SUGGESTION_BUDGET_MS,
  };
  for (const match of text.matchAll(WORD)) {
    const bare = bareWord(match[0]);
    let verdict = seen.get(bare);
    if (verdict === undefined) {
      verdict = judge(bare, context, budget);
      seen.set(bare, verdict);
    }
    if (!verdict.flagged) continue;
    issues.push({
      word: match[0],
      start: match.index,
      end: match.index + match[0].length,
      suggestions: verdict.suggestions,
    });
  }
  return issues;
}
