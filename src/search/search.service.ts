// Search: the reader's query (all terms first, then any term when that finds too few), and
// the indexer that the update and live-page services call INSIDE their write transactions,
// so the index changes exactly when what readers see changes.
import type { ServiceDeps } from '../platform/platform.deps.js';
import type { Db } from '../storage/storage.database.js';
import {
  createLiveblogRepository,
  type ExplainerSection,
  type Liveblog,
} from '../liveblog/liveblog.repository.js';
import {
  createUpdateRepository,
  isVisible,
  type PublishedUpdate,
  type Update,
} from '../update/update.repository.js';
import { blocksToText } from '../update/update.blocks.js';
import { analyseQuery, analyseWords, type QueryTerm } from './search.analyser.js';
import { highlight, snippet, type Segment } from './search.highlight.js';
import { createSearchRepository } from './search.repository.js';
import type {
  NewSearchDocument,
  SearchFilters,
  SearchKind,
  SearchMatch,
  WordForms,
} from './search.types.js';

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

function wordsOf(text: string): WordForms[] {
  return analyseWords(text).map((word) => word.forms);
}

function updateDocument(update: PublishedUpdate): NewSearchDocument {
  const headline = update.headline ?? '';
  const body = blocksToText(update.blocks);
  const sources = update.sources.map((source) => source.name).join(' ');
  return {
    kind: 'update',
    liveblogId: update.liveblogId,
    updateId: update.id,
    section: null,
    publishedAt: update.publishedAt,
    keyEvent: update.keyEvent,
    headline,
    body,
    headWords: wordsOf(headline),
    bodyWords: [...wordsOf(body), ...wordsOf(sources)],
  };
}

/** How many of the query's terms the document's headline and text hold. */
function coverage(match: SearchMatch, terms: readonly QueryTerm[]): number {
  const forms = new Set(analyseWords(`${match.headline}\n${match.body}`).flatMap((w) => w.forms));
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

export function createSearchService({ db, clock }: Pick<ServiceDeps, 'db' | 'clock'>) {
  const search = createSearchRepository();
  const updates = createUpdateRepository();
  const liveblogs = createLiveblogRepository();

  async function indexUpdate(trx: Db, update: Update, liveblog: Liveblog): Promise<void> {
    if (!isVisible(update)) {
      await search.removeUpdate(trx, update.id);
      return;
    }
    if (update.liveblogId !== liveblog.id) throw new Error('the update belongs to another page');
    await search.upsertUpdate(trx, updateDocument(update), clock.now());
  }

  async function indexExplainer(
    trx: Db,
    liveblog: Liveblog,
    sections: readonly ExplainerSection[],
  ): Promise<void> {
    const now = clock.now();
    const docs = sections.map((section): NewSearchDocument => {
      const body = blocksToText(section.blocks);
      return {
        kind: 'explainer',
        liveblogId: liveblog.id,
        updateId: null,
        section: section.position,
        publishedAt: now,
        keyEvent: false,
        headline: section.title,
        body,
        headWords: wordsOf(section.title),
        bodyWords: wordsOf(body),
      };
    });
    await search.replaceExplainer(trx, liveblog.id, docs, now);
  }

  return {
    /**
     * Finds updates and explainer sections. Documents with every query word come first (best
     * rank first); when they are fewer than the limit, documents with some of the words follow.
     */
    async search(query: SearchQuery): Promise<SearchResults> {
      const terms = analyseQuery(query.q);
      const limit = Math.min(Math.max(query.limit ?? SEARCH_DEFAULT_LIMIT, 1), SEARCH_MAX_LIMIT);
      const result = { query: query.q, terms: terms.map((term) => term.text) };
      if (terms.length === 0) return { ...result, hits: [] };
      const filters: SearchFilters = {
        ...(query.liveblog !== undefined && { liveblogSlug: query.liveblog }),
        ...(query.from !== undefined && { from: query.from }),
        ...(query.to !== undefined && { to: query.to }),
        ...(query.keyEventsOnly === true && { keyEventsOnly: true }),
      };
      const forms = terms.map((term) => term.forms);
      const all = await search.search(db, { terms: forms, mode: 'all', filters, limit });
      const hits = all.map((match) => hitOf(match, terms, true));
      const missing = limit - all.length;
      if (missing > 0 && terms.length > 1) {
        // bm25 and ts_rank can put one rare word above two common ones; readers expect the
        // results holding more of their words first. So a larger pool is ordered by how many
        // query words each holds (headline and text; a word only in the sources counts no
        // more), and by the engine's rank among those that hold as many.
        const pool = await search.search(db, {
          terms: forms,
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
      return { ...result, hits };
    },

    /**
     * Call inside the transaction that wrote the update: indexes a visible update (headline,
     * text, source names), re-indexes an edited one, and removes one that is deleted or not
     * visible.
     */
    indexUpdate,

    /** Call inside the transaction that wrote the page's explainer: replaces its sections. */
    indexExplainer,

    /** Removes an update from the index (same as indexUpdate with an update no longer visible). */
    async removeUpdate(trx: Db, updateId: number): Promise<void> {
      await search.removeUpdate(trx, updateId);
    },

    /**
     * Rebuilds the whole index from the updates and explainers (after the migration on an
     * existing database, or after the analyser changed). One transaction per page.
     */
    async reindexAll(): Promise<number> {
      let count = 0;
      for (const id of await search.liveblogIds(db)) {
        count += await db.transaction().execute(async (trx) => {
          // The first statement writes (see docs/architecture.md, Storage).
          await search.removeLiveblog(trx, id);
          const liveblog = await liveblogs.findById(trx, id);
          if (!liveblog) return 0;
          let indexed = 0;
          const page = 500;
          for (let offset = 0; ; offset += page) {
            const batch = await updates.listPublished(trx, id, offset, page);
            for (const update of batch) await indexUpdate(trx, update, liveblog);
            indexed += batch.length;
            if (batch.length < page) break;
          }
          const sections = await liveblogs.explainer(trx, id);
          await indexExplainer(trx, liveblog, sections);
          return indexed + sections.length;
        });
      }
      return count;
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
