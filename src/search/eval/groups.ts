// The whole evaluation set, by group: the general queries (queries.ts), broken plurals, names
// across scripts, and typos in the query, as bench/search.ts reads them.
import { NAME_PASSAGES } from './passages.names.js';
import { PASSAGES, type EvalPassage } from './passages.js';
import { PLURAL_PASSAGES } from './passages.plurals.js';
import { NAME_QUERIES } from './queries.names.js';
import { PLURAL_QUERIES } from './queries.plurals.js';
import { QUERIES, type EvalGroup } from './queries.js';
import { TYPO_QUERIES } from './queries.typos.js';

export const ALL_PASSAGES: readonly EvalPassage[] = [
  ...PASSAGES,
  ...PLURAL_PASSAGES,
  ...NAME_PASSAGES,
];

export const EVAL_GROUPS: readonly EvalGroup[] = [
  { name: 'general', queries: QUERIES },
  { name: 'broken plurals', queries: PLURAL_QUERIES },
  { name: 'names across scripts', queries: NAME_QUERIES },
  { name: 'typos in the query', queries: TYPO_QUERIES },
];
