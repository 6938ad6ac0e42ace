// SQLite FTS5 for search: the token strings stored in the FTS5 columns and the match
// expressions built out of analysed words. Every token is quoted, so no operator or column
// syntax can leak through; the repository binds the result as one parameter.
import type { NewSearchDocument, WordForms } from './search.types.js';

/** A date filter spanning more months than this is left to SQL alone (it hardly narrows). */
const MAX_MONTH_TOKENS = 36;

/** Words → the space-separated token string stored in an FTS5 column. */
export function ftsText(words: readonly WordForms[]): string {
  return words.flatMap((forms) => forms).join(' ');
}

/** A token as an FTS5 string literal: no operator or column syntax can leak through. */
function ftsString(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

export function ftsMatchExpression(terms: readonly WordForms[], mode: 'all' | 'any'): string {
  if (mode === 'any') return terms.flatMap((forms) => forms.map(ftsString)).join(' OR ');
  return terms.map((forms) => `(${forms.map(ftsString).join(' OR ')})`).join(' AND ');
}

function monthToken(date: Date): string {
  return `m${date.toISOString().slice(0, 7).replace('-', '')}`;
}

/** Filter tokens of a document: its page, its month, whether it is a key event. */
export function metaText(doc: NewSearchDocument): string {
  return [
    `lb${doc.liveblogId}`,
    monthToken(doc.publishedAt),
    ...(doc.keyEvent ? ['key'] : []),
  ].join(' ');
}

/** The month tokens from `from` to `to`, or undefined when there are too many to help. */
function monthTokens(from: Date, to: Date): string[] | undefined {
  const months: string[] = [];
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (at <= to) {
    months.push(monthToken(at));
    if (months.length > MAX_MONTH_TOKENS) return undefined;
    at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return months;
}

/**
 * The whole FTS5 query: the words, searched in the headline and body only, and the filters
 * as meta tokens (exact for the page and key events, by month for dates).
 */
export function ftsQuery(
  terms: readonly WordForms[],
  mode: 'all' | 'any',
  filters: { liveblogId?: number; keyEventsOnly?: boolean; from?: Date; to?: Date },
): string {
  const parts = [`{head body} : (${ftsMatchExpression(terms, mode)})`];
  if (filters.liveblogId !== undefined) parts.push(`meta : "lb${filters.liveblogId}"`);
  if (filters.keyEventsOnly === true) parts.push('meta : "key"');
  if (filters.from !== undefined && filters.to !== undefined) {
    const months = monthTokens(filters.from, filters.to);
    if (months !== undefined) parts.push(`meta : (${months.map(ftsString).join(' OR ')})`);
  }
  return parts.join(' AND ');
}
