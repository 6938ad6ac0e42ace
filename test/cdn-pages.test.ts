// Issue 11: for anonymous readers the reader pages, feeds, sitemaps and the widget are the same
// bytes for everyone, publicly cacheable with surrogate keys and no Vary: Cookie; what differs
// per reader (the comment form's token) comes from a small uncached endpoint; staff never fill
// a shared cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from './helpers.js';

describe('pages a shared cache can keep', () => {
  let t: TestApp;
  let pageKey: string;
  let updateId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const editor = await t.token('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'cdn', headline: 'صفحة تحفظها الشبكة' },
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/cdn/updates',
        headers: bearer(editor),
        payload: { text: `التحديث رقم ${String(i)}` },
      });
      updateId = res.json<{ id: number }>().id;
    }
    pageKey = `liveblog-${String((await t.app.services.liveblogs.bySlug('cdn')).id)}`;
  });
  afterAll(() => t.close());

  const cacheable = [
    ['the live page', '/live/cdn', () => [pageKey]],
    ['an older page', '/live/cdn?page=2', () => [pageKey]],
    [
      'a permalink',
      () => `/live/cdn/updates/${String(updateId)}`,
      () => [pageKey, `update-${String(updateId)}`],
    ],
    ['the front page', '/', () => ['lists']],
    ['a page feed', '/live/cdn/feed.rss', () => [pageKey]],
    ['the site feed', '/feed.atom', () => ['lists']],
    ['the sitemap', '/sitemap.xml', () => ['lists']],
    ['the news sitemap', '/news-sitemap.xml', () => ['lists']],
    ['the widget', '/embed/cdn', () => [pageKey]],
  ] as const;

  it.each(cacheable)(
    '%s: identical bytes for two readers, public, keyed, no Vary: Cookie',
    async (_name, path, keys) => {
      const url = typeof path === 'function' ? path() : path;
      const first = await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      const second = await t.app.inject({
        url,
        headers: {
          'accept-encoding': 'identity',
          cookie: 'ajil_consent=v1.p0.a1.e0; ajil_cid=other',
        },
      });
      expect(first.statusCode).toBe(200);
      expect(second.body).toBe(first.body);
      expect(second.headers['content-security-policy']).toBe(
        first.headers['content-security-policy'],
      );
      const control = String(first.headers['cache-control']);
      expect(control).toMatch(/^public,/);
      expect(control).toMatch(/s-maxage=\d+/);
      expect(control).toMatch(/stale-while-revalidate=\d+/);
      expect(control).toMatch(/stale-if-error=\d+/);
      expect((first.headers.vary ?? '').toLowerCase()).not.toContain('cookie');
      expect(first.headers['set-cookie']).toBeUndefined();
      const surrogate = String(first.headers['surrogate-key']).split(' ');
      expect(surrogate).toContain('site');
      for (const key of keys()) expect(surrogate).toContain(key);
      expect(String(first.headers['cache-tag']).split(',')).toEqual(surrogate);
    },
  );

  it('the page carries no nonce and no comment token; the token comes uncached', async () => {
    const page = await t.app.inject({ url: '/live/cdn' });
    expect(page.body).not.toMatch(/nonce=/);
    expect(String(page.headers['content-security-policy'])).not.toContain('nonce-');
    expect(page.body).toContain('class="consent-banner"');
    const token = await t.app.inject({ url: '/live/cdn/comments/token' });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toContain('no-store');
    expect(token.json<{ token: string }>().token).toMatch(/\./);
    expect(page.body).not.toContain(token.json<{ token: string }>().token);
  });

  it('a signed-in member of staff gets a private copy', async () => {
    const page = await t.app.inject({
      url: '/live/cdn',
      headers: { cookie: 'ajil_session=anything' },
    });
    expect(page.statusCode).toBe(200);
    expect(String(page.headers['cache-control'])).toMatch(/private/);
    expect(page.headers['surrogate-key']).toBeUndefined();
  });
});
