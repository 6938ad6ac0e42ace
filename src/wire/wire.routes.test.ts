// The wire desk through the API, on SQLite and PostgreSQL: NewsML-G2 and ninjs in, one entry per
// item id (newer versions replace, older ones are kept out), drafts with the agency as source,
// the embargo held until its time, expiry and cancellation flagged, bad documents refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { wireFixture } from '../../test/fixtures/wire-fixtures.js';
import { fixedClock } from '../platform/platform.clock.js';

interface ItemOut {
  id: number;
  guid: string;
  version: number;
  headline: string;
  agency: string;
  language: string;
  link: string | null;
  embargoed: boolean;
  expired: boolean;
  pubStatus: string;
  drafts: number;
}
interface IngestOut {
  results: { outcome: string; item: ItemOut }[];
}

const AR_GUID = 'urn:newsml:wire.example.org:20261202:ar-port-0001';

describe.each(engines())('the wire desk API ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let reporter: string;
  const clock = fixedClock(new Date('2026-12-02T10:00:00Z'));

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    editor = await t.token('editor');
    reporter = await t.token('reporter');
    for (const [slug, locale] of [
      ['storm-ar', 'ar'],
      ['storm-en', 'en'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer(editor),
        payload: { slug, headline: slug, locale },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  const sendXml = (name: string, token = editor) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/wire',
      headers: { ...bearer(token), 'content-type': 'application/xml' },
      payload: wireFixture(name),
    });
  const sendJson = (payload: unknown, token = editor) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/wire',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const inbox = async (query = '') => {
    const res = await t.app.inject({ url: `/api/v1/wire${query}`, headers: bearer(reporter) });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: ItemOut[] }>().items;
  };
  const draftFrom = (id: number, liveblog: string, token = editor) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/wire/${id}/drafts`,
      headers: bearer(token),
      payload: { liveblog },
    });
  const publishDraft = (slug: string, id: number, publishAt?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/liveblogs/${slug}/drafts/${id}/publish`,
      headers: bearer(editor),
      payload: publishAt === undefined ? {} : { publishAt },
    });

  it('ingests a NewsML-G2 newsItem (Arabic) and a ninjs 2.0 object (English) into the inbox', async () => {
    const xml = await sendXml('newsml-ar-v1.xml');
    expect(xml.statusCode).toBe(201);
    expect(xml.json<IngestOut>().results).toMatchObject([
      { outcome: 'added', item: { guid: AR_GUID, version: 1, language: 'ar', format: 'newsml' } },
    ]);
    const json = await sendJson(JSON.parse(wireFixture('ninjs-en.json')));
    expect(json.statusCode).toBe(201);
    expect(json.json<IngestOut>().results[0]?.item).toMatchObject({
      guid: 'urn:example-wire:item:en-ferry-0042',
      format: 'ninjs',
      language: 'en',
      agency: 'Example Wire Service',
    });
    const items = await inbox();
    expect(items.map((i) => i.guid)).toEqual(
      expect.arrayContaining([AR_GUID, 'urn:example-wire:item:en-ferry-0042']),
    );
    expect((await inbox('?language=ar')).every((i) => i.language === 'ar')).toBe(true);
    expect((await inbox('?language=en')).map((i) => i.guid)).not.toContain(AR_GUID);
  });

  it('a second version replaces the first; the inbox never shows both, and a late older one changes nothing', async () => {
    const second = await sendXml('newsml-ar-v2.xml');
    expect(second.statusCode).toBe(200);
    expect(second.json<IngestOut>().results[0]?.outcome).toBe('replaced');
    let mine = (await inbox()).filter((i) => i.guid === AR_GUID);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      version: 2,
      headline: 'استئناف الملاحة في ميناء صلالة بعد توقف دام ساعتين',
    });

    const late = await sendXml('newsml-ar-v1.xml');
    expect(late.statusCode).toBe(200);
    expect(late.json<IngestOut>().results[0]).toMatchObject({
      outcome: 'kept',
      item: { version: 2 },
    });
    mine = (await inbox()).filter((i) => i.guid === AR_GUID);
    expect(mine.map((i) => i.version)).toEqual([2]);

    // The same in ninjs: version 1 after version 2 is kept out, version 3 replaces.
    const ferry = JSON.parse(wireFixture('ninjs-en.json')) as Record<string, unknown>;
    const older = await sendJson({ ...ferry, version: '1', headlines: [{ value: 'old' }] });
    expect(older.json<IngestOut>().results[0]?.outcome).toBe('kept');
    const newer = await sendJson({ ...ferry, version: '3', headlines: [{ value: 'Ferry back' }] });
    expect(newer.json<IngestOut>().results[0]?.outcome).toBe('replaced');
    const ferries = (await inbox()).filter((i) => i.guid === ferry.uri);
    expect(ferries.map((i) => [i.version, i.headline])).toEqual([[3, 'Ferry back']]);
  });

  it('an item turned into a draft keeps its agency as the source, with the link to the original', async () => {
    const [item] = (await inbox('?language=ar')).filter((i) => i.guid === AR_GUID);
    if (!item) throw new Error('the Arabic item is in the inbox');
    const res = await draftFrom(item.id, 'storm-ar', reporter);
    expect(res.statusCode).toBe(201);
    const { draft } = res.json<{
      draft: { id: number; status: string; headline: string; text: string; sources: unknown[] };
    }>();
    expect(draft.status).toBe('draft');
    expect(draft.headline).toBe(item.headline);
    expect(draft.text).toContain('وعادت السفن إلى الرسو');
    expect(draft.sources).toEqual([
      {
        name: 'وكالة المثال للأنباء',
        kind: 'wire',
        url: 'https://wire.example.org/ar/2026/12/02/port-0001',
      },
    ]);
    // Published, it still names the agency.
    const published = await publishDraft('storm-ar', draft.id);
    expect(published.statusCode).toBe(200);
    const read = await t.app.inject(`/api/v1/liveblogs/storm-ar/updates/${draft.id}`);
    expect(read.json<{ sources: unknown[] }>().sources).toEqual(draft.sources);
    expect((await inbox()).find((i) => i.id === item.id)?.drafts).toBe(1);
  });

  it('an embargoed item is refused publication before its time (409, Arabic and English), then goes out', async () => {
    const res = await sendXml('newsml-en-embargo.xml');
    const item = res.json<IngestOut>().results[0]?.item;
    expect(item).toMatchObject({ embargoed: true, expired: false });
    if (!item) throw new Error('ingested');
    const made = await draftFrom(item.id, 'storm-en');
    expect(made.statusCode).toBe(201);
    const draft = made.json<{ draft: { id: number; sources: { name: string }[] } }>().draft;
    expect(draft.sources[0]?.name).toBe('Example Wire Service');

    const early = await publishDraft('storm-en', draft.id);
    expect(early.statusCode).toBe(409);
    const error = early.json<{
      error: { code: string; messages: { ar: string; en: string }; details: unknown[] };
    }>().error;
    expect(error.code).toBe('embargoed');
    expect(error.messages.en).toContain('embargoed until 02 December 2026 12:00 UTC');
    expect(error.messages.ar).toContain('محظورة النشر حتى');
    expect(error.details).toEqual([
      { field: '/embargoUntil', message: '2026-12-02T12:00:00.000Z' },
    ]);
    // Nothing half-written: still a draft, nothing on the page.
    const desk = { kind: 'user' as const, id: null, name: 'desk', role: 'editor' as const };
    const held = await t.app.services.updates.draft(desk, 'storm-en', draft.id);
    expect(held.update.status).toBe('draft');
    expect((await t.app.inject(`/api/v1/liveblogs/storm-en/updates/${draft.id}`)).statusCode).toBe(
      404,
    );
    // Scheduling before the embargo is refused too; at or after it is fine.
    expect((await publishDraft('storm-en', draft.id, '2026-12-02T11:30:00Z')).statusCode).toBe(409);

    clock.set(new Date('2026-12-02T12:00:00Z'));
    expect((await inbox()).find((i) => i.id === item.id)?.embargoed).toBe(false);
    const onTime = await publishDraft('storm-en', draft.id);
    expect(onTime.statusCode).toBe(200);
    expect(onTime.json<{ status: string }>().status).toBe('published');
    clock.set(new Date('2026-12-02T10:00:00Z'));
  });

  it('a scheduled draft whose embargo a newer version moved later waits, and the scheduler goes on', async () => {
    const item = JSON.parse(wireFixture('ninjs-ar-embargo.json')) as Record<string, unknown>;
    const first = {
      ...item,
      uri: 'urn:example-wire:item:ar-moved-0060',
      embargoed: '2026-12-02T11:00:00Z',
    };
    const stored = (await sendJson(first)).json<IngestOut>().results[0]?.item;
    if (!stored) throw new Error('ingested');
    const draft = (await draftFrom(stored.id, 'storm-ar')).json<{ draft: { id: number } }>().draft;
    expect((await publishDraft('storm-ar', draft.id, '2026-12-02T11:30:00Z')).statusCode).toBe(200);
    const later = { ...first, version: '2', embargoed: '2026-12-02T13:00:00Z' };
    expect((await sendJson(later)).json<IngestOut>().results[0]?.outcome).toBe('replaced');
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/storm-ar/updates',
      headers: bearer(editor),
      payload: { text: 'تحديث مجدول عادي', publishAt: '2026-12-02T11:45:00Z' },
    });
    expect(other.statusCode).toBe(201);

    clock.set(new Date('2026-12-02T12:00:00Z'));
    expect(await t.app.services.updates.publishDue()).toBe(1);
    expect((await t.app.inject(`/api/v1/liveblogs/storm-ar/updates/${draft.id}`)).statusCode).toBe(
      404,
    );
    clock.set(new Date('2026-12-02T13:00:00Z'));
    expect(await t.app.services.updates.publishDue()).toBe(1);
    expect((await t.app.inject(`/api/v1/liveblogs/storm-ar/updates/${draft.id}`)).statusCode).toBe(
      200,
    );
    clock.set(new Date('2026-12-02T10:00:00Z'));
  });

  it('the embargo of a ninjs item holds too, and its Arabic message says so', async () => {
    const res = await sendJson(JSON.parse(wireFixture('ninjs-ar-embargo.json')));
    const item = res.json<IngestOut>().results[0]?.item;
    if (!item) throw new Error('ingested');
    const draft = (await draftFrom(item.id, 'storm-ar')).json<{ draft: { id: number } }>().draft;
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/liveblogs/storm-ar/drafts/${draft.id}/publish`,
      headers: { ...bearer(editor), 'accept-language': 'ar' },
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toContain(
      'محظورة النشر حتى 02 ديسمبر 2026 14:00',
    );
  });

  it('flags an expired item, and refuses a draft from a cancelled one', async () => {
    const res = await sendXml('newsml-message.xml');
    const [expired, cancelled] = res.json<IngestOut>().results.map((r) => r.item);
    expect(expired).toMatchObject({ expired: true, language: 'en' });
    expect(cancelled).toMatchObject({ pubStatus: 'canceled', language: 'ar' });
    if (!cancelled) throw new Error('ingested');
    const refused = await draftFrom(cancelled.id, 'storm-ar');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('wire_canceled');
  });

  it('refuses what it cannot read (422) or a type it does not take (415), storing nothing', async () => {
    const before = (await inbox()).length;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/wire',
      headers: { ...bearer(editor), 'content-type': 'application/xml' },
      payload: '<newsItem guid="x"><itemMeta>',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { code: string; messages: { ar: string } } }>().error).toMatchObject({
      code: 'wire_unreadable',
      messages: { ar: expect.stringContaining('تعذرت قراءة') as string },
    });
    const noUri = await sendJson({ headlines: [{ value: 'x' }] });
    expect(noUri.statusCode).toBe(422);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/wire',
      headers: { ...bearer(editor), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect((await inbox()).length).toBe(before);
  });

  it('is for staff and tokens only: anonymous 401, a reporter reads but cannot feed it', async () => {
    expect((await t.app.inject('/api/v1/wire')).statusCode).toBe(401);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/wire',
      headers: { 'content-type': 'application/xml' },
      payload: wireFixture('newsml-ar-v1.xml'),
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await sendXml('newsml-ar-v1.xml', reporter)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/wire/1', headers: bearer(reporter) })).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/wire/1/drafts',
          payload: { liveblog: 'storm-ar' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
