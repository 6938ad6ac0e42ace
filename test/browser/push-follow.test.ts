// The follow button in a real browser: its subscribing code is fetched only on the first press,
// and a reader who has not agreed to notifications is pointed to the cookie settings, with
// nothing stored and no service worker registered.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers.js';
import { consentedContext, createPageByApi, launchBrowser, listenTestApp } from './browser.js';

describe('following a live page', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    const started = await listenTestApp();
    ({ t, base } = started);
    const editor = started.editor;
    await createPageByApi(t.app, editor, { slug: 'follow-me', headline: 'تغطية للمتابعة' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('loads its code on the first press and, without consent, asks for it instead', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
    await page.goto(`${base}/live/follow-me`);
    const control = page.locator('[data-push-follow]');
    await control.waitFor({ state: 'visible', timeout: 15_000 });
    expect(scripts.some((path) => path.includes('live-push'))).toBe(false);
    await control.locator('button').click();
    const status = control.locator('.push-follow-status');
    await page.waitForFunction(
      () => document.querySelector('.push-follow-status')?.textContent !== '',
      undefined,
      { timeout: 15_000 },
    );
    expect(await status.textContent()).toBe('التنبيهات تحتاج إلى موافقتك أولًا.');
    expect(scripts.some((path) => path.includes('live-push'))).toBe(true);
    expect(await control.locator('a.push-follow-consent').isVisible()).toBe(true);
    const registrations = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistrations()).length,
    );
    expect(registrations).toBe(0);
    const stored = await t.app.database.db.selectFrom('pushSubscriptions').selectAll().execute();
    expect(stored).toEqual([]);
    await page.close();
  });

  it('with consent and permission, the service worker registers at the root under the site CSP', async () => {
    const context = await consentedContext(browser, base, { notifications: true });
    await context.grantPermissions(['notifications'], { origin: base });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${base}/live/follow-me`);
    const control = page.locator('[data-push-follow]');
    await control.waitFor({ state: 'visible', timeout: 15_000 });
    await control.locator('button').click();
    await page.waitForFunction(
      () => document.querySelector('.push-follow-status')?.textContent !== '',
      undefined,
      { timeout: 20_000 },
    );
    const scopes = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((r) => ({
        scope: r.scope,
        script: r.active?.scriptURL ?? r.waiting?.scriptURL ?? r.installing?.scriptURL,
      })),
    );
    expect(scopes).toEqual([{ scope: `${base}/`, script: `${base}/push-sw.js` }]);
    expect(refused).toEqual([]);
    await context.close();
  });
});
