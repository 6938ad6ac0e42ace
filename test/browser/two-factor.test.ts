// Two-factor sign-in in a real browser: a reporter sets it up from their account page (the key
// read off the page, the codes made here as an authenticator app would), signs in with a code,
// then with a recovery code, which works once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/access/access.totp.js';
import { launchBrowser, startNewsroomServer, type NewsroomServer } from './browser.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const email = 'reporter@desk.test';
const password = 'كلمة-مرور-المراسلة-2026';

describe('two-factor sign-in in a real browser', () => {
  let browser: Browser;
  let base: string;
  let server: NewsroomServer;
  let secret = '';
  let recovery: string[] = [];

  beforeAll(async () => {
    server = await startNewsroomServer(
      { email, displayName: 'مراسلة', role: 'reporter', password },
      { TWO_FACTOR_KEY: Buffer.alloc(32, 5).toString('base64') },
    );
    ({ base } = server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** The password step in a fresh browser; returns the page wherever the form sent it. */
  async function passwordStep(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/newsroom/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/newsroom/login'),
      page.click('button[type="submit"]'),
    ]);
    return page;
  }

  /** axe-core's serious and critical violations on the page as it is. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (d: Document) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      return axe.run(document);
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  }

  it('sets it up from the account page: the key and otpauth address in text, a QR code, a first code', async () => {
    const page = await passwordStep();
    expect(new URL(page.url()).pathname).toBe('/newsroom');
    await page.goto(`${base}/newsroom/account`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await Promise.all([
      page.waitForEvent('load'),
      page.click('form[action="/newsroom/account/two-factor/start"] button'),
    ]);
    secret = (await page.getAttribute('[data-secret]', 'data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL((await page.textContent('.two-factor-uri')) ?? '');
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    // The QR code is an image the browser could decode and draw.
    const qrWidth = await page.$eval(
      'img.two-factor-qr',
      (img) => (img as HTMLImageElement).naturalWidth,
    );
    expect(qrWidth).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const shots = process.env.AJIL_SCREENSHOTS;
    if (shots) await page.screenshot({ path: join(shots, 'two-factor-setup.png'), fullPage: true });
    await page.fill('input[name="code"]', totpCode(secret, new Date()));
    await Promise.all([
      page.waitForURL('**/two-factor/confirm'),
      page.click('form[action$="/confirm"] button'),
    ]);
    recovery = await page.$$eval('.recovery-codes code', (codes) =>
      codes.map((code) => code.textContent),
    );
    expect(recovery).toHaveLength(10);
    await page.context().close();
  });

  it('signs in with the password, then a code from the authenticator', async () => {
    const page = await passwordStep();
    expect(new URL(page.url()).pathname).toBe('/newsroom/login/two-factor');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await seriousViolations(page)).toEqual([]);
    // The code of the next step: the one that confirmed the set-up may be this step's, spent.
    await page.fill('input[name="code"]', totpCode(secret, new Date(Date.now() + 30_000)));
    await Promise.all([page.waitForURL(`${base}/newsroom`), page.click('button[type="submit"]')]);
    expect(await page.textContent('.newsroom-user')).toContain('مراسلة');
    await page.context().close();
  });

  it('recovers with a recovery code, which then no longer works', async () => {
    const code = recovery[0] ?? '';
    const page = await passwordStep();
    await page.fill('input[name="code"]', code);
    await Promise.all([page.waitForURL(`${base}/newsroom`), page.click('button[type="submit"]')]);
    await page.context().close();

    const again = await passwordStep();
    await again.fill('input[name="code"]', code);
    await Promise.all([again.waitForEvent('load'), again.click('button[type="submit"]')]);
    expect(new URL(again.url()).pathname).toBe('/newsroom/login/two-factor');
    expect(await again.textContent('.form-error')).toContain('رمز التحقق غير صحيح');
    await again.context().close();
  });
});
