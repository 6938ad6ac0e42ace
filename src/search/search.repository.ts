// All SQL of search, behind one interface for both engines. SQLite keeps the analysed tokens
// in an FTS5 table (ranked with bm25); PostgreSQL keeps them in a tsvector column with a GIN
// index (ranked with ts_rank). The tokens come from search.analyser.ts; search.fts5.ts and
// search.tsvector.ts turn them into each engine's literals, which this file binds as parameters.
import { sql, type Db } from '../storage/storage.database.js';
import type { DatabaseEngine } from '../platform/platform.config.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { ftsQuery, ftsText, metaText } from './search.fts5.js';
import { tsqueryLiteral, tsvectorLiteral } from './search.tsvector.js';
import type {
  NewSearchDocument,
  SearchDocumentTable,
  SearchKind,
  SearchMatch,
  SearchRequest,
} from './search.types.js';

interface SearchNameTable {
  latin: string;
  arabic: string;
  pages: number;
}

// A type alias, not an interface: withTables wants a record type.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type SearchTables = { searchDocuments: SearchDocumentTable; searchNames: SearchNameTable };

interface MatchRow {
  id: number;
  kind: string;
  liveblogId: number;
  liveblogSlug: string;
  liveblogHeadline: string;
  liveblogLocale: string;
  liveblogTimeZone: string;
  updateId: number | null;
  section: number | null;
  publishedAt: string;
  keyEvent: number;
  headline: string;
  body: string;
  score: number | string;
}

/** Column weights: a word in the headline counts twice a word in the body; meta not at all. */
const HEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
const META_WEIGHT = 0;
/** With a date filter, FTS5 ranks this many times the limit before the exact date check. */
const DATE_FILTER_FACTOR = 4;

/**
 * Which engine a Kysely instance (or transaction) talks to, without a round trip: the two
 * dialects write bound parameters differently.
 */
export function engineOf(db: Db): DatabaseEngine {
  return sql`select ${0}`.compile(db).sql.includes('$1') ? 'postgres' : 'sqlite';
}

function tables(db: Db) {
  return db.withTables<SearchTables>();
}

// ── Shared ───────────────────────────────────────────────────────────────────────────────

function filterSql(request: SearchRequest) {
  const { filters } = request;
  const clauses = [];
  if (filters.liveblogId !== undefined) clauses.push(sql`d.liveblog_id = ${filters.liveblogId}`);
  if (filters.liveblogSlug !== undefined) clauses.push(sql`l.slug = ${filters.liveblogSlug}`);
  if (filters.from !== undefined) {
    clauses.push(sql`d.published_at >= ${filters.from.toISOString()}`);
  }
  if (filters.to !== undefined) clauses.push(sql`d.published_at <= ${filters.to.toISOString()}`);
  if (filters.keyEventsOnly === true) clauses.push(sql`d.key_event = 1`);
  const exclude = request.exclude ?? [];
  if (exclude.length > 0) {
    clauses.push(sql`d.id not in (${sql.join(exclude.map((id) => sql`${id}`))})`);
  }
  return clauses.length === 0 ? sql`` : sql`and ${sql.join(clauses, sql` and `)}`;
}

const selectedColumns = sql`d.id, d.kind, d.liveblog_id, d.update_id, d.section,
  d.published_at, d.key_event, d.headline, d.body,
  l.slug as liveblog_slug, l.headline as liveblog_headline, l.locale as liveblog_locale,
  l.time_zone as liveblog_time_zone`;

function matchFromRow(row: MatchRow): SearchMatch {
  return {
    documentId: row.id,
    kind: row.kind as SearchKind,
    liveblogId: row.liveblogId,
    liveblogSlug: row.liveblogSlug,
    liveblogHeadline: row.liveblogHeadline,
    liveblogLocale: row.liveblogLocale as UiLocale,
    liveblogTimeZone: row.liveblogTimeZone,
    updateId: row.updateId,
    section: row.section,
    publishedAt: new Date(row.publishedAt),
    keyEvent: row.keyEvent === 1,
    headline: row.headline,
    body: row.body,
    score: Number(row.score),
  };
}

