// Class 6 of the hardening issue: one same-origin check for every state change made with the
// session cookie, newsroom forms and the JSON API alike, on top of the CSRF token. Bearer calls
// carry no ambient authority and are not checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';

const EVIL = 'https://evil.example';

describe('the same-origin check on state changes', () => {
  let t: TestApp;
  let editor: Session;
  let origin: string;
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    editor = await signIn(t.app, 'editor');
    origin = new URL(t.app.config.publicUrl).origin;
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(await t.token('editor')),
      payload: { slug: 'origin-page', headline: 'صفحة' },
    });
    expect(made.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  /** A newsroom form post (a new live page) with the session cookie and a valid CSRF token. */
  const formPost = (headers: Record<string, string>) => {
    const slug = `form-${++n}`;
    return t.app
      .inject({
        method: 'POST',
        url: '/newsroom/liveblogs',
        headers: {
          cookie: editor.cookie,
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        payload: new URLSearchParams({ _csrf: editor.csrf, slug, headline: 'عنوان' }).toString(),
      })
      .then((res) => ({ res, slug }));
  };

  /** A cookie-authenticated API write (an update) with a valid CSRF token in its header. */
  const apiPost = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/origin-page/updates',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, ...headers },
      payload: { text: `خبر رقم ${++n}` },
    });

  const exists = async (slug: string) =>
    (await t.app.inject(`/api/v1/liveblogs/${slug}`)).statusCode === 200;
  const published = async () =>
    (await t.app.inject('/api/v1/liveblogs/origin-page/updates?limit=100')).json<{
      updates: unknown[];
    }>().updates.length;

  const crossSite: Record<string, Record<string, string>> = {
    'an Origin of another site': { origin: EVIL },
    'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site', origin: EVIL },
    'Sec-Fetch-Site: same-site (a sibling subdomain)': { 'sec-fetch-site': 'same-site' },
    'Origin: null (a sandboxed frame or a redirect)': { origin: 'null' },
    'no Origin, a Referer from another site': { referer: `${EVIL}/page` },
  };

  it.each(Object.entries(crossSite))(
    'a newsroom form with %s is refused (403) even with a valid CSRF token',
    async (_name, headers) => {
      const { res, slug } = await formPost(headers);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('lang="en"'); // the error page speaks both languages
      expect(await exists(slug)).toBe(false);
    },
  );

  it.each(Object.entries(crossSite))(
    'a cookie-authenticated API write with %s is refused (403, bilingual) even with a valid CSRF token',
    async (_name, headers) => {
      const before = await published();
      const res = await apiPost(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        error: {
          code: 'cross_site',
          messages: {
            ar: expect.stringContaining('موقع آخر') as unknown,
            en: expect.stringContaining('another site') as unknown,
          },
        },
      });
      expect(await published()).toBe(before);
    },
  );

  const sameOrigin: Record<string, () => Record<string, string>> = {
    'Origin of this site and Sec-Fetch-Site: same-origin': () => ({
      origin,
      'sec-fetch-site': 'same-origin',
    }),
    'the Origin of the host it was reached by': () => ({ origin: 'http://localhost:80' }),
    'no Origin, a Referer of this site': () => ({ referer: `${origin}/newsroom` }),
    'neither Origin, Fetch Metadata nor Referer (not a browser)': () => ({}),
    'Sec-Fetch-Site: none (typed by the user)': () => ({ 'sec-fetch-site': 'none' }),
  };

  it.each(Object.entries(sameOrigin))('a newsroom form with %s passes', async (_name, headers) => {
    const { res, slug } = await formPost(headers());
    expect(res.statusCode).toBe(303);
    expect(await exists(slug)).toBe(true);
  });

  it.each(Object.entries(sameOrigin))(
    'a cookie-authenticated API write with %s passes',
    async (_name, headers) => {
      expect((await apiPost(headers())).statusCode).toBe(201);
    },
  );

  it('the CSRF token is still required from this site', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/origin-page/updates',
      headers: { cookie: editor.cookie, origin, 'sec-fetch-site': 'same-origin' },
      payload: { text: 'بلا رمز' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
  });

  it('bearer calls carry no ambient authority and are not checked, whatever their origin', async () => {
    const token = await t.token('editor');
    for (const headers of Object.values(crossSite)) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/origin-page/updates',
        headers: { ...bearer(token), ...headers },
        payload: { text: `من رمز ${++n}` },
      });
      expect(res.statusCode).toBe(201);
    }
  });

  it('reading is not checked: a cross-site GET with the cookie still answers', async () => {
    const res = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: editor.cookie, origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});
