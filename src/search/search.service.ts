// Search: the reader's query (all terms first, then any term when that finds too few), and
// the indexer that the update and live-page services call INSIDE their write transactions,
// so the index changes exactly when what readers see changes.
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Db } from '../storage/storage.database.js';
import type { ExplainerSection, Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { isVisible, type Update } from '../update/update.types.js';
import { createUpdateRepository } from '../update/update.repository.js';
import {
  analyseQuery,
  analyseWords,
  asksForKeys,
  learnedNamesOf,
  tokenise,
  type LearnedNames,
  type QueryTerm,
} from './search.analyser.js';
import { explainerDocuments, updateDocument } from './search.documents.js';
import { learnNames } from './search.learn.js';
import { highlight, snippet, type Segment } from './search.highlight.js';
import { createSearchRepository, type SearchRepository } from './search.repository.js';
import type { SearchFilters, SearchKind, SearchMatch } from './search.types.js';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;
/** The any-term pass ranks a pool this many times larger than what it returns, up to a cap. */
const POOL_FACTOR = 4;
const POOL_MIN = 50;
const POOL_MAX = 200;

export interface SearchQuery {
  readonly q: string;
  /** A live page's slug. */
  readonly liveblog?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly keyEventsOnly?: boolean;
  readonly limit?: number;
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly liveblog: {
    readonly slug: string;
    readonly headline: string;
    readonly locale: SearchMatch['liveblogLocale'];
    readonly timeZone: string;
  };
  /** The update; null for an explainer section. */
  readonly updateId: number | null;
  /** The explainer section's position; null for an update. */
  readonly section: number | null;
  readonly headline: Segment[];
  readonly snippet: Segment[];
  readonly publishedAt: Date;
  readonly keyEvent: boolean;
  readonly score: number;
  /** False for a hit that matches only some of the query's words (the fallback). */
  readonly allTerms: boolean;
}

export interface SearchResults {
  readonly query: string;
  /** The query words that were searched for (stop words left out). */
  readonly terms: string[];
  readonly hits: SearchHit[];
}

/** How many of the query's terms the document's headline and text hold. */
function coverage(match: SearchMatch, terms: readonly QueryTerm[]): number {
  const words = analyseWords(`${match.headline}\n${match.body}`, '', asksForKeys(terms));
  const forms = new Set(words.flatMap((word) => [...word.forms, ...word.keys]));
  return terms.filter((term) => term.forms.some((form) => forms.has(form))).length;
}

function hitOf(match: SearchMatch, terms: readonly QueryTerm[], allTerms: boolean): SearchHit {
  return {
    kind: match.kind,
    liveblog: {
      slug: match.liveblogSlug,
      headline: match.liveblogHeadline,
      locale: match.liveblogLocale,
      timeZone: match.liveblogTimeZone,
    },
    updateId: match.updateId,
    section: match.section,
    headline: highlight(match.headline, terms),
    snippet: snippet(match.body, terms),
    publishedAt: match.publishedAt,
    keyEvent: match.keyEvent,
    score: match.score,
    allTerms,
  };
}

/** Learned names are read again after this long (another node may have relearned them). */
const LEARNED_TTL_MS = 10 * 60_000;

/**
 * A query word that finds nothing as typed is taken for a typo and matched by its sound key
 * instead («المفاوضت» finds «المفاوضات»). Asked only when every word together found nothing.
 */
async function withTypos(
  db: Db,
  search: SearchRepository,
  terms: readonly QueryTerm[],
  filters: SearchFilters,
): Promise<QueryTerm[]> {
  const out: QueryTerm[] = [];
  for (const term of terms) {
    if (term.fuzzy.length === 0) {
      out.push(term);
      continue;
    }
    const found = await search.search(db, { terms: [term.forms], mode: 'all', filters, limit: 1 });
    out.push(found.length > 0 ? term : { ...term, forms: term.fuzzy });
  }
  return out;
}

function filtersOf(query: SearchQuery): SearchFilters {
  return {
    ...(query.liveblog !== undefined && { liveblogSlug: query.liveblog }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
    ...(query.keyEventsOnly === true && { keyEventsOnly: true }),
  };
}

/**
 * Documents with every query word first (best rank first); when they are fewer than the
 * limit, documents with some of the words follow.
 */
async function findHits(
  db: Db,
  search: SearchRepository,
  analysed: readonly QueryTerm[],
  filters: SearchFilters,
  limit: number,
): Promise<SearchHit[]> {
  let terms = [...analysed];
  let all = await search.search(db, {
    terms: terms.map((t) => t.forms),
    mode: 'all',
    filters,
    limit,
  });
  if (all.length === 0 && terms.some((term) => term.fuzzy.length > 0)) {
    const corrected = await withTypos(db, search, terms, filters);
    if (corrected.some((term, index) => term !== terms[index])) {
      terms = corrected;
      all = await search.search(db, {
        terms: terms.map((t) => t.forms),
        mode: 'all',
        filters,
        limit,
      });
    }
  }
  const hits = all.map((match) => hitOf(match, terms, true));
  const missing = limit - all.length;
  if (missing > 0 && terms.length > 1) {
    // bm25 and ts_rank can put one rare word above two common ones; readers expect the
    // results holding more of their words first. So a larger pool is ordered by how many
    // query words each holds (headline and text; a word only in the sources counts no
    // more), and by the engine's rank among those that hold as many.
    const pool = await search.search(db, {
      terms: terms.map((t) => t.forms),
      mode: 'any',
      filters,
      limit: Math.min(POOL_MAX, Math.max(POOL_MIN, missing * POOL_FACTOR)),
      exclude: all.map((match) => match.documentId),
    });
    const ranked = pool
      .map((match, rank) => ({ match, rank, covered: coverage(match, terms) }))
      .sort((a, b) => b.covered - a.covered || a.rank - b.rank)
      .slice(0, missing);
    hits.push(...ranked.map(({ match }) => hitOf(match, terms, false)));
  }
  return hits;
}

interface Indexer {
  readonly db: Db;
  readonly clock: BaseDeps['clock'];
  readonly search: SearchRepository;
  readonly updates: ReturnType<typeof createUpdateRepository>;
  readonly liveblogs: ReturnType<typeof createLiveblogRepository>;
}

async function indexUpdateWith(
  { search, clock }: Indexer,
  trx: Db,
  update: Update,
  liveblog: Liveblog,
): Promise<void> {
  if (!isVisible(update)) {
    await search.removeUpdate(trx, update.id);
    return;
  }
  if (update.liveblogId !== liveblog.id) throw new Error('the update belongs to another page');
  await search.upsertUpdate(trx, updateDocument(update), clock.now());
}

async function indexExplainerWith(
  { search, clock }: Indexer,
  trx: Db,
  liveblog: Liveblog,
  sections: readonly ExplainerSection[],
): Promise<void> {
  const now = clock.now();
  await search.replaceExplainer(trx, liveblog.id, explainerDocuments(liveblog, sections, now), now);
}

/** Rebuilds one page's part of the index in one transaction; returns how many it indexed. */
async function reindexPage(indexer: Indexer, id: number): Promise<number> {
  const { db, search, updates, liveblogs } = indexer;
  return db.transaction().execute(async (trx) => {
    // The first statement writes (see docs/architecture.md, Storage).
    await search.removeLiveblog(trx, id);
    const liveblog = await liveblogs.findById(trx, id);
    if (!liveblog) return 0;
    let indexed = 0;
    const page = 500;
    for (let offset = 0; ; offset += page) {
      const batch = await updates.listPublished(trx, id, offset, page);
      for (const update of batch) await indexUpdateWith(indexer, trx, update, liveblog);
      indexed += batch.length;
      if (batch.length < page) break;
    }
    const sections = await liveblogs.explainer(trx, id);
    await indexExplainerWith(indexer, trx, liveblog, sections);
    return indexed + sections.length;
  });
}

/** Learns names across scripts from every Arabic page and its English counterpart. */
async function learnFromPages({ db, search }: Indexer): Promise<number> {
  const pages = [];
  for (const pair of await search.bilingualPages(db)) {
    pages.push({
      arabic: await search.pageTexts(db, pair.arabicId),
      english: await search.pageTexts(db, pair.englishId),
    });
  }
  const pairs = learnNames(pages, (text) => tokenise(text).map((t) => t.token));
  await db.transaction().execute((trx) => search.replaceLearnedNames(trx, pairs));
  return pairs.length;
}

export function createSearchService({ db, clock }: BaseDeps) {
  const search = createSearchRepository();
  const indexer: Indexer = {
    db,
    clock,
    search,
    updates: createUpdateRepository(),
    liveblogs: createLiveblogRepository(),
  };
  let learned: { names: LearnedNames; at: number } | undefined;

  async function learnedNames(): Promise<LearnedNames> {
    const now = clock.now().getTime();
    if (learned !== undefined && now - learned.at < LEARNED_TTL_MS) return learned.names;
    learned = { names: learnedNamesOf(await search.learnedNames(db)), at: now };
    return learned.names;
  }

  async function learn(): Promise<number> {
    const count = await learnFromPages(indexer);
    learned = undefined;
    return count;
  }

  return {
    /**
     * Finds updates and explainer sections. Documents with every query word come first (best
     * rank first); when they are fewer than the limit, documents with some of the words follow.
     */
    async search(query: SearchQuery): Promise<SearchResults> {
      const terms = analyseQuery(query.q, await learnedNames());
      const limit = Math.min(Math.max(query.limit ?? SEARCH_DEFAULT_LIMIT, 1), SEARCH_MAX_LIMIT);
      const result = { query: query.q, terms: terms.map((term) => term.text) };
      if (terms.length === 0) return { ...result, hits: [] };
      return { ...result, hits: await findHits(db, search, terms, filtersOf(query), limit) };
    },

    /**
     * Call inside the transaction that wrote the update: indexes a visible update (headline,
     * text, source names), re-indexes an edited one, and removes one that is deleted or not
     * visible.
     */
    indexUpdate: (trx: Db, update: Update, liveblog: Liveblog) =>
      indexUpdateWith(indexer, trx, update, liveblog),

    /** Call inside the transaction that wrote the page's explainer: replaces its sections. */
    indexExplainer: (trx: Db, liveblog: Liveblog, sections: readonly ExplainerSection[]) =>
      indexExplainerWith(indexer, trx, liveblog, sections),

    /** Removes an update from the index (same as indexUpdate with an update no longer visible). */
    async removeUpdate(trx: Db, updateId: number): Promise<void> {
      await search.removeUpdate(trx, updateId);
    },

    /**
     * Learns names across scripts from the bilingual pages (done by reindexAll too); returns
     * how many pairs it keeps.
     */
    learnNames: learn,

    /**
     * Rebuilds the whole index from the updates and explainers (after the migration on an
     * existing database, or after the analyser changed), one transaction per page, then
     * learns the names of the bilingual pages again.
     */
    async reindexAll(): Promise<number> {
      let count = 0;
      for (const id of await search.liveblogIds(db)) count += await reindexPage(indexer, id);
      await learn();
      return count;
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
