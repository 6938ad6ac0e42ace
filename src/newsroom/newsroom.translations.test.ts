// The desk's "to translate" page: the counterpart's new updates, and the form that links one to
// its translation here (session cookie and CSRF token, like every newsroom form).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';

describe('the "to translate" desk page', () => {
  let t: TestApp;
  let editor: Session;
  const ids = { ar: 0, en: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    editor = await signIn(t.app, 'editor');
    const token = await t.token('editor');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await t.app.inject({ method, url, headers: bearer(token), payload });
      expect(res.statusCode).toBeLessThan(300);
      return res.json<{ id: number }>();
    };
    await api('POST', '/api/v1/liveblogs', {
      slug: 'vote-ar',
      headline: 'الانتخابات',
      locale: 'ar',
    });
    await api('POST', '/api/v1/liveblogs', {
      slug: 'vote-en',
      headline: 'The election',
      locale: 'en',
    });
    await api('PATCH', '/api/v1/liveblogs/vote-ar', { translation: 'vote-en' });
    ids.ar = (await api('POST', '/api/v1/liveblogs/vote-ar/updates', { text: 'بدء الفرز' })).id;
    ids.en = (
      await api('POST', '/api/v1/liveblogs/vote-en/updates', { text: 'Counting begins' })
    ).id;
  });
  afterAll(() => t.close());

  it('lists the counterpart update, in its own language, and links it through the form', async () => {
    const desk = await t.app.inject({
      url: '/newsroom/liveblogs/vote-ar',
      headers: { cookie: editor.cookie },
    });
    expect(desk.body).toContain('href="/newsroom/liveblogs/vote-ar/translate"');
    const page = await t.app.inject({
      url: '/newsroom/liveblogs/vote-ar/translate',
      headers: { cookie: editor.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<p lang="en" dir="ltr"><a href="\/live\/vote-en\/updates\/\d+#update-\d+"><bdi>Counting begins<\/bdi>/,
    );
    expect(page.body).toContain(`<option value="${ids.ar}">بدء الفرز</option>`);
    const linked = await t.app.inject({
      method: 'POST',
      url: '/newsroom/liveblogs/vote-ar/translations',
      headers: {
        cookie: editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
      },
      payload: new URLSearchParams({
        _csrf: editor.csrf,
        update: String(ids.ar),
        translation: String(ids.en),
      }).toString(),
    });
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toBe('/newsroom/liveblogs/vote-ar/translate');
    const update = await t.app.inject(`/api/v1/liveblogs/vote-ar/updates/${ids.ar}`);
    expect(update.json()).toMatchObject({ translation: { liveblog: 'vote-en', id: ids.en } });
    const after = await t.app.inject({
      url: '/newsroom/liveblogs/vote-ar/translate',
      headers: { cookie: editor.cookie },
    });
    expect(after.body).toContain('لا شيء ينتظر الترجمة.');
  });

  it('refuses the form without its CSRF token, linking nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/liveblogs/vote-en/translations',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `update=${ids.en}&translation=${ids.ar}`,
    });
    expect(res.statusCode).toBe(403);
  });
});
