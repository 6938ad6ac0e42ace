// The wire inbox page in the newsroom: linked from the nav for those who may read it, each
// item once with its flags, and the form that turns an item into a draft.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';
import { wireFixture } from '../../test/fixtures/wire-fixtures.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from '../access/access.policy.js';
import { DROP_FOLDER_ACTOR } from './wire.service.js';

describe('the wire inbox page', () => {
  let t: TestApp;
  let reporter: Session;
  const clock = fixedClock(new Date('2026-12-02T10:00:00Z'));
  const admin: Actor = { kind: 'user', id: null, name: 'fixture', role: 'admin' };

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
    reporter = await signIn(t.app, 'reporter');
    await t.app.services.liveblogs.create(admin, { slug: 'wire-page', headline: 'الميناء' });
    const { wire } = t.app.services;
    for (const name of [
      'newsml-ar-v1.xml',
      'newsml-ar-v2.xml',
      'newsml-en-embargo.xml',
      'newsml-message.xml',
    ])
      await wire.ingest(DROP_FOLDER_ACTOR, 'newsml', wireFixture(name));
  });
  afterAll(() => t.close());

  const page = (query = '') =>
    t.app.inject({ url: `/newsroom/wire${query}`, headers: { cookie: reporter.cookie } });

  it('is linked from the newsroom nav and shows each item once, newest version, with its flags', async () => {
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: reporter.cookie } });
    expect(home.body).toContain('href="/newsroom/wire"');
    const res = await page();
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('استئناف الملاحة في ميناء صلالة');
    expect(res.body).not.toContain('عاجل: توقف الملاحة مؤقتًا');
    expect(res.body).toContain('lang="ar" dir="auto"');
    expect(res.body).toContain('محظور النشر حتى 02 ديسمبر 2026 12:00');
    expect(res.body).toContain('wire-flag-expired');
    expect(res.body).toContain('wire-flag-canceled');
    expect(res.body).toContain('href="https://wire.example.org/ar/2026/12/02/port-0001"');
    const english = await page('?language=en&lang=en');
    expect(english.body).toContain('Embargoed until 02 December 2026 12:00 UTC');
    expect(english.body).not.toContain('استئناف الملاحة');
  });

  it('turns an item into a draft on the chosen page and goes to its desk', async () => {
    const entry = (await t.app.services.wire.inbox(admin, { language: 'ar' })).find(
      (e) => e.item.pubStatus === 'usable',
    );
    if (!entry) throw new Error('an Arabic item');
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/wire/${entry.item.id}/draft`,
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ liveblog: 'wire-page', _csrf: reporter.csrf }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/liveblogs/wire-page#queue');
    const mine: Actor = { kind: 'user', id: reporter.userId, name: 'r', role: 'reporter' };
    const { updates } = await t.app.services.updates.drafts(mine, 'wire-page');
    expect(updates[0]?.sources).toEqual([
      {
        name: 'وكالة المثال للأنباء',
        kind: 'wire',
        url: 'https://wire.example.org/ar/2026/12/02/port-0001',
      },
    ]);
    const missing = await t.app.inject({
      method: 'POST',
      url: `/newsroom/wire/${entry.item.id}/draft`,
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ liveblog: 'no-such-page', _csrf: reporter.csrf }).toString(),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('role="alert"');
  });

  it('is closed to visitors (to the sign-in) and to moderators (403)', async () => {
    const anonymous = await t.app.inject('/newsroom/wire');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/newsroom/login');
    const moderator = await signIn(t.app, 'moderator');
    const refused = await t.app.inject({
      url: '/newsroom/wire',
      headers: { cookie: moderator.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: moderator.cookie } });
    expect(home.body).not.toContain('href="/newsroom/wire"');
  });

  it('lists the files the drop folder refused, with the reason, above the inbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajil-wire-desk-'));
    const watched = await buildTestApp(undefined, {}, { wireDropDir: dir });
    try {
      const editor = await signIn(watched.app, 'editor');
      const quiet = await watched.app.inject({
        url: '/newsroom/wire',
        headers: { cookie: editor.cookie },
      });
      expect(quiet.body).not.toContain('wire-refused');
      const past = new Date(Date.now() - 60_000);
      writeFileSync(join(dir, 'agency-notes.txt'), 'not an agency item');
      utimesSync(join(dir, 'agency-notes.txt'), past, past);
      let body = '';
      for (let i = 0; i < 100 && !body.includes('agency-notes.txt'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        body = (
          await watched.app.inject({ url: '/newsroom/wire', headers: { cookie: editor.cookie } })
        ).body;
      }
      expect(body).toContain('ملفات لم تُقرأ من مجلد الإسقاط');
      expect(body).toContain('<bdi>agency-notes.txt</bdi>');
      expect(body).toMatch(/السبب: <bdi dir="ltr">not a \.xml/);
    } finally {
      await watched.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
