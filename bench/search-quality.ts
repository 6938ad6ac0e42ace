// bench/search, part 1: quality on the evaluation set (src/search/eval), by query group.
//
// The evaluation passages are indexed twice in one in-memory SQLite database: by Ajil's
// analyser (the Arabic passages on one live page, the English ones on its English counterpart,
// the names of the pair learned as `search reindex` learns them), and as raw text in a plain
// FTS5 `unicode61` table. Every query runs on both with the same strategy (all terms first,
// then any term, bm25 with the same column weights); the run prints recall@5 and MRR for each
// group and overall.
import { fixedClock } from '../src/platform/platform.clock.js';
import { testConfig } from '../src/platform/platform.config.js';
import { migrateToLatest, openDatabase, sql, type Db } from '../src/storage/storage.database.js';
import { createLiveblogRepository } from '../src/liveblog/liveblog.repository.js';
import type { Liveblog } from '../src/liveblog/liveblog.types.js';
import { createUpdateRepository } from '../src/update/update.repository.js';
import { blocksFromText } from '../src/blocks/blocks.schema.js';
import { createSearchService, type SearchService } from '../src/search/search.service.js';
import { ALL_PASSAGES, EVAL_GROUPS } from '../src/search/eval/groups.js';
import type { EvalQuery } from '../src/search/eval/queries.js';

const RESULT_LIMIT = 20;
const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));

export interface Scores {
  readonly queries: number;
  readonly recall: number;
  readonly mrr: number;
  readonly misses: { q: string; recall: number; rr: number; got: string[] }[];
}

interface Run {
  readonly q: string;
  readonly relevant: readonly string[];
  readonly got: string[];
}

function score(runs: readonly Run[]): Scores {
  let recall = 0;
  let mrr = 0;
  const misses: Scores['misses'] = [];
  for (const run of runs) {
    const top5 = run.got.slice(0, 5);
    const found = run.relevant.filter((id) => top5.includes(id)).length;
    const r = found / Math.min(run.relevant.length, 5);
    const first = run.got.findIndex((id) => run.relevant.includes(id));
    const rr = first === -1 ? 0 : 1 / (first + 1);
    recall += r;
    mrr += rr;
    if (r < 1 || rr < 1) misses.push({ q: run.q, recall: r, rr, got: run.got.slice(0, 5) });
  }
  return { queries: runs.length, recall: recall / runs.length, mrr: mrr / runs.length, misses };
}

/**
 * Plain FTS5: the query's words as typed, quoted. `and` is what FTS5 does with a query
 * (every word must match); `fallback` also gives it our strategy (all words, then any word).
 */
async function plainSearch(db: Db, q: string, strategy: 'and' | 'fallback'): Promise<number[]> {
  const words = [...new Set(q.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])];
  if (words.length === 0) return [];
  const quoted = words.map((word) => `"${word.replaceAll('"', '""')}"`);
  const run = async (match: string, exclude: number[], limit: number) => {
    const { rows } = await sql<{ id: number }>`
      select rowid as id from plain_fts where plain_fts match ${match}
      ${exclude.length > 0 ? sql`and rowid not in (${sql.join(exclude)})` : sql``}
      order by bm25(plain_fts, 2, 1) limit ${limit}`.execute(db);
    return rows.map((row) => row.id);
  };
  const all = await run(quoted.join(' AND '), [], RESULT_LIMIT);
  if (strategy === 'and' || all.length >= RESULT_LIMIT || words.length === 1) return all;
  return [...all, ...(await run(quoted.join(' OR '), all, RESULT_LIMIT - all.length))];
}

async function createPage(db: Db, slug: string, locale: 'ar' | 'en'): Promise<Liveblog> {
  const liveblogs = createLiveblogRepository();
  return db.transaction().execute((trx) =>
    liveblogs.insert(
      trx,
      {
        slug,
        headline: slug,
        standfirst: '',
        status: 'live',
        locale,
        timeZone: 'Asia/Muscat',
        coverageStartAt: null,
      },
      clock.now(),
    ),
  );
}

