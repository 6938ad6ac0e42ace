// Issue 14, item 7: «ما نعرفه حتى الآن». Editors set it through the API and from the desk; it sits
// at the top of the live page; each version is kept and readers see when it changed and what
// changed; a change is an event in its own transaction and purges the page from shared caches.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/platform.config.js';
import { cacheKeys } from '../platform/platform.cache.js';
import {
  bearer,
  buildTestApp,
  engines,
  signIn,
  type Session,
  type TestApp,
} from '../../test/helpers.js';
import { summaryDiff } from './liveblog.summary.view.js';

const slug = 'quake';

describe.each(engines())('what we know so far ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let server: Server;
  const purged: string[][] = [];

  const put = (text: string, token = editor) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/liveblogs/${slug}/summary`,
      payload: { text },
      headers: bearer(token),
    });
  const summaryEvents = () =>
    t.app.database.db
      .selectFrom('events')
      .select(['payload'])
      .where('type', '=', 'liveblog.summary')
      .execute();

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        purged.push((JSON.parse(body) as { keys: string[] }).keys);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { cache } = loadConfig({
      CACHE_PURGE: 'url',
      CACHE_PURGE_URL: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/p`,
    });
    t = await buildTestApp(engine, {}, { cache });
    editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      payload: { slug, headline: 'زلزال في الشمال' },
      headers: bearer(editor),
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });

  it('starts empty and hidden; reporters may not set it', async () => {
    const page = (await t.app.inject(`/live/${slug}`)).body;
    expect(page).toContain('<section id="summary" class="summary-box" hidden>');
    expect((await put('نقطة', await t.token('reporter'))).statusCode).toBe(403);
    expect((await put('a\n'.repeat(13))).statusCode).toBe(400);
    expect((await summaryEvents()).length).toBe(0);
  });

  it('is set through the API: points at the top of the page, an event, a purge', async () => {
    const res = await put('- زلزال بقوة 6.1 درجات\n\nلا ضحايا مؤكدين حتى الآن\n');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ summary: { points: string[]; at: string }; history: unknown[] }>();
    expect(body.summary.points).toEqual(['زلزال بقوة 6.1 درجات', 'لا ضحايا مؤكدين حتى الآن']);
    expect(body.history).toHaveLength(1);

    const html = (await t.app.inject(`/live/${slug}`)).body;
    const box = html.indexOf('<section id="summary" class="summary-box" aria-labelledby');
    expect(box).toBeGreaterThan(html.indexOf('</header>', html.indexOf('class="live-header"')));
    expect(box).toBeLessThan(html.indexOf('class="live-layout"'));
    expect(html).toContain('<h2 id="summary-title">ما نعرفه حتى الآن</h2>');
    expect(html).toContain('<li dir="auto">لا ضحايا مؤكدين حتى الآن</li>');
    expect(html).toContain(`<a href="/live/${slug}/summary">سجل التغييرات</a>`);
    expect(html).toContain(`آخر تغيير: <time datetime="${body.summary.at}">`);

    const events = await summaryEvents();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({
      type: 'liveblog.summary',
      summaryHtml: expect.stringContaining('زلزال بقوة 6.1 درجات') as string,
    });
    const id = (await t.app.services.liveblogs.bySlug(slug)).id;
    for (let i = 0; i < 1000 && !purged.some((k) => k.includes(cacheKeys.liveblog(id))); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(purged.some((keys) => keys.includes(cacheKeys.liveblog(id)))).toBe(true);
  });

  it('writes nothing when the text is the same', async () => {
    await put('زلزال بقوة 6.1 درجات\nلا ضحايا مؤكدين حتى الآن');
    expect((await summaryEvents()).length).toBe(1);
  });

  it('is edited from the desk, and its public history shows each version, what it added and removed', async () => {
    const staff: Session = await signIn(t.app, 'editor');
    const desk = await t.app.inject({
      url: `/newsroom/liveblogs/${slug}`,
      headers: { cookie: staff.cookie },
    });
    expect(desk.body).toContain(`action="/newsroom/liveblogs/${slug}/summary"`);
    expect(desk.body).toContain('لا ضحايا مؤكدين حتى الآن</textarea>');
    const saved = await t.app.inject({
      method: 'POST',
      url: `/newsroom/liveblogs/${slug}/summary`,
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: staff.csrf,
        text: 'زلزال بقوة 6.1 درجات\nوفاة شخصين في قرية جبلية',
      }).toString(),
    });
    expect(saved.statusCode).toBe(303);

    const history = (await t.app.inject(`/live/${slug}/summary`)).body;
    const versions = history.split('<li class="summary-version"').slice(1);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toContain('<ins>وفاة شخصين في قرية جبلية</ins>');
    expect(versions[0]).toContain('<del>لا ضحايا مؤكدين حتى الآن</del>');
    expect(versions[0]).toMatch(/<time datetime="[^"]+">/);
    expect(versions[1]).toContain('<ins>زلزال بقوة 6.1 درجات</ins>');
    const api = await t.app.inject(`/api/v1/liveblogs/${slug}/summary`);
    expect(
      api.json<{ history: { points: string[] }[] }>().history.map((v) => v.points.length),
    ).toEqual([2, 2]);
    expect((await summaryEvents()).length).toBe(2);
  });

  it('diffs point by point', () => {
    const at = new Date();
    const v = (id: number, points: string[]) => ({
      id,
      text: points.join('\n'),
      points,
      editorName: '',
      at,
    });
    expect(summaryDiff(v(2, ['a', 'c']), v(1, ['a', 'b']))).toEqual({
      added: ['c'],
      removed: ['b'],
    });
    expect(summaryDiff(v(1, ['a']), undefined)).toEqual({ added: ['a'], removed: [] });
  });
});
