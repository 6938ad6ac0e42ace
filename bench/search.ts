// bench/search: how well and how fast Ajil's search finds things.
//
//   npx tsx bench/search.ts                  # quality on the evaluation set, then 100,000 updates
//   npx tsx bench/search.ts --updates 20000  # a smaller corpus for the latency part
//   npx tsx bench/search.ts --verbose        # also list the evaluation queries that miss
//
// 1. Quality (bench/search-quality.ts). The evaluation set (src/search/eval) is indexed by
//    Ajil's analyser and as raw text in a plain FTS5 table; the run prints recall@5 and MRR for
//    each query group (general, broken plurals, names across scripts, typos in the query) and
//    overall, for both.
// 2. Speed. A 100,000-update corpus generated from templates is written to a SQLite file in a
//    temporary directory through the real repositories and the search indexer; a few hundred
//    reader-style queries (some filtered by page, date or key events) then run through
//    searchService.search, highlighting included, and the run prints p50/p95 latency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { testConfig } from '../src/platform/platform.config.js';
import { fixedClock } from '../src/platform/platform.clock.js';
import {
  migrateToLatest,
  openDatabase,
  sql,
  type DatabaseHandle,
  type Db,
} from '../src/storage/storage.database.js';
import { type Liveblog } from '../src/liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../src/liveblog/liveblog.repository.js';
import { createUpdateRepository } from '../src/update/update.repository.js';
import { blocksFromText } from '../src/blocks/blocks.schema.js';
import { createSearchService, type SearchService } from '../src/search/search.service.js';
import { quality } from './search-quality.js';

const { values } = parseArgs({
  options: {
    updates: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '400' },
    verbose: { type: 'boolean', default: false },
  },
});
const CORPUS_SIZE = Number(values.updates);
const QUERY_COUNT = Number(values.queries);
const RESULT_LIMIT = 20;
const TARGETS = {
  recall: 0.95,
  mrr: 0.9,
  pluralRecall: 0.9,
  pluralQueries: 40,
  ratio: 1.5,
  p95: 50,
};

const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
const liveblogRepo = createLiveblogRepository();
const updateRepo = createUpdateRepository();

async function openSearchDatabase(url: string): Promise<DatabaseHandle> {
  const handle = openDatabase(testConfig({ databaseUrl: url }));
  await migrateToLatest(handle);
  return handle;
}

async function createPage(db: Db, slug: string, headline: string): Promise<Liveblog> {
  return db.transaction().execute((trx) =>
    liveblogRepo.insert(
      trx,
      {
        slug,
        headline,
        standfirst: '',
        status: 'live',
        locale: 'ar',
        timeZone: 'Asia/Muscat',
        coverageStartAt: null,
      },
      clock.now(),
    ),
  );
}

// ── 2. Speed ─────────────────────────────────────────────────────────────────────────────

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(20_261_129);
/** The i-th entry, wrapping around. */
function item<T>(list: readonly T[], i: number): T {
  const value = list[i % list.length];
  if (value === undefined) throw new Error('empty list');
  return value;
}

/** Skewed choice: early entries are picked far more often (roughly Zipf). */
function pick<T>(list: readonly T[]): T {
  return item(list, Math.min(Math.floor(list.length * rand() ** 2), list.length - 1));
}

