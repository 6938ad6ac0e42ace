// Issue 11: after a publish, an edit and a delete commit, a stand-in purge endpoint receives the
// live page's and the update's keys within a second; so does a change to the page itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/platform.config.js';
import { bearer, buildTestApp, engines, type TestApp } from './helpers.js';

describe.each(engines())('purging shared caches ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let server: Server;
  const purges: { at: number; keys: string[] }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        purges.push({ at: Date.now(), keys: (JSON.parse(body) as { keys: string[] }).keys });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const { cache } = loadConfig({
      CACHE_PURGE: 'url',
      CACHE_PURGE_URL: `http://127.0.0.1:${String(port)}/purge`,
    });
    t = await buildTestApp(engine, {}, { cache });
    editor = await t.token('editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'purge', headline: 'صفحة تُفرَّغ من الذاكرة المؤقتة' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  /** Waits up to a second for a purge naming all `keys`, sent after `since`. */
  async function purgedWithin(since: number, keys: string[]): Promise<number> {
    for (;;) {
      const hit = purges.find((p) => p.at >= since && keys.every((k) => p.keys.includes(k)));
      if (hit) return hit.at - since;
      if (Date.now() - since > 1_000) throw new Error(`no purge of ${keys.join(' ')} within 1 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('a publish, an edit and a delete each purge the page and the update within 1 s', async () => {
    const page = (await t.app.services.liveblogs.bySlug('purge')).id;
    let since = Date.now();
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/purge/updates',
      headers: bearer(editor),
      payload: { text: 'أول تحديث على الصفحة' },
    });
    expect(published.statusCode).toBe(201);
    const id = published.json<{ id: number }>().id;
    const keys = [`liveblog-${String(page)}`, `update-${String(id)}`, 'lists'];
    expect(await purgedWithin(since, keys)).toBeLessThan(1_000);

    since = Date.now();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/purge/updates/${String(id)}`,
      headers: bearer(editor),
      payload: { text: 'أول تحديث على الصفحة، مصحَّحًا' },
    });
    expect(edited.statusCode).toBe(200);
    expect(await purgedWithin(since, keys)).toBeLessThan(1_000);

    since = Date.now();
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/liveblogs/purge/updates/${String(id)}`,
      headers: bearer(editor),
    });
    expect(deleted.statusCode).toBe(204);
    expect(await purgedWithin(since, keys)).toBeLessThan(1_000);
  });

  it("a change to the page's own fields purges the page", async () => {
    const page = (await t.app.services.liveblogs.bySlug('purge')).id;
    const since = Date.now();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/purge',
      headers: bearer(editor),
      payload: { headline: 'عنوان جديد للصفحة' },
    });
    expect(res.statusCode).toBe(200);
    expect(await purgedWithin(since, [`liveblog-${String(page)}`])).toBeLessThan(1_000);
  });
});