/**
 * PostgreSQL: the GIN index finds the matches, the filters are plain conditions. Ranked on
 * the any-term query: ts_rank adds up what each form contributes; the AND query only filters.
 */
async function searchPostgres(db: Db, request: SearchRequest): Promise<SearchMatch[]> {
  const match = tsqueryLiteral(request.terms, request.mode);
  const rank = tsqueryLiteral(request.terms, 'any');
  const { rows } = await sql<MatchRow>`
    select ${selectedColumns},
      ts_rank('{0.1, 0.2, 0.5, 1.0}'::float4[], d.document, ${rank}::tsquery, 1) as score
    from search_documents d
    join liveblogs l on l.id = d.liveblog_id
    where d.document @@ ${match}::tsquery ${filterSql(request)}
    order by score desc, d.published_at desc, d.id desc
    limit ${request.limit}`.execute(db);
  return rows.map(matchFromRow);
}

/**
 * SQLite: FTS5 ranks inside the virtual table (filters already applied as meta tokens) and
 * hands over only the best rows; the join to the documents and pages then touches those
 * few. Joining every match before ranking would cost a row lookup per match, which for a
 * word in most documents is most of the time of the query.
 */
async function searchSqlite(db: Db, request: SearchRequest): Promise<SearchMatch[]> {
  const { filters, limit } = request;
  let liveblogId = filters.liveblogId;
  if (filters.liveblogSlug !== undefined) {
    const page = await db
      .selectFrom('liveblogs')
      .select('id')
      .where('slug', '=', filters.liveblogSlug)
      .executeTakeFirst();
    if (!page || (liveblogId !== undefined && liveblogId !== page.id)) return [];
    liveblogId = page.id;
  }
  const match = ftsQuery(request.terms, request.mode, {
    ...filters,
    ...(liveblogId !== undefined && { liveblogId }),
  });
  const exclude = request.exclude ?? [];
  const excluded =
    exclude.length > 0
      ? sql`and rowid not in (${sql.join(exclude.map((id) => sql`${id}`))})`
      : sql``;
  // Month tokens narrow a date filter only to whole months; the exact bounds are checked
  // after the join, so FTS5 hands over a few more rows than asked for.
  const dated = filters.from !== undefined || filters.to !== undefined;
  const run = async (ranked: number | null) => {
    const { rows } = await sql<MatchRow>`
      select ${selectedColumns}, f.score
      from (
        select rowid as id, -bm25(search_fts, ${HEAD_WEIGHT}, ${BODY_WEIGHT}, ${META_WEIGHT}) as score
        from search_fts
        where search_fts match ${match} ${excluded}
        order by score desc
        ${ranked === null ? sql`` : sql`limit ${ranked}`}
      ) f
      join search_documents d on d.id = f.id
      join liveblogs l on l.id = d.liveblog_id
      where 1 = 1 ${filterSql({ ...request, exclude: [] })}
      order by f.score desc, d.published_at desc, d.id desc
      limit ${limit}`.execute(db);
    return rows.map(matchFromRow);
  };
  if (!dated) return run(limit);
  const first = await run(limit * DATE_FILTER_FACTOR);
  // Too few inside the exact bounds: rank every match (few, when this happens).
  return first.length < limit ? run(null) : first;
}

