// Class 1 of the hardening issue: control characters in a live page's own fields. Every stored
// string is cleaned by one normaliser, on both engines, whatever the path.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, formLogin, type TestApp } from '../../test/helpers.js';
import { hasControlCharacters, normaliseName, normaliseText } from '../lib/text.normalise.js';
import type { Actor } from '../access/access.policy.js';

// NUL, a backspace, an escape, a vertical tab, DEL and a C1 control (NEL), mixed into Arabic.
const DIRTY = 'عاجل\u0000:\u0008 وصول\u001B الوفد\u000B\u007F\u0085';

const editor: Actor = { kind: 'user', id: null, name: 'محررة', role: 'editor' };

describe.each(engines())('stored text is clean ($name)', (engine) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    token = await t.token('editor');
  });
  afterAll(() => t.close());

  async function rows(slug: string) {
    const db = t.app.database.db;
    const page = await db
      .selectFrom('liveblogs')
      .select(['id', 'headline', 'standfirst'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const sections = await db
      .selectFrom('explainerSections')
      .select(['title', 'body'])
      .where('liveblogId', '=', page.id)
      .execute();
    const events = await db
      .selectFrom('events')
      .select('payload')
      .where('liveblogId', '=', page.id)
      .execute();
    return { page, sections, events };
  }

  it('a live page created, patched and explained with NUL and other C0/C1 characters is stored clean', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(token),
      payload: { slug: 'dirty-page', headline: DIRTY, standfirst: `${DIRTY}\n${DIRTY}` },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      headline: 'عاجل: وصول الوفد',
      standfirst: 'عاجل: وصول الوفد عاجل: وصول الوفد',
    });

    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/dirty-page',
      headers: bearer(token),
      payload: { headline: `${DIRTY}\u0001`, standfirst: `\u0000${DIRTY}` },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      headline: 'عاجل: وصول الوفد',
      standfirst: 'عاجل: وصول الوفد',
    });
    const empty = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/dirty-page',
      headers: bearer(token),
      payload: { headline: '\u0000\u0001 \u007F' },
    });
    expect(empty.statusCode).toBe(400);

    const explained = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/liveblogs/dirty-page/explainer',
      headers: bearer(token),
      payload: { sections: [{ title: DIRTY, text: `${DIRTY}\n\nفقرة\u0000 ثانية` }] },
    });
    expect(explained.statusCode).toBe(200);
    const body = explained.json<{ explainer: { title: string; text: string }[] }>();
    expect(body.explainer[0]?.title).toBe('عاجل: وصول الوفد');
    expect(body.explainer[0]?.text).toBe('عاجل: وصول الوفد\n\nفقرة ثانية');

    const { page, sections, events } = await rows('dirty-page');
    expect(page.headline).toBe('عاجل: وصول الوفد');
    expect(page.standfirst).toBe('عاجل: وصول الوفد');
    expect(sections).toHaveLength(1);
    for (const value of [sections[0]?.title ?? '', sections[0]?.body ?? '']) {
      expect(hasControlCharacters(value)).toBe(false);
      expect(value).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\u008/i);
    }
    for (const event of events) expect(event.payload).not.toMatch(/\\u00[01][0-8bcef]/i);

    const html = await t.app.inject('/live/dirty-page');
    expect(html.statusCode).toBe(200);
    expect(hasControlCharacters(html.body)).toBe(false);
  });

  it('the same holds when a service is called directly (the CLI, imports, the demo)', async () => {
    await t.app.services.liveblogs.create(editor, {
      slug: 'direct-page',
      headline: DIRTY,
      standfirst: DIRTY,
    });
    await t.app.services.liveblogs.replaceExplainer(editor, 'direct-page', {
      sections: [{ title: `\u0000${DIRTY}`, text: DIRTY }],
    });
    const { page, sections } = await rows('direct-page');
    expect(page.headline).toBe('عاجل: وصول الوفد');
    expect(hasControlCharacters(page.standfirst)).toBe(false);
    expect(sections[0]?.title).toBe('عاجل: وصول الوفد');
    expect(sections[0]?.body).not.toMatch(/\\u00[01][0-8bcef]/i);
  });

  it('an update with controls in its structured blocks, headline, author and sources is stored clean', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/dirty-page/updates',
      headers: bearer(token),
      payload: {
        headline: DIRTY,
        author: `\u202Eمراسل\u0000`,
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: DIRTY }] },
          { type: 'heading', text: `عنوان\u0000` },
        ],
        sources: [{ name: DIRTY, kind: 'wire' }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(JSON.stringify(res.json())).not.toMatch(/\\u00[01][0-8bcef]/i);
    const stored = await t.app.database.db
      .selectFrom('updates')
      .select(['headline', 'body', 'sources', 'byline'])
      .where('id', '=', res.json<{ id: number }>().id)
      .executeTakeFirstOrThrow();
    expect(stored.headline).toBe('عاجل: وصول الوفد');
    expect(stored.byline).toBe('مراسل');
    for (const json of [stored.body, stored.sources])
      expect(json).not.toMatch(/\\u00[01][0-8bcef]|\\u007f/i);
  });

  it('a lookup with NUL in it is an ordinary miss, not a server error', async () => {
    // An account exists, so the sign-in page (and its pre-session token) is open.
    const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
    await t.app.services.accounts.createUser(operator, {
      email: 'ab@example.org',
      displayName: 'أ ب',
      role: 'editor',
      password: 'كلمة-سر-طويلة-2026',
    });
    const login = await formLogin(t.app, 'a\u0000b@example.org', 'secret-secret');
    expect(login.statusCode).toBe(401);
  });

  it('any string written and read back is exactly its normal form, on this engine as on the other', async () => {
    const db = t.app.database.db;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (value) => {
        const key = `property-${++n}`;
        await db.insertInto('settings').values({ key, value }).execute();
        const row = await db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', key)
          .executeTakeFirstOrThrow();
        expect(row.value).toBe(normaliseText(value));
      }),
      { numRuns: 150 },
    );
    // A name column gets the name form.
    const { record } = await t.app.services.tokens.create('\u202Eرمز\u0000 المكتب\u200B', 'editor');
    expect(record.name).toBe(normaliseName('رمز المكتب'));
  });
});
