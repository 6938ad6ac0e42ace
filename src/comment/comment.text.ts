// A comment's text as stored, and the folded form duplicates and the word list are compared in.
import { normalise } from '../search/search.analyser.js';
import { BIDI_FORMATTING, normaliseText } from '../lib/text.normalise.js';

/** A reader's text: multi-line, without marks that would reorder what follows it. */
export function cleanCommentText(text: string): string {
  return normaliseText(text.replace(BIDI_FORMATTING, ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The comparable form of text: the search analyser's Arabic folding, words joined by spaces. */
export function fold(text: string): string {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}