const ACTORS = [
  'وزير الخارجية الإيراني عباس عراقجي',
  'المبعوث الأميركي ستيف ويتكوف',
  'وزير الخارجية العماني بدر البوسعيدي',
  'الرئيس الأمريكي دونالد ترامب',
  'المتحدث باسم الخارجية الإيرانية',
  'مسؤول أمريكي رفيع',
  'مسئول إيراني مطلع',
  'رئيس الوزراء اللبناني',
  'الرئيس اللبناني جوزاف عون',
  'وزير الطاقة السعودي',
  'المدير العام للوكالة الدولية للطاقة الذرية',
  'الأمين العام لمجلس التعاون الخليجي',
  'رئيس مجلس النواب',
  'وزير الداخلية',
  'المفوضية العليا للانتخابات',
  'هيئة الطيران المدني',
  'المركز الوطني للأرصاد',
  'وزير النفط العراقي',
  'مصادر دبلوماسية',
  'محللون اقتصاديون',
];
const VERBS = [
  'قال إن',
  'أعلن أن',
  'أكّد أن',
  'أفاد بأن',
  'حذّر من أن',
  'كشف أن',
  'نفى أن',
  'رجّح أن',
];
const EVENTS = [
  'الجولة المقبلة من المحادثات غير المباشرة ستُعقد في مسقط',
  'المفاوضات النووية حققت تقدماً ملموساً في ملف التخصيب',
  'الوفدين تبادلا مسودات مكتوبة لإطار الاتفاق',
  'رفع العقوبات الاقتصادية سيجري على مراحل',
  'الوساطة العُمانية مستمرة رغم التوتر',
  'أسعار النفط تراجعت بعد أنباء المحادثات',
  'تحالف أوبك+ يدرس زيادة الإنتاج الشهر المقبل',
  'نسبة المشاركة في الانتخابات البلدية تجاوزت ٤٠٪',
  'نتائج الانتخابات البرلمانية ستعلن خلال أيام',
  'حالة مدارية ستؤثر على السواحل مع أمطار غزيرة',
  'موجة حر شديدة ترفع الحرارة فوق ٤٨ درجة',
  'الجيش انتشر في مواقع جديدة جنوب الليطاني',
  'سعر صرف العملة المحلية استقر أمام الدولار',
  'الحكومة أقرت الميزانية العامة للعام المقبل',
  'الرحلات الجوية علّقت مؤقتاً بسبب التوترات',
  'الريال الإيراني ارتفع في السوق الحرة',
  'اليورانيوم المخصب بنسبة ٦٠٪ يثير القلق',
  'القمة الخليجية ستناقش الأمن الإقليمي',
  'الاتفاق المحتمل يتضمن ضمانات مكتوبة',
  'المفتشين الدوليين سيعودون إلى المنشآت',
  'صادرات الغاز المسال ارتفعت هذا العام',
  'البرلمان سيصوت على قانون الانتخاب الجديد',
  'الأمطار تسببت في جريان الأودية وإغلاق الطرق',
  'الضربات الجوية استهدفت مواقع عسكرية',
];
const PLACES = [
  'في مسقط',
  'في طهران',
  'في واشنطن',
  'في بيروت',
  'في روما',
  'في الدوحة',
  'في الرياض',
  'في بغداد',
  'في الكويت',
  'في المنامة',
  'في أبوظبي',
  'في صلالة',
  'في طرابلس',
  'في صور',
  'في البصرة',
  'في جنيف',
  'في فيينا',
  'في القاهرة',
];
const TIMES = [
  'مساء الجمعة',
  'صباح السبت',
  'يوم الأحد',
  'ليلة الإثنين',
  'فجر الثلاثاء',
  'ظهر الأربعاء',
  'يوم الخميس',
  'في ١٢ أبريل ٢٠٢٥',
  'في مايو 2025',
  'مطلع ٢٠٢٦',
];
const TAILS = [
  'وسط ترقب إقليمي ودولي.',
  'بحسب ما نقلت وكالات الأنباء.',
  'في بيان نشر على الموقع الرسمي.',
  'من دون أن يقدم تفاصيل إضافية.',
  'فيما لم يصدر تعليق من الطرف الآخر.',
  'وسط إجراءات أمنية مشددة.',
  'بعد اجتماع استمر ساعات.',
  'في مؤتمر صحفي مشترك.',
];
const HEADLINES = [
  'عاجل',
  'تطور جديد في المحادثات',
  'أسعار النفط',
  'الانتخابات',
  'الطقس',
  'لبنان',
  'الخليج',
  'إيران والولايات المتحدة',
];
const SOURCES = ['رويترز', 'فرانس برس', 'وكالة الأنباء العمانية', 'إرنا', 'أسوشيتد برس'];

function sentence(): string {
  return `${pick(ACTORS)} ${pick(VERBS)} ${pick(EVENTS)} ${pick(PLACES)} ${pick(TIMES)}، ${pick(TAILS)}`;
}

