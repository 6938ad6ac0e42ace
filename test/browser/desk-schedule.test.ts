// Scheduling on the desk (issue 13, item 8), in a real browser whose clock is in another zone
// than the live page's: the field names the page's zone, the editor's own time shows beside it,
// and the wall time typed is stored as that time in the page's zone.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  liveblogIdOf,
  type NewsroomServer,
  operator,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

describe('scheduling in the page’s time zone', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: NewsroomServer;
  let base: string;
  const password = 'كلمة-مرور-المحررة-2026';
  const editor = { email: 'huda@desk.test', displayName: 'هدى', role: 'editor' as const };

  beforeAll(async () => {
    server = await startNewsroomServer({ ...editor, password });
    ({ app, base } = server);
    await app.services.liveblogs.create(operator, {
      slug: 'muscat-rain',
      headline: 'أمطار مسقط',
      timeZone: 'Asia/Muscat',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  async function scheduledAtOf(slug: string) {
    const db = app.database.db;
    const rows = await db
      .selectFrom('updates')
      .select(['status', 'scheduledAt'])
      .where('liveblogId', '=', await liveblogIdOf(db, slug))
      .where('status', '=', 'scheduled')
      .execute();
    return rows.map((row) => String(row.scheduledAt));
  }

  it('names the page’s zone, shows the editor’s own time and stores the page’s wall time', async () => {
    const page = await signInThroughForm(browser, base, editor.email, password, {
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${base}/newsroom/liveblogs/muscat-rain`);
    const label = page.locator('label:has(#schedule-at)');
    expect(await label.textContent()).toContain('بتوقيت مسقط (GMT+4)');
    expect(await page.locator('#schedule-local').isHidden()).toBe(true);

    await page.click('#composer-body');
    await page.keyboard.type('جلسة مجلس الشورى تبدأ بعد الظهر.');
    // 20 June 2027, 15:30 in Muscat (GMT+4) is 11:30 UTC and 13:30 in Berlin (summer, GMT+2).
    await page.fill('#schedule-at', '2027-06-20T15:30');
    const hint = page.locator('#schedule-local');
    await hint.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await hint.textContent()).toBe('= 13:30 بتوقيتك (Europe/Berlin)');

    await page.click('#composer-send');
    await expect
      .poll(() => scheduledAtOf('muscat-rain'), { timeout: 30_000 })
      .toEqual(['2027-06-20T11:30:00.000Z']);
    // The queue lists it at the page's wall time, with the zone named.
    const row = page.locator('#queue .desk-item[data-status="scheduled"]');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator('time').textContent()).toContain('15:30');
    expect(await row.locator('.desk-item-zone').textContent()).toBe('بتوقيت مسقط');
    await page.context().close();
  });

  it('shows no second time when the editor’s clock is the page’s, and fits a phone', async () => {
    const page = await signInThroughForm(browser, base, editor.email, password, {
      timezoneId: 'Asia/Muscat',
      viewport: { width: 360, height: 800 },
    });
    await page.goto(`${base}/newsroom/liveblogs/muscat-rain`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.fill('#schedule-at', '2027-06-21T09:00');
    await page.locator('#schedule-at').dispatchEvent('input');
    expect(await page.locator('#schedule-local').isHidden()).toBe(true);
    await page.context().close();
  });
});
