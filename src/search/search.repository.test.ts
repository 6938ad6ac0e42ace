import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/helpers.js';
import type { DatabaseHandle, Db } from '../storage/storage.database.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import type { Update } from '../update/update.types.js';
import { createUpdateRepository } from '../update/update.repository.js';
import { blocksFromText } from '../blocks/blocks.schema.js';
import { createSearchRepository } from './search.repository.js';
import { ftsMatchExpression } from './search.fts5.js';
import { tsqueryLiteral } from './search.tsvector.js';
import { createSearchService, type SearchService } from './search.service.js';

const liveblogs = createLiveblogRepository();
const updates = createUpdateRepository();

describe('match expressions', () => {
  it('quote every token, so no FTS5 or tsquery syntax gets through', () => {
    expect(ftsMatchExpression([['a"b', 'c'], ['near']], 'all')).toBe(
      '("a""b" OR "c") AND ("near")',
    );
    expect(ftsMatchExpression([['x'], ['y', 'z']], 'any')).toBe('"x" OR "y" OR "z"');
    expect(tsqueryLiteral([["it's", 'a\\b'], ['c']], 'all')).toBe("('it''s' | 'a\\\\b') & ('c')");
    expect(tsqueryLiteral([['x'], ['y']], 'any')).toBe("'x' | 'y'");
  });
});

