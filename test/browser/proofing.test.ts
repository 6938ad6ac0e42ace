// Proofing in the composer, in a real browser: a misspelt word is marked in place with its
// suggestion while the reporter writes; taking a suggestion replaces the word; publishing
// works all the same with a marked word left as typed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deskSent,
  launchBrowser,
  type NewsroomServer,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

const password = 'كلمة-مرور-المحرر-2026';

describe('proofing in the composer', () => {
  let browser: Browser;
  let server: NewsroomServer;
  let base: string;

  beforeAll(async () => {
    server = await startNewsroomServer({
      email: 'editor@proof.test',
      displayName: 'editor',
      role: 'editor',
      password,
    });
    base = server.base;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('marks a misspelt word with a suggestion, and publishing works without taking it', async () => {
    const page = await signInThroughForm(browser, base, 'editor@proof.test', password);
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

    await Promise.all([deskSent(page), page.click('#composer-send')]);
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/cabinet`);
    expect(await reader.locator('#updates > article').first().textContent()).toContain(
      'أعلنت الحكومه أن الاجتماع سيعقد غداً في مسقط.',
    );
  });
});