/** Queries as readers type them: names, topics, spelling variants, Latin names. */
const QUERY_POOL = [
  'عراقجي',
  'Araghchi',
  'ويتكوف',
  'Witkoff muscat',
  'البوسعيدي',
  'ترمب',
  'ترامب ايران',
  'المفاوضات النووية',
  'مفاوضات مسقط',
  'وبالمفاوضات',
  'الامريكية',
  'مسئول امريكي',
  'مسؤول ايراني',
  'رفع العقوبات',
  'الوساطة العمانية',
  'عُمان',
  'اسعار النفط',
  'اوبك+',
  'OPEC',
  'الانتخابات البلدية',
  'نسبة المشاركة',
  'نتائج الانتخابات البرلمانية',
  'حالة مدارية',
  'امطار غزيرة',
  'موجة حر',
  'جنوب الليطاني',
  'سعر الصرف',
  'الميزانية العامة',
  'تعليق الرحلات',
  'الريال الايراني',
  'اليورانيوم المخصب ٦٠',
  'القمة الخليجية',
  'ضمانات مكتوبة',
  'المفتشين الدوليين',
  'الغاز المسال',
  'قانون الانتخاب',
  'جريان الاودية',
  'الضربات الجوية',
  'مؤتمر صحفي',
  'رويترز',
  '٢٠٢٥',
  'مسقط روما',
  'الحكومة اللبنانية',
  'وزير الخارجية',
  'فيينا',
  'طهران واشنطن',
  'مسودات الاتفاق',
  'تقدم ملموس في ملف التخصيب',
  'ايران',
  'المحادثات غير المباشرة في مسقط',
];

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function speed(): Promise<{ p50: number; p95: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-search-'));
  try {
    const handle = await openSearchDatabase(`sqlite:${join(dir, 'bench.db')}`);
    const { db } = handle;
    const search: SearchService = createSearchService({ db, clock });
    const pages: Liveblog[] = [];
    for (let i = 1; i <= 20; i++) pages.push(await createPage(db, `page-${i}`, `تغطية ${i}`));

    const started = performance.now();
    const start = new Date('2025-01-01T00:00:00Z').getTime();
    const batch = 1_000;
    for (let done = 0; done < CORPUS_SIZE; done += batch) {
      await db.transaction().execute(async (trx) => {
        for (let i = done; i < Math.min(done + batch, CORPUS_SIZE); i++) {
          const page = item(pages, i);
          const paragraphs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
            [sentence(), sentence()].join(' '),
          );
          const update = await updateRepo.insert(
            trx,
            {
              liveblogId: page.id,
              headline: rand() < 0.4 ? `${pick(HEADLINES)}: ${pick(EVENTS)}` : null,
              blocks: blocksFromText(paragraphs.join('\n\n')),
              sources: [{ name: pick(SOURCES), kind: 'wire' }],
              keyEvent: rand() < 0.05,
              pinned: false,
              breaking: false,
              authorName: 'bench',
              status: 'published',
              publishedAt: new Date(start + i * 5 * 60_000),
            },
            clock.now(),
          );
          await search.indexUpdate(trx, update, page);
        }
      });
      if ((done + batch) % 20_000 === 0) process.stdout.write('.');
    }
    const indexSeconds = (performance.now() - started) / 1000;
    const count = await sql<{ n: number }>`select count(*) as n from search_fts`.execute(db);
    console.log(
      `\nSpeed: ${(count.rows[0]?.n ?? 0).toLocaleString('en')} updates indexed in ${indexSeconds.toFixed(1)} s (${Math.round(CORPUS_SIZE / indexSeconds).toLocaleString('en')}/s, updates + index in the same transactions)`,
    );

    const queries = Array.from({ length: QUERY_COUNT }, (_, i) => {
      const q = item(QUERY_POOL, i);
      const filter = i % 4;
      const from = new Date(start + Math.floor(rand() * CORPUS_SIZE) * 5 * 60_000);
      return {
        q,
        ...(filter === 1 && { liveblog: `page-${1 + (i % pages.length)}` }),
        ...(filter === 2 && { keyEventsOnly: true }),
        ...(filter === 3 && { from, to: new Date(from.getTime() + 30 * 86_400_000) }),
      };
    });
    for (const query of queries.slice(0, 50)) await search.search(query); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const result = await search.search(query);
      times.push(performance.now() - t0);
      hits += result.hits.length;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `  ${queries.length} queries (a quarter each: no filter, one page, key events, 30 days), limit ${RESULT_LIMIT}, highlighting included, ${(hits / queries.length).toFixed(1)} hits on average`,
    );
    console.log(
      `  latency p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · p99 ${percentile(times, 99).toFixed(1)} ms · max ${(times.at(-1) ?? 0).toFixed(1)} ms`,
    );
    await handle.close();
    return { p50, p95 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { groups, overall } = await quality(values.verbose);
const plurals = groups.find((group) => group.name === 'broken plurals');
const scores = overall;
const timing = await speed();
const checks = [
  [`recall@5 ≥ ${TARGETS.recall} overall`, scores.ours.recall >= TARGETS.recall],
  [`MRR ≥ ${TARGETS.mrr} overall`, scores.ours.mrr >= TARGETS.mrr],
  [
    `broken plurals: ≥ ${TARGETS.pluralQueries} queries at recall@5 ≥ ${TARGETS.pluralRecall}`,
    plurals !== undefined &&
      plurals.ours.queries >= TARGETS.pluralQueries &&
      plurals.ours.recall >= TARGETS.pluralRecall,
  ],
  ['recall@5 ≥ 1.5× plain', scores.ours.recall >= TARGETS.ratio * scores.plain.recall],
  ['MRR ≥ 1.5× plain', scores.ours.mrr >= TARGETS.ratio * scores.plain.mrr],
  [`p95 ≤ ${TARGETS.p95} ms`, timing.p95 <= TARGETS.p95],
] as const;
console.log('\nTargets');
for (const [name, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${name}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
