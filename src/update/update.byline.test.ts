// Bylines are explicit: an update made with an API token carries no byline (and readers never
// see the token's name) unless the request gives one; contributors are stored and edited; a
// token belongs to a person or a desk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';

interface Out {
  id: number;
  author: string;
  byline: string | null;
  contributors: { name: string; role?: string; userId?: number }[];
}

describe.each(engines())('bylines and contributors ($name)', (engine) => {
  let t: TestApp;
  let token: string;
  const slug = 'tehran-talks';
  const base = `/api/v1/liveblogs/${slug}/updates`;
  const TOKEN_NAME = 'نظام التحرير الآلي';

  beforeAll(async () => {
    t = await buildTestApp(engine);
    ({ token } = await t.app.services.tokens.create(TOKEN_NAME, 'editor', {
      desk: 'مكتب الأخبار',
    }));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      payload: { slug, headline: 'محادثات طهران' },
      headers: bearer(token),
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const publish = (payload: object) =>
    t.app.inject({ method: 'POST', url: base, payload, headers: bearer(token) });

  it("an update published with a token has no byline, and readers never see the token's name", async () => {
    const res = await publish({ text: 'بدأت الجولة الثانية من المحادثات.' });
    expect(res.statusCode).toBe(201);
    const body = res.json<Out>();
    expect(body.byline).toBeNull();
    expect(body.author).toBe(TOKEN_NAME); // the newsroom's record of who sent it
    const page = await t.app.inject(`/live/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('بدأت الجولة الثانية');
    expect(page.body).not.toContain(TOKEN_NAME);
    expect(page.body).not.toContain('update-author');
    for (const format of ['rss', 'atom', 'json']) {
      const feed = await t.app.inject(`/live/${slug}/feed.${format}`);
      expect(feed.statusCode, format).toBe(200);
      expect(feed.body, format).toContain('بدأت الجولة الثانية');
      expect(feed.body, format).not.toContain(TOKEN_NAME);
    }
  });

  it('a byline given is what readers see, with contributors kept beside it', async () => {
    const res = await publish({
      text: 'وصل الوفد العماني إلى طهران.',
      byline: 'مراسلنا في طهران',
      contributors: [
        { name: 'سلمى الحارثي', role: 'مراسلنا في طهران' },
        { name: 'خالد', role: 'تحرير' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<Out>();
    expect(body.byline).toBe('مراسلنا في طهران');
    expect(body.contributors).toEqual([
      { name: 'سلمى الحارثي', role: 'مراسلنا في طهران' },
      { name: 'خالد', role: 'تحرير' },
    ]);
    const page = await t.app.inject(`/live/${slug}`);
    expect(page.body).toMatch(/class="update-author"[^<]*<bdi>مراسلنا في طهران<\/bdi>/);
    expect(page.body).not.toContain(TOKEN_NAME);
  });

  it('an edit sets or clears the byline and replaces the contributors', async () => {
    const id = (await publish({ text: 'خبر بلا توقيع.' })).json<Out>().id;
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `${base}/${id}`, payload, headers: bearer(token) });
    const set = await patch({ byline: 'وكالات', contributors: [{ name: 'ريم' }] });
    expect(set.statusCode).toBe(200);
    expect(set.json<Out>()).toMatchObject({ byline: 'وكالات', contributors: [{ name: 'ريم' }] });
    const cleared = await patch({ byline: null });
    expect(cleared.json<Out>().byline).toBeNull();
    const read = await t.app.inject(`${base}/${id}`);
    expect(read.json<Out>()).toMatchObject({ byline: null, contributors: [{ name: 'ريم' }] });
  });

  it('a token belongs to a person (who must have an account) or a desk, never both', async () => {
    const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
    const user = await t.app.services.accounts.createUser(operator, {
      email: 'salma@desk.test',
      displayName: 'سلمى',
      role: 'editor',
      password: 'كلمة-سر-طويلة-2026',
    });
    const { record } = await t.app.services.tokens.create('هاتف سلمى', 'reporter', {
      email: 'Salma@Desk.test',
    });
    expect(record).toMatchObject({ ownerUserId: user.id, ownerDesk: null });
    const listed = await t.app.services.tokens.list();
    expect(listed.find((r) => r.name === TOKEN_NAME)).toMatchObject({
      ownerUserId: null,
      ownerDesk: 'مكتب الأخبار',
    });
    await expect(
      t.app.services.tokens.create('x', 'editor', { email: 'nobody@desk.test' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      t.app.services.tokens.create('x', 'editor', { email: 'salma@desk.test', desk: 'مكتب' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
