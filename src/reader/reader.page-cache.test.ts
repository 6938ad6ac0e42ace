// Reader pages from memory (platform.page-cache.ts): rendered once per address and version,
// and every change readers can see shows on the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, signIn, type TestApp } from '../../test/helpers.js';

describe.each(engines())('reader pages from memory ($name)', (engine) => {
  let t: TestApp;
  let auth: Record<string, string>;
  const page = '/live/cached';

  const stats = () => t.app.pageCache.stats();
  const read = (url = page, headers: Record<string, string> = {}) =>
    t.app.inject({ url, headers: { 'accept-encoding': 'br', ...headers } });
  const text = async (url = page) =>
    (await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } })).body;

  async function publish(headline: string): Promise<number> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/cached/updates',
      headers: auth,
      payload: { headline, text: 'نص التحديث.' },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    auth = bearer(await t.token('editor'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: auth,
      payload: { slug: 'cached', headline: 'صفحة من الذاكرة', timeZone: 'Asia/Beirut' },
    });
    expect(created.statusCode).toBe(201);
    await publish('أول تحديث');
  });
  afterAll(() => t.close());

  it('serves the second request from memory, with the same bytes', async () => {
    const first = await read();
    const before = stats();
    const second = await read();
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-encoding']).toBe('br');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(stats().hits).toBe(before.hits + 1);
    expect(stats().misses).toBe(before.misses);
    expect(second.headers['cache-control']).toContain('public');
    expect(second.headers['surrogate-key']).toContain('liveblog-');
    expect(second.headers.vary).toMatch(/accept-encoding/i);
  });

  it('shows a publish, an edit and a removal on the very next request', async () => {
    await text();
    const id = await publish('تحديث جديد للتو');
    expect(await text()).toContain('تحديث جديد للتو');
    const version = (
      await t.app.inject({ url: `/api/v1/liveblogs/cached/updates/${String(id)}`, headers: auth })
    ).headers.etag;
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/cached/updates/${String(id)}`,
      headers: { ...auth, 'if-match': String(version) },
      payload: { headline: 'عنوان معدل' },
    });
    expect(edited.statusCode).toBe(200);
    expect(await text()).toContain('عنوان معدل');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/liveblogs/cached/updates/${String(id)}`,
      headers: { ...auth, 'if-match': String(edited.headers.etag) },
    });
    expect(removed.statusCode).toBe(204);
    expect(await text()).not.toContain('عنوان معدل');
  });

  it('keeps each address apart: views, numbered pages and permalinks', async () => {
    await publish('حدث رئيسي');
    const all = await text(page);
    const key = await text(`${page}?filter=key`);
    expect(all).not.toBe(key);
    expect(await text(page)).toBe(all);
    const lite = await text(`${page}/lite`);
    expect(lite).not.toBe(all);
    expect(lite).toContain('حدث رئيسي');
    await publish('تحديث للنسخة الخفيفة');
    expect(await text(`${page}/lite`)).toContain('تحديث للنسخة الخفيفة');
  });

  it('answers 304 to a reader holding the current copy, and 200 after a change', async () => {
    const first = await read();
    const etag = String(first.headers.etag);
    expect((await read(page, { 'if-none-match': etag })).statusCode).toBe(304);
    await publish('تحديث بعد النسخة');
    const after = await read(page, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('follows the site date style at once', async () => {
    await text();
    const admin = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
    const style = await t.app.services.settings.dateStyle();
    await t.app.services.settings.setDateStyle(admin, { ...style, digits: 'arab' });
    expect(await text()).toMatch(/[٠-٩]{2}:[٠-٩]{2}/);
    await t.app.services.settings.setDateStyle(admin, style);
  });

  it('gives signed-in staff a fresh, private copy that never enters the cache', async () => {
    const { cookie } = await signIn(t.app, 'editor');
    const before = stats();
    const res = await read(page, { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(stats().hits).toBe(before.hits);
    expect(stats().misses).toBe(before.misses);
  });

  it('keeps no copy of a page that does not exist', async () => {
    const before = stats();
    expect((await read('/live/no-such-page')).statusCode).toBe(404);
    expect((await read(`${page}?page=99`)).statusCode).toBe(404);
    expect(stats().entries).toBe(before.entries);
  });
});
