// The reader's views of the stream, the lite page, a refused comment and the per-update address,
// through the server: what the browser tests (test/browser/reader-features.test.ts) rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import { cacheChangeFor } from './reader.cache.js';

describe.each(engines())('reader features ($name)', (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-02-06T14:00:00Z'));
  const ids: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    const editor = await t.token('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'views', headline: 'صفحة العرض', timeZone: 'Asia/Muscat' },
    });
    expect(created.statusCode).toBe(201);
    for (let i = 1; i <= 45; i++) {
      clock.advance(60_000);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/views/updates',
        headers: bearer(editor),
        payload: {
          headline: `تحديث ${i}`,
          text: `قال حساب @WhiteHouse. انظر https://example.com/${i}.`,
          keyEvent: i % 3 === 0,
        },
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json<{ id: number }>().id);
    }
  });
  afterAll(() => t.close());

  const articleIds = (html: string) =>
    Array.from(html.matchAll(/<article class="update[^"]*" id="update-(\d+)"/g), (m) =>
      Number(m[1]),
    );

  it('key events only, oldest first, and both: server-drawn, paginated, and linked in one order', async () => {
    const key = await t.app.inject('/live/views?filter=key');
    expect(key.statusCode).toBe(200);
    expect(articleIds(key.body)).toEqual(ids.filter((_, i) => (i + 1) % 3 === 0).reverse());
    expect(key.body).toContain('data-filter="key"');
    expect(key.body).toContain('<a href="/live/views?filter=key&amp;sort=oldest">');

    const oldest = await t.app.inject('/live/views?sort=oldest');
    expect(articleIds(oldest.body)).toEqual(ids.slice(0, 20));
    expect(oldest.body).toContain('rel="next" href="/live/views?sort=oldest&amp;page=2"');
    // Oldest first, the first page is not where new updates arrive: it does not follow them.
    expect(oldest.body).toContain('data-follow="0"');
    const last = await t.app.inject('/live/views?sort=oldest&page=3');
    expect(articleIds(last.body)).toEqual(ids.slice(40));
    expect(last.body).toContain('data-follow="1"');
    // The comments sit under the whole stream only; the views carry the page's cache key.
    expect(oldest.body).not.toContain('id="comments"');
    expect(String(oldest.headers['surrogate-key'])).toMatch(/liveblog-\d+/);

    const both = await t.app.inject('/live/views?filter=key&sort=oldest&page=1');
    expect(articleIds(both.body)).toEqual(ids.filter((_, i) => (i + 1) % 3 === 0));
    for (const bad of ['?sort=sideways', '?filter=all', '?page=0'])
      expect((await t.app.inject(`/live/views${bad}`)).statusCode).toBe(400);
  });

  it('older updates come before the comments', async () => {
    const html = (await t.app.inject('/live/views')).body;
    expect(html.indexOf('class="pagination"')).toBeGreaterThan(0);
    expect(html.indexOf('class="pagination"')).toBeLessThan(html.indexOf('id="comments"'));
  });

  it('a change purges the views and the lite page by address too', () => {
    const { paths } = cacheChangeFor({ liveblogId: 1, slug: 'views', updateIds: [7] });
    expect(paths).toEqual(
      expect.arrayContaining([
        '/live/views?filter=key',
        '/live/views?sort=oldest',
        '/live/views/lite',
        '/live/views/updates/7',
      ]),
    );
  });

  it('the lite page: the 20 newest as text, its own pages, no script, cacheable', async () => {
    const lite = await t.app.inject('/live/views/lite');
    expect(lite.statusCode).toBe(200);
    expect(lite.headers['cache-control']).toMatch(/^public, /);
    expect(lite.body.match(/<article /g)).toHaveLength(20);
    expect(lite.body).not.toMatch(/<script|stylesheet|<img/);
    expect(lite.body).toContain('rel="next" href="/live/views/lite?page=2"');
    expect(lite.body).toContain('<a href="https://x.com/WhiteHouse" rel="noopener nofollow ugc">');
    expect((await t.app.inject('/live/views/lite?page=9')).statusCode).toBe(404);
  });

  it('updates isolate handles and link URLs; share links use the per-update address', async () => {
    const id = ids.at(-1) ?? 0;
    const html = (await t.app.inject(`/live/views/updates/${id}`)).body;
    expect(html).toContain(
      'قال حساب <a href="https://x.com/WhiteHouse" rel="noopener nofollow ugc"><bdi dir="ltr">@WhiteHouse</bdi></a>.',
    );
    expect(html).toContain(`data-focus="${id}"`);
    expect(html).toContain(`data-share-url="http://localhost:3000/live/views/updates/${id}"`);
  });

  it('a comment refused by the throttle comes back with its text and the wait', async () => {
    const token = async () =>
      (await t.app.inject('/live/views/comments/token')).json<{ token: string }>().token;
    const post = async (text: string, cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/live/views/comments',
        remoteAddress: '192.0.2.44',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie && { cookie }),
        },
        payload: new URLSearchParams({ name: 'قارئ', text, t: await token() }).toString(),
      });
    clock.advance(10_000);
    const first = await post('أول تعليق');
    expect(first.statusCode).toBe(303);
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    clock.advance(5_000);
    const text = 'تعليقي الثاني <b>بنص</b> طويل';
    const refused = await post(text, cookie);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('25');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toContain('تعليقي الثاني &lt;b>بنص&lt;/b> طويل</textarea>');
    expect(refused.body).toContain('value="قارئ"');
    expect(refused.body).toContain('ما زال نصه في النموذج');
    expect(refused.body).toContain(
      '<span class="comment-wait" data-retry-after="25">يمكنك إرساله بعد 25 ثانية.</span>',
    );
  });
});
