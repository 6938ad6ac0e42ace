// The follow button in a real browser: its subscribing code is fetched only on the first press,
// and a reader who has not agreed to notifications is pointed to the cookie settings, with
// nothing stored and no service worker registered.
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../helpers.js';
import { launchBrowser } from './browser.js';

describe('following a live page', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const editor = await t.token('editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'follow-me', headline: 'تغطية للمتابعة' },
    });
    expect(res.statusCode).toBe(201);
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
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: base });
    await context.addCookies([{ name: 'ajil_consent', value: 'v1.p0.a0.e0.n1', url: base }]);
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
