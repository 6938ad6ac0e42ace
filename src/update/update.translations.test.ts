// Arabic ⇄ English links between updates: both ways, shown to readers with hreflang, sent live
// to both pages, and the desk's "to translate" queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';

describe.each(engines())('translations between counterpart pages ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let reporter: string;
  const ids = { ar: 0, en: 0, ar2: 0, other: 0 };

  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
    token = editor,
  ) => t.app.inject({ method, url, headers: bearer(token), ...(payload && { payload }) });

  async function publish(slug: string, headline: string): Promise<number> {
    const res = await api('POST', `/api/v1/liveblogs/${slug}/updates`, {
      headline,
      text: headline,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
    reporter = await t.token('reporter');
    const pages = [
      { slug: 'quake-ar', headline: 'زلزال في الشمال', locale: 'ar' },
      { slug: 'quake-en', headline: 'Earthquake in the north', locale: 'en' },
      { slug: 'floods', headline: 'فيضانات', locale: 'ar' },
    ];
    for (const page of pages)
      expect(
        (await api('POST', '/api/v1/liveblogs', { ...page, timeZone: 'Asia/Beirut' })).statusCode,
      ).toBe(201);
    expect(
      (await api('PATCH', '/api/v1/liveblogs/quake-ar', { translation: 'quake-en' })).statusCode,
    ).toBe(200);
    ids.ar = await publish('quake-ar', 'هزة بقوة ست درجات');
    ids.en = await publish('quake-en', 'A magnitude six tremor');
    ids.ar2 = await publish('quake-ar', 'فرق الإنقاذ تصل');
    ids.other = await publish('floods', 'ارتفاع منسوب النهر');
  });
  afterAll(() => t.close());

  const queueOf = async (slug: string) => {
    const res = await api('GET', `/api/v1/liveblogs/${slug}/to-translate`, undefined, reporter);
    expect(res.statusCode).toBe(200);
    return res.json<{ counterpart: string | null; updates: { id: number }[] }>();
  };

  it("each desk's queue holds the counterpart's updates not yet linked", async () => {
    const ar = await queueOf('quake-ar');
    expect(ar.counterpart).toBe('quake-en');
    expect(ar.updates.map((u) => u.id)).toEqual([ids.en]);
    expect((await queueOf('quake-en')).updates.map((u) => u.id)).toEqual([ids.ar2, ids.ar]);
    expect(await queueOf('floods')).toEqual({ liveblog: 'floods', counterpart: null, updates: [] });
  });

  it('links an update to its translation both ways, with the API field on each side', async () => {
    const lastSeq = async (slug: string) =>
      (await t.app.inject(`/live/${slug}/updates.json?after=0`)).json<{ lastEventId: number }>()
        .lastEventId;
    const [arBefore, enBefore] = [await lastSeq('quake-ar'), await lastSeq('quake-en')];
    const res = await api('PUT', `/api/v1/liveblogs/quake-ar/updates/${ids.ar}/translation`, {
      translation: ids.en,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.ar,
      translation: {
        liveblog: 'quake-en',
        id: ids.en,
        url: `http://localhost:3000/live/quake-en/updates/${ids.en}#update-${ids.en}`,
      },
    });
    const en = await t.app.inject(`/api/v1/liveblogs/quake-en/updates/${ids.en}`);
    expect(en.json()).toMatchObject({ translation: { liveblog: 'quake-ar', id: ids.ar } });
    // Both pages told their readers (the link appears on each update).
    expect(await lastSeq('quake-ar')).toBe(arBefore + 1);
    expect(await lastSeq('quake-en')).toBe(enBefore + 1);
    const events = await t.app.inject(`/live/quake-en/updates.json?after=${enBefore}`);
    const [event] = events.json<{ events: { type: string; data: { html: string } }[] }>().events;
    expect(event?.type).toBe('update.edited');
    expect(event?.data.html).toContain(`href="/live/quake-ar/updates/${ids.ar}#update-${ids.ar}"`);
    expect((await queueOf('quake-ar')).updates).toEqual([]);
    expect((await queueOf('quake-en')).updates.map((u) => u.id)).toEqual([ids.ar2]);
  });

  it("a reader's update links to its translation's own address, with hreflang and lang", async () => {
    const page = await t.app.inject(`/live/quake-ar/updates/${ids.ar}`);
    expect(page.body).toMatch(
      new RegExp(
        `<a class="update-translation" href="/live/quake-en/updates/${ids.en}#update-${ids.en}" hreflang="en" lang="en" dir="ltr" rel="alternate">Read this update in English</a>`,
      ),
    );
    const english = await t.app.inject(`/live/quake-en/updates/${ids.en}`);
    expect(english.body).toContain(
      `href="/live/quake-ar/updates/${ids.ar}#update-${ids.ar}" hreflang="ar" lang="ar" dir="rtl"`,
    );
    // An update with no translation has no such link.
    const other = await t.app.inject(`/live/quake-ar/updates/${ids.ar2}`);
    expect(other.body.split(`id="update-${ids.ar2}"`)[1]?.split('</article>')[0]).not.toContain(
      'update-translation',
    );
  });

  it('re-linking releases the former partner; null unlinks', async () => {
    const res = await api('PUT', `/api/v1/liveblogs/quake-en/updates/${ids.en}/translation`, {
      translation: ids.ar2,
    });
    expect(res.json()).toMatchObject({ translation: { liveblog: 'quake-ar', id: ids.ar2 } });
    const first = await t.app.inject(`/api/v1/liveblogs/quake-ar/updates/${ids.ar}`);
    expect(first.json()).toMatchObject({ translation: null });
    const off = await api('PUT', `/api/v1/liveblogs/quake-ar/updates/${ids.ar2}/translation`, {
      translation: null,
    });
    expect(off.json()).toMatchObject({ translation: null });
    const en = await t.app.inject(`/api/v1/liveblogs/quake-en/updates/${ids.en}`);
    expect(en.json()).toMatchObject({ translation: null });
  });

  it('refuses an update of another page, a page with no counterpart, and a reporter', async () => {
    const wrong = await api('PUT', `/api/v1/liveblogs/quake-ar/updates/${ids.ar}/translation`, {
      translation: ids.other,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ field: '/translation' }] },
    });
    const alone = await api('PUT', `/api/v1/liveblogs/floods/updates/${ids.other}/translation`, {
      translation: ids.en,
    });
    expect(alone.statusCode).toBe(409);
    const denied = await api(
      'PUT',
      `/api/v1/liveblogs/quake-ar/updates/${ids.ar}/translation`,
      { translation: ids.en },
      reporter,
    );
    expect(denied.statusCode).toBe(403);
    const stored = await t.app.inject(`/api/v1/liveblogs/quake-ar/updates/${ids.ar}`);
    expect(stored.json()).toMatchObject({ translation: null });
  });
});