/** Writes one document: its row, and its tokens (tsvector column or FTS5 row). */
async function insert(db: Db, doc: NewSearchDocument, now: Date): Promise<void> {
  const engine = engineOf(db);
  const row = {
    kind: doc.kind,
    liveblogId: doc.liveblogId,
    updateId: doc.updateId,
    section: doc.section,
    publishedAt: doc.publishedAt.toISOString(),
    keyEvent: doc.keyEvent ? 1 : 0,
    headline: doc.headline,
    body: doc.body,
    indexedAt: now.toISOString(),
  };
  if (engine === 'postgres') {
    const document = tsvectorLiteral(doc.headWords, doc.bodyWords);
    await tables(db)
      .insertInto('searchDocuments')
      .values({ ...row, document: sql<string>`${document}::tsvector` })
      .execute();
    return;
  }
  const { id } = await tables(db)
    .insertInto('searchDocuments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into search_fts (rowid, head, body, meta)
    values (${id}, ${ftsText(doc.headWords)}, ${ftsText(doc.bodyWords)}, ${metaText(doc)})`.execute(
    db,
  );
}

/** What the search service learns from bilingual pages, and reads back. */
const learnedNameQueries = {
  /** Each Arabic page whose translation is an English page, with that page. */
  async bilingualPages(db: Db): Promise<{ arabicId: number; englishId: number }[]> {
    return db
      .selectFrom('liveblogs as a')
      .innerJoin('liveblogs as e', 'e.slug', 'a.translationSlug')
      .select(['a.id as arabicId', 'e.id as englishId'])
      .where('a.locale', '=', 'ar')
      .where('e.locale', '=', 'en')
      .orderBy('a.id')
      .execute();
  },

  /** The indexed headlines and bodies of a page, as written. */
  async pageTexts(db: Db, liveblogId: number): Promise<string[]> {
    const rows = await tables(db)
      .selectFrom('searchDocuments')
      .select(['headline', 'body'])
      .where('liveblogId', '=', liveblogId)
      .orderBy('id')
      .execute();
    return rows.flatMap((row) => [row.headline, row.body]);
  },

  /** Replaces the learned names across scripts. */
  async replaceLearnedNames(db: Db, pairs: readonly SearchNameTable[]): Promise<void> {
    await tables(db).deleteFrom('searchNames').execute();
    if (pairs.length === 0) return;
    for (let at = 0; at < pairs.length; at += 500) {
      const rows = pairs
        .slice(at, at + 500)
        .map(({ latin, arabic, pages }) => ({ latin, arabic, pages }));
      await tables(db).insertInto('searchNames').values(rows).execute();
    }
  },

  async learnedNames(db: Db): Promise<SearchNameTable[]> {
    return tables(db).selectFrom('searchNames').select(['latin', 'arabic', 'pages']).execute();
  },
};

export function createSearchRepository() {
  return {
    ...learnedNameQueries,

    /** Adds an update's document, replacing the one it had. */
    async upsertUpdate(db: Db, doc: NewSearchDocument, now: Date): Promise<void> {
      if (doc.updateId === null) throw new Error('an update document needs its update id');
      // On SQLite a trigger removes the FTS row with it.
      await tables(db).deleteFrom('searchDocuments').where('updateId', '=', doc.updateId).execute();
      await insert(db, doc, now);
    },

    async removeUpdate(db: Db, updateId: number): Promise<void> {
      await tables(db).deleteFrom('searchDocuments').where('updateId', '=', updateId).execute();
    },

    /** Replaces every explainer document of a page. */
    async replaceExplainer(
      db: Db,
      liveblogId: number,
      docs: readonly NewSearchDocument[],
      now: Date,
    ): Promise<void> {
      await tables(db)
        .deleteFrom('searchDocuments')
        .where('liveblogId', '=', liveblogId)
        .where('kind', '=', 'explainer')
        .execute();
      for (const doc of docs) await insert(db, doc, now);
    },

    async search(db: Db, request: SearchRequest): Promise<SearchMatch[]> {
      if (request.terms.length === 0 || request.limit <= 0) return [];
      return engineOf(db) === 'postgres' ? searchPostgres(db, request) : searchSqlite(db, request);
    },

    /** Removes every document of a page (before a rebuild of its part of the index). */
    async removeLiveblog(db: Db, liveblogId: number): Promise<void> {
      await tables(db).deleteFrom('searchDocuments').where('liveblogId', '=', liveblogId).execute();
    },

    /** Every page id, for a full rebuild. */
    async liveblogIds(db: Db): Promise<number[]> {
      const rows = await db.selectFrom('liveblogs').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },

    async count(db: Db): Promise<number> {
      const row = await tables(db)
        .selectFrom('searchDocuments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return row.count;
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
