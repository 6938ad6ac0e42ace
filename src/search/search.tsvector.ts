// PostgreSQL for search: the tsvector literal of a document (positions, A for the headline and
// B for the body) and the tsquery literal of a query, both built from analysed words; the
// repository binds them as parameters and casts them.
import type { WordForms } from './search.types.js';

/** PostgreSQL: positions above this are folded onto it; at most this many per lexeme. */
const PG_MAX_POSITION = 16_383;
const PG_MAX_POSITIONS = 255;

function pgLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * Words → a tsvector literal with positions and weights (A headline, B body). Built here,
 * not by to_tsvector, so no parser or locale can split or change the analysed tokens.
 */
export function tsvectorLiteral(
  headWords: readonly WordForms[],
  bodyWords: readonly WordForms[],
): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (words: readonly WordForms[], weight: 'A' | 'B') => {
    for (const forms of words) {
      position = Math.min(position + 1, PG_MAX_POSITION);
      for (const form of forms) {
        const list = positions.get(form) ?? [];
        const entry = `${position}${weight}`;
        if (list.length < PG_MAX_POSITIONS && !list.some((p) => parseInt(p, 10) === position)) {
          list.push(entry);
        }
        positions.set(form, list);
      }
    }
  };
  add(headWords, 'A');
  add(bodyWords, 'B');
  return [...positions].map(([lexeme, list]) => `${pgLexeme(lexeme)}:${list.join(',')}`).join(' ');
}

export function tsqueryLiteral(terms: readonly WordForms[], mode: 'all' | 'any'): string {
  if (mode === 'any') return terms.flatMap((forms) => forms.map(pgLexeme)).join(' | ');
  return terms.map((forms) => `(${forms.map(pgLexeme).join(' | ')})`).join(' & ');
}
