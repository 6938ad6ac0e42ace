// The dashboard's new-page form: a slug the address could not carry is refused on the page,
// in the staff member's language, and no page is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';

describe('the new-page form', () => {
  let t: TestApp;
  let editor: Session;
  beforeAll(async () => {
    t = await buildTestApp();
    editor = await signIn(t.app, 'editor');
  });
  afterAll(() => t.close());

  const create = (slug: string, lang = 'ar') =>
    t.app.inject({
      method: 'POST',
      url: `/newsroom/liveblogs?lang=${lang}`,
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ slug, headline: 'صفحة', _csrf: editor.csrf }).toString(),
    });
  const error = (body: string) => /<p class="form-error" role="alert">([^<]+)<\/p>/.exec(body)?.[1];

  it.each(['q', 'Bad Slug', 'two--hyphens', 'a'.repeat(81)])(
    'refuses the slug %j with the reason on the dashboard',
    async (slug) => {
      const res = await create(slug);
      expect(res.statusCode).toBe(400);
      expect(error(res.body)).toContain('المعرّف (slug)');
      const pages = await t.app.services.liveblogs.frontPage(200);
      expect(pages.map((page) => page.headline)).not.toContain('صفحة');
    },
  );

  it('says so in English on the English dashboard', async () => {
    const res = await create('q', 'en');
    expect(res.statusCode).toBe(400);
    expect(error(res.body)).toContain('The slug is 2 to 80 lower-case Latin letters');
  });

  it('makes the page for a good slug and opens its desk', async () => {
    const res = await create('good-slug-2');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/liveblogs/good-slug-2');
    expect((await t.app.services.liveblogs.bySlug('good-slug-2')).headline).toBe('صفحة');
  });
});