/** Indexes every passage on its page and in the plain table; returns update id → passage id. */
async function indexPassages(db: Db, search: SearchService): Promise<Map<number, string>> {
  const liveblogs = createLiveblogRepository();
  const updates = createUpdateRepository();
  const arabic = await createPage(db, 'eval', 'ar');
  const english = await createPage(db, 'eval-en', 'en');
  await liveblogs.update(db, arabic.id, { translationSlug: english.slug }, clock.now());
  await liveblogs.update(db, english.id, { translationSlug: arabic.slug }, clock.now());
  await sql`create virtual table plain_fts using fts5(head, body, tokenize = 'unicode61')`.execute(
    db,
  );
  const idOf = new Map<number, string>();
  await db.transaction().execute(async (trx) => {
    for (const passage of ALL_PASSAGES) {
      const page = passage.locale === 'en' ? english : arabic;
      const update = await updates.insert(
        trx,
        {
          liveblogId: page.id,
          headline: passage.headline ?? null,
          blocks: blocksFromText(passage.text),
          sources: [],
          keyEvent: passage.keyEvent ?? false,
          pinned: false,
          breaking: false,
          authorName: 'bench',
          status: 'published',
          publishedAt: new Date(passage.publishedAt),
        },
        clock.now(),
      );
      await search.indexUpdate(trx, update, page);
      await sql`insert into plain_fts (rowid, head, body)
        values (${update.id}, ${passage.headline ?? ''}, ${passage.text})`.execute(trx);
      idOf.set(update.id, passage.id);
    }
  });
  return idOf;
}

export interface GroupScores {
  readonly name: string;
  readonly ours: Scores;
  readonly plain: Scores;
  readonly plainFallback: Scores;
}

const fmt = (n: number) => n.toFixed(3);

function printScores(groups: readonly GroupScores[], overall: GroupScores, verbose: boolean) {
  console.log(`\nQuality: ${ALL_PASSAGES.length} passages, ${overall.ours.queries} queries`);
  console.log(
    `  ${'group'.padEnd(24)}${'queries'.padStart(8)}   Ajil recall@5  MRR     plain recall@5  MRR     plain+fallback recall@5  MRR`,
  );
  for (const g of [...groups, overall]) {
    console.log(
      `  ${g.name.padEnd(24)}${String(g.ours.queries).padStart(8)}   ${fmt(g.ours.recall)}          ${fmt(g.ours.mrr)}   ${fmt(g.plain.recall)}           ${fmt(g.plain.mrr)}   ${fmt(g.plainFallback.recall)}                    ${fmt(g.plainFallback.mrr)}`,
    );
  }
  console.log(
    `  ratio Ajil / plain overall: recall@5 ${fmt(overall.ours.recall / overall.plain.recall)}×, MRR ${fmt(overall.ours.mrr / overall.plain.mrr)}×`,
  );
  if (!verbose) return;
  for (const g of groups) {
    if (g.ours.misses.length === 0) continue;
    console.log(`\n  Ajil misses in ${g.name} (recall@5 < 1 or first relevant below rank 1):`);
    const want = new Map(g.ours.misses.map((m) => [m.q, m]));
    for (const query of EVAL_GROUPS.find((e) => e.name === g.name)?.queries ?? []) {
      const miss = want.get(query.q);
      if (miss === undefined) continue;
      console.log(
        `    ${miss.q}  recall=${fmt(miss.recall)} rr=${fmt(miss.rr)} want=${query.relevant.join(',')} got=${miss.got.join(',')}`,
      );
    }
  }
}

/** Runs every group on Ajil and on plain FTS5; prints the table and returns the scores. */
export async function quality(
  verbose: boolean,
): Promise<{ groups: GroupScores[]; overall: GroupScores }> {
  const handle = openDatabase(testConfig({ databaseUrl: 'sqlite::memory:' }));
  await migrateToLatest(handle);
  const { db } = handle;
  const search = createSearchService({ db, clock });
  const idOf = await indexPassages(db, search);
  await search.learnNames();
  const named = (ids: readonly (number | null)[]) =>
    ids.map((id) => (id === null ? '?' : (idOf.get(id) ?? '?')));
  const runAll = async (queries: readonly EvalQuery[]) => {
    const ours: Run[] = [];
    const plain: Run[] = [];
    const plainFallback: Run[] = [];
    for (const query of queries) {
      const result = await search.search({ q: query.q, limit: RESULT_LIMIT });
      ours.push({ ...query, got: named(result.hits.map((hit) => hit.updateId)) });
      plain.push({ ...query, got: named(await plainSearch(db, query.q, 'and')) });
      plainFallback.push({ ...query, got: named(await plainSearch(db, query.q, 'fallback')) });
    }
    return { ours, plain, plainFallback };
  };
  const groups: GroupScores[] = [];
  const every = { ours: [] as Run[], plain: [] as Run[], plainFallback: [] as Run[] };
  for (const group of EVAL_GROUPS) {
    const runs = await runAll(group.queries);
    every.ours.push(...runs.ours);
    every.plain.push(...runs.plain);
    every.plainFallback.push(...runs.plainFallback);
    groups.push({
      name: group.name,
      ours: score(runs.ours),
      plain: score(runs.plain),
      plainFallback: score(runs.plainFallback),
    });
  }
  await handle.close();
  const overall: GroupScores = {
    name: 'overall',
    ours: score(every.ours),
    plain: score(every.plain),
    plainFallback: score(every.plainFallback),
  };
  printScores(groups, overall, verbose);
  return { groups, overall };
}
