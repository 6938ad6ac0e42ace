// Proofing in the composer, in a real browser: a misspelt word is marked in place with its
// suggestion while the reporter writes; taking a suggestion replaces the word; publishing
// works all the same with a marked word left as typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/platform.config.js';
import { launchBrowser } from './browser.js';

const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
const password = 'كلمة-مرور-المحرر-2026';

describe('proofing in the composer', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ajil-proof-'));
    app = await buildApp(
      loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await app.services.accounts.createUser(operator, {
      email: 'editor@proof.test',
      displayName: 'editor',
      role: 'editor',
      password,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks a misspelt word with a suggestion, and publishing works without taking it', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/newsroom/login`);
    await page.fill('input[name="email"]', 'editor@proof.test');
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForURL(`${base}/newsroom`), page.click('button[type="submit"]')]);
    await page.fill('input[name="headline"]', 'اجتماع الحكومة');
    await page.fill('input[name="slug"]', 'cabinet');
    await page.selectOption('select[name="timeZone"]', 'Asia/Muscat');
    await Promise.all([
      page.waitForURL(`${base}/newsroom/liveblogs/cabinet`),
      page.click('.panel button.primary'),
    ]);

    await page.click('#composer-body');
    await page.keyboard.type('أعلنت الحكومه أن الإجتماع سيعقد غداً في مسقط.');

    // Both slips are listed with their suggestions and underlined in place.
    const wrongHa = page.locator('#composer-proof li[data-word="الحكومه"]');
    await wrongHa.waitFor({ timeout: 15_000 });
    expect(await wrongHa.locator('.proof-suggestion').first().textContent()).toBe('الحكومة');
    const marked = await page.evaluate(() => {
      const highlight = CSS.highlights.get('proof-misspelling');
      return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
    });
    expect(marked).toEqual(['الحكومه', 'الإجتماع']);

    // Taking a suggestion replaces the word in the editor; the other stays as typed.
    await page
      .locator('#composer-proof li[data-word="الإجتماع"] .proof-suggestion', {
        hasText: 'الاجتماع',
      })
      .first()
      .click();
    expect(await page.locator('#composer-body').textContent()).toBe(
      'أعلنت الحكومه أن الاجتماع سيعقد غداً في مسقط.',
    );
    await page.locator('#composer-proof li[data-word="الإجتماع"]').waitFor({ state: 'detached' });

    await Promise.all([page.waitForEvent('load'), page.click('#composer-send')]);
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/cabinet`);
    expect(await reader.locator('#updates > article').first().textContent()).toContain(
      'أعلنت الحكومه أن الاجتماع سيعقد غداً في مسقط.',
    );
  });
});