describe.each(engines())('search index ($name)', (engine) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let db: Db;
  let search: SearchService;
  const clock = fixedClock(new Date('2025-05-01T12:00:00Z'));
  let muscat: Liveblog;
  let beirut: Liveblog;
  const ids: Record<string, number> = {};
  const idOf = (key: string): number => {
    const id = ids[key];
    if (id === undefined) throw new Error(`no update ${key}`);
    return id;
  };

  async function publish(
    key: string,
    page: Liveblog,
    text: string,
    options: { headline?: string; at: string; keyEvent?: boolean; source?: string },
  ): Promise<Update> {
    return db.transaction().execute(async (trx) => {
      const update = await updates.insert(
        trx,
        {
          liveblogId: page.id,
          headline: options.headline ?? null,
          blocks: blocksFromText(text),
          sources: options.source ? [{ name: options.source, kind: 'wire' }] : [],
          keyEvent: options.keyEvent ?? false,
          pinned: false,
          breaking: false,
          authorName: 'test',
          status: 'published',
          publishedAt: new Date(options.at),
        },
        clock.now(),
      );
      await search.indexUpdate(trx, update, page);
      ids[key] = update.id;
      return update;
    });
  }

  /** Ids of the hits, named by the keys used in publish(). */
  async function find(q: string, query: Partial<Parameters<SearchService['search']>[0]> = {}) {
    const result = await search.search({ q, ...query });
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return result.hits.map((hit) =>
      hit.updateId === null ? `explainer-${hit.section}` : names[hit.updateId],
    );
  }

  beforeAll(async () => {
    const opened = await engine.open();
    handle = opened.handle;
    drop = opened.drop;
    db = handle.db;
    search = createSearchService({ db, clock });
    const page = (slug: string, headline: string) =>
      db.transaction().execute((trx) =>
        liveblogs.insert(
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
    muscat = await page('muscat-talks', 'محادثات مسقط');
    beirut = await page('lebanon-vote', 'الانتخابات البلدية');

    await publish(
      'arrival',
      muscat,
      'وصل وزير الخارجية الإيراني عباس عراقجي إلى مسقط مساء الجمعة.',
      {
        headline: 'عراقجي يصل إلى مسقط',
        at: '2025-04-11T17:00:00Z',
        keyEvent: true,
      },
    );
    await publish('witkoff', muscat, 'قال المبعوث الأميركي ستيف ويتكوف إن المفاوضات كانت بناءة.', {
      at: '2025-04-12T10:00:00Z',
      source: 'رويترز',
    });
    await publish('rome', muscat, 'اتفق الطرفان على جولة جديدة في روما الأسبوع المقبل.', {
      at: '2025-04-19T14:00:00Z',
    });
    await publish('vote', beirut, 'فتحت مراكز الاقتراع في بيروت للانتخابات البلدية عام ٢٠٢٥م.', {
      headline: 'بدء الاقتراع',
      at: '2025-05-04T04:00:00Z',
      keyEvent: true,
    });
    await publish(
      'turnout',
      beirut,
      'بلغت نسبة المشاركة في الانتخابات نحو ٤٠٪، بحسب مسئول في الوزارة.',
      {
        at: '2025-05-04T17:00:00Z',
      },
    );
  });
  afterAll(() => drop());

  it('finds updates in any spelling and highlights the original words', async () => {
    expect(await find('Araghchi')).toEqual(['arrival']);
    expect(await find('ايران')).toEqual(['arrival']);
    expect(await find('وبالمفاوضات الامريكية')).toEqual(['witkoff']);
    expect(await find('2025 بيروت')).toEqual(['vote']);
    expect(await find('مسؤول')).toEqual(['turnout']);
    expect(await find('رويترز')).toEqual(['witkoff']);

    const { hits } = await search.search({ q: 'عراقجي مسقط' });
    const [hit] = hits;
    expect(hit?.headline).toEqual([
      { text: 'عراقجي', match: true },
      { text: ' يصل إلى ', match: false },
      { text: 'مسقط', match: true },
    ]);
    expect(hit?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['عراقجي', 'مسقط']);
    expect(hit).toMatchObject({
      kind: 'update',
      liveblog: { slug: 'muscat-talks', headline: 'محادثات مسقط', timeZone: 'Asia/Muscat' },
      keyEvent: true,
      allTerms: true,
    });
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('puts documents with every word first, then documents with some of them', async () => {
    const { hits } = await search.search({ q: 'ويتكوف روما' });
    expect(hits.map((hit) => hit.allTerms)).toEqual([false, false]);
    const both = await search.search({ q: 'الانتخابات البلدية بيروت' });
    expect(both.hits.map((hit) => [hit.updateId, hit.allTerms])).toEqual([
      [ids.vote, true],
      [ids.turnout, false],
    ]);
  });

  it('filters by live page, dates and key events', async () => {
    const sorted = async (q: string, query: Parameters<typeof find>[1] = {}) =>
      (await find(q, query)).sort();
    expect(await sorted('الانتخابات مسقط')).toEqual(['arrival', 'turnout', 'vote']);
    expect(await sorted('الانتخابات مسقط', { liveblog: 'lebanon-vote' })).toEqual([
      'turnout',
      'vote',
    ]);
    expect(await sorted('الانتخابات مسقط', { keyEventsOnly: true })).toEqual(['arrival', 'vote']);
    expect(
      await sorted('الانتخابات مسقط', {
        from: new Date('2025-05-04T00:00:00Z'),
        to: new Date('2025-05-04T12:00:00Z'),
      }),
    ).toEqual(['vote']);
    expect(await sorted('مسقط', { liveblog: 'no-such-page' })).toEqual([]);
  });

  it('re-indexes an edited update: the new text is found, the old is not', async () => {
    await db.transaction().execute(async (trx) => {
      const changed = await updates.change(
        trx,
        idOf('rome'),
        { blocks: blocksFromText('أُرجئت الجولة المقبلة إلى أجل غير مسمى.') },
        clock.now(),
      );
      await search.indexUpdate(trx, changed, muscat);
    });
    expect(await find('روما')).toEqual([]);
    expect(await find('ارجاء الجولة')).toContain('rome');
    expect(await find('أُرجئت')).toEqual(['rome']);
  });

  it('removes a deleted update and never indexes a draft', async () => {
    await db.transaction().execute(async (trx) => {
      await updates.softDelete(trx, idOf('witkoff'), clock.now());
      const deleted = await updates.findById(trx, muscat.id, idOf('witkoff'));
      if (!deleted) throw new Error('missing');
      await search.indexUpdate(trx, deleted, muscat);
    });
    expect(await find('ويتكوف')).toEqual([]);

    const draft = await db.transaction().execute(async (trx) => {
      const update = await updates.insert(
        trx,
        {
          liveblogId: muscat.id,
          headline: null,
          blocks: blocksFromText('مسودة سرية عن السفير'),
          sources: [],
          keyEvent: false,
          pinned: false,
          breaking: false,
          authorName: 'test',
          status: 'draft',
          publishedAt: null,
        },
        clock.now(),
      );
      await search.indexUpdate(trx, update, muscat);
      return update;
    });
    expect(draft.status).toBe('draft');
    expect(await find('السفير')).toEqual([]);
  });

  it('indexes the explainer and replaces it as a whole', async () => {
    await db.transaction().execute((trx) =>
      search.indexExplainer(trx, muscat, [
        {
          position: 0,
          title: 'لماذا مسقط؟',
          blocks: blocksFromText('السلطنة وسيط تقليدي بين طهران وواشنطن.'),
        },
        { position: 1, title: 'التخصيب', blocks: blocksFromText('الخلاف حول نسبة التخصيب.') },
      ]),
    );
    const { hits } = await search.search({ q: 'وسيط' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'explainer', updateId: null, section: 0 });
    expect(hits[0]?.headline).toEqual([{ text: 'لماذا مسقط؟', match: false }]);

    await db
      .transaction()
      .execute((trx) =>
        search.indexExplainer(trx, muscat, [
          { position: 0, title: 'التخصيب', blocks: blocksFromText('نسبة ٣٫٦٧٪ مطروحة.') },
        ]),
      );
    expect(await find('وسيط')).toEqual([]);
    expect(await find('3.67')).toEqual(['explainer-0']);
    expect(await find('التخصيب', { keyEventsOnly: true })).toEqual([]);
  });

  it('takes any query text safely: quotes, operators, empty', async () => {
    for (const q of ['"', 'NEAR(مسقط', 'مسقط OR *', "' OR 1=1 --", '؟؟', '   ']) {
      await expect(search.search({ q })).resolves.toBeDefined();
    }
    expect((await search.search({ q: '؟!' })).hits).toEqual([]);
  });

  it('rebuilds the whole index from the updates and explainers', async () => {
    const repo = createSearchRepository();
    await db.transaction().execute((trx) => repo.removeLiveblog(trx, beirut.id));
    expect(await find('بيروت')).toEqual([]);
    const count = await search.reindexAll();
    expect(count).toBeGreaterThanOrEqual(4);
    expect(await find('بيروت')).toEqual(['vote']);
    expect(await repo.count(db)).toBe(count);
  });
});
