// Broken plurals, names across scripts, typos in the query and Oman/Amman, through the real
// indexer and repository: on SQLite, and on PostgreSQL too when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/helpers.js';
import type { DatabaseHandle, Db } from '../storage/storage.database.js';
import { fixedClock } from '../platform/platform.clock.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { createUpdateRepository } from '../update/update.repository.js';
import { blocksFromText } from '../blocks/blocks.schema.js';
import { createSearchRepository } from './search.repository.js';
import { createSearchService, type SearchService } from './search.service.js';

const liveblogs = createLiveblogRepository();
const updates = createUpdateRepository();

describe.each(engines())('Arabic search, deeper ($name)', (engine) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let db: Db;
  let search: SearchService;
  const clock = fixedClock(new Date('2025-09-01T12:00:00Z'));
  const names = new Map<number, string>();
  let arabic: Liveblog;
  let english: Liveblog;

  async function page(slug: string, locale: 'ar' | 'en'): Promise<Liveblog> {
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

  async function publish(key: string, on: Liveblog, text: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const update = await updates.insert(
        trx,
        {
          liveblogId: on.id,
          headline: null,
          blocks: blocksFromText(text),
          sources: [],
          keyEvent: false,
          pinned: false,
          breaking: false,
          authorName: 'test',
          status: 'published',
          publishedAt: clock.now(),
        },
        clock.now(),
      );
      await search.indexUpdate(trx, update, on);
      names.set(update.id, key);
    });
  }

  async function find(q: string): Promise<string[]> {
    const { hits } = await search.search({ q });
    return hits.map((hit) => names.get(hit.updateId ?? -1) ?? '?');
  }

  beforeAll(async () => {
    const opened = await engine.open();
    handle = opened.handle;
    drop = opened.drop;
    db = handle.db;
    search = createSearchService({ db, clock });
    arabic = await page('talks', 'ar');
    english = await page('talks-en', 'en');
    await liveblogs.update(db, arabic.id, { translationSlug: english.slug }, clock.now());

    await publish('ministers', arabic, 'اجتمع الوزراء في القاهرة لبحث الأزمة.');
    await publish('hotel', arabic, 'افتُتح فندق جديد على شاطئ القرم.');
    await publish('missiles', arabic, 'سقطت الصواريخ قرب القاعدة الجوية.');
    await publish('rains', arabic, 'هطلت أمطار غزيرة على صلالة.');
    await publish('schools', arabic, 'عاد التلاميذ إلى مدارسهم بعد أسبوعين.');
    await publish('thousands', arabic, 'خرج آلاف إلى الشوارع.');
    await publish('witkoff', arabic, 'وصل المبعوث ستيف ويتكوف إلى مسقط.');
    await publish('hochstein', arabic, 'بحث المبعوث آموس هوكشتاين وقف إطلاق النار في الجنوب.');
    await publish('oman', arabic, 'أعلنت سلطنة عمان افتتاح ميناء جديد قرب مسقط.');
    await publish('amman', arabic, 'تظاهر المئات في العاصمة الأردنية عمان.');
    await publish('unplaced', arabic, 'وصل الوفد إلى عمان صباح اليوم.');
    await publish('envoy-en', english, 'US envoy Amos Hochstein met the speaker in Beirut.');
  });
  afterAll(() => drop());

  it('joins broken plurals and their singulars, on both sides, in every pattern family', async () => {
    expect(await find('وزير')).toEqual(['ministers']); // فعلاء
    expect(await find('فنادق')).toEqual(['hotel']); // فعالل
    expect(await find('صاروخ')).toEqual(['missiles']); // فواعيل
    expect(await find('قواعد جوية')).toEqual(['missiles']); // فواعل
    expect(await find('مطر')).toEqual(['rains']); // أفعال
    expect(await find('تلميذ مدرسة')).toEqual(['schools']); // فعاليل، مفاعل
    expect(await find('أسبوع')).toEqual(['schools']); // أفاعيل
    expect(await find('ألف')).toEqual(['thousands']); // أفعال, starting with «ال»
    expect(await find('شارع')).toEqual(['thousands']); // فواعل
  });

  it('finds an Arabic name from its Latin spelling with no alias for it', async () => {
    expect(await find('Witkoff')).toEqual(['witkoff']);
    expect(await find('Witkof')).toEqual(['witkoff']);
  });

  it('takes a query word that finds nothing for a typo and matches its sound key', async () => {
    expect(await find('مسقت')).toEqual(expect.arrayContaining(['witkoff', 'oman']));
    expect(await find('التلاميد')).toEqual(['schools']);
    // A word that exists is never widened: «مسقط» finds only what holds it.
    expect((await find('مسقط')).sort()).toEqual(['oman', 'witkoff']);
  });

  it('tells Oman from Amman where the text allows', async () => {
    expect((await find('Oman')).sort()).toEqual(['oman', 'unplaced']);
    expect((await find('Amman')).sort()).toEqual(['amman', 'unplaced']);
    expect((await find('عمّان')).sort()).toEqual(['amman', 'unplaced']);
    expect((await find('عمان')).sort()).toEqual(['amman', 'oman', 'unplaced']);
  });

  it('learns names across scripts from a page and its English counterpart', async () => {
    // Before learning, the sound keys of «Hochstein» and «هوكشتاين» differ by one letter.
    expect(await find('Hochstein')).toEqual(['envoy-en']);
    expect(await find('هوكشتاين')).toEqual(['hochstein']);
    await search.reindexAll();
    const learned = await createSearchRepository().learnedNames(db);
    expect(learned).toContainEqual({ latin: 'hochstein', arabic: 'هوكشتاين', pages: 1 });
    expect((await find('Hochstein')).sort()).toEqual(['envoy-en', 'hochstein']);
    expect((await find('هوكشتاين')).sort()).toEqual(['envoy-en', 'hochstein']);
  });
});
