// The composer's own retries (issue 12, class 3): when the answer to a new draft's first save or
// to a publish is lost on the way back, the composer retries with the same Idempotency-Key and
// the server answers with what it did the first time: one draft, one update, one live event.
import type { FastifyInstance } from 'fastify';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deskSent,
  launchBrowser,
  liveblogIdOf,
  type NewsroomServer,
  operator,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

describe('the composer retries with one key per intended request', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: NewsroomServer;
  let base: string;
  const password = 'كلمة-مرور-المحرر-2026';

  beforeAll(async () => {
    server = await startNewsroomServer({
      email: 'editor@desk.test',
      displayName: 'محررة',
      role: 'editor',
      password,
    });
    ({ app, base } = server);
    await app.services.liveblogs.create(operator, { slug: 'storm', headline: 'العاصفة' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('a lost answer to the first save and to the publish makes one draft and one update', async () => {
    const page = await signInThroughForm(browser, base, 'editor@desk.test', password, {
      viewport: { width: 1280, height: 900 },
    });
    const context = page.context();
    await page.goto(`${base}/newsroom/liveblogs/storm`);

    // The first request of each kind reaches the server, which does the work; then its answer
    // is cut off, as a dropped mobile connection would. Later ones go through untouched.
    const keys: Record<string, string[]> = { create: [], publish: [] };
    const loseFirstAnswer = (kind: string) => async (route: Route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const seen = keys[kind] ?? [];
      seen.push(request.headers()['idempotency-key'] ?? '');
      keys[kind] = seen;
      if (seen.length > 1) return route.continue();
      const answer = await route.fetch();
      expect(answer.ok()).toBe(true);
      return route.abort('connectionreset');
    };
    await page.route(/\/api\/v1\/liveblogs\/storm\/drafts$/, loseFirstAnswer('create'));
    await page.route(
      /\/api\/v1\/liveblogs\/storm\/drafts\/\d+\/publish$/,
      loseFirstAnswer('publish'),
    );

    await page.click('#composer-body');
    await page.keyboard.type('رياح شديدة تضرب الساحل منذ الفجر.');
    await Promise.all([deskSent(page), page.keyboard.press('Control+Enter')]);

    for (const kind of ['create', 'publish']) {
      const seen = keys[kind] ?? [];
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(new Set(seen).size).toBe(1);
    }
    expect(keys.create?.[0]).not.toBe(keys.publish?.[0]);

    const db = app.database.db;
    const storm = await liveblogIdOf(db, 'storm');
    const updates = await db
      .selectFrom('updates')
      .select(['id', 'status'])
      .where('liveblogId', '=', storm)
      .execute();
    expect(updates).toEqual([{ id: expect.any(Number) as unknown, status: 'published' }]);
    const published = await db
      .selectFrom('events')
      .select('updateId')
      .where('liveblogId', '=', storm)
      .where('type', '=', 'update.published')
      .execute();
    expect(published).toHaveLength(1);
    await context.close();
  });
});
