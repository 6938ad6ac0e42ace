// Highlighting in the ORIGINAL text: the words whose analysed forms meet the query's forms are
// marked. The result is a list of segments, never HTML; the view escapes and wraps them.
import { analyseWords, asksForKeys, type QueryTerm } from './search.analyser.js';

export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** Indexes of the query terms this word matches. */
  readonly terms: readonly number[];
}

const SNIPPET_CHARS = 240;
/** How much text a snippet shows before its first match. */
const SNIPPET_LEAD = 60;

function matchedSpans(text: string, terms: readonly QueryTerm[]): Span[] {
  const termsOf = new Map<string, number[]>();
  terms.forEach((term, index) => {
    for (const form of term.forms) termsOf.set(form, [...(termsOf.get(form) ?? []), index]);
  });
  const spans: Span[] = [];
  for (const word of analyseWords(text, '', asksForKeys(terms))) {
    const matched = new Set(
      [...word.forms, ...word.keys].flatMap((form) => termsOf.get(form) ?? []),
    );
    if (matched.size === 0) continue;
    const last = spans.at(-1);
    // Several tokens of one word («2025م») make one span.
    if (last?.start === word.start) {
      spans[spans.length - 1] = { ...last, terms: [...new Set([...last.terms, ...matched])] };
    } else {
      spans.push({ start: word.start, end: word.end, terms: [...matched] });
    }
  }
  return spans;
}

function segmentsOf(text: string, spans: readonly Span[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

/** Collapses white space (paragraph breaks included) and merges neighbours of one kind. */
function tidy(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const last = out.at(-1);
    if (last?.match === segment.match) out[out.length - 1] = { ...last, text: last.text + text };
    else out.push({ text, match: segment.match });
  }
  const first = out[0];
  if (first) out[0] = { ...first, text: first.text.trimStart() };
  const final = out.at(-1);
  if (final) out[out.length - 1] = { ...final, text: final.text.trimEnd() };
  return out.filter((segment) => segment.text !== '');
}

/** The whole text, its matching words marked. */
export function highlight(text: string, terms: readonly QueryTerm[]): Segment[] {
  return tidy(segmentsOf(text, matchedSpans(text, terms), 0, text.length));
}

/** Moves `at` back to the start of the word it falls in. */
function wordStart(text: string, at: number): number {
  let i = Math.max(0, at);
  while (i > 0 && !/\s/.test(text.charAt(i - 1))) i--;
  return i;
}

/** Moves `at` back to the end of the previous whole word. */
function wordEnd(text: string, at: number, min: number): number {
  if (at >= text.length) return text.length;
  let i = at;
  while (i > min && !/\s/.test(text.charAt(i))) i--;
  return i > min ? i : at;
}

/**
 * A passage of about 240 characters around the densest group of matches (most distinct query
 * terms, then most matches), cut at word boundaries, with «…» where it was cut.
 */
export function snippet(
  text: string,
  terms: readonly QueryTerm[],
  maxChars = SNIPPET_CHARS,
): Segment[] {
  const spans = matchedSpans(text, terms);
  if (text.length <= maxChars) return tidy(segmentsOf(text, spans, 0, text.length));

  let best = { from: 0, distinct: 0, count: 0 };
  for (const anchor of spans) {
    const from = wordStart(text, anchor.start - SNIPPET_LEAD);
    const inside = spans.filter((s) => s.start >= from && s.end <= from + maxChars);
    const distinct = new Set(inside.flatMap((s) => s.terms)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) {
      best = { from, distinct, count: inside.length };
    }
  }
  // Short of the end of the text, the window ends at a word boundary.
  const from =
    text.length - best.from < maxChars ? wordStart(text, text.length - maxChars) : best.from;
  const to = wordEnd(text, from + maxChars, from);
  const segments = tidy(segmentsOf(text, spans, from, to));
  if (from > 0) segments.unshift({ text: '… ', match: false });
  if (to < text.length) segments.push({ text: ' …', match: false });
  return tidy(segments);
}
