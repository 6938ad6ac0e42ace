// A reader's tab follows the live page: new updates without reload, the pill when scrolled
// down, edits in place, and recovery by itself after the server restarts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startRestartableServer, type RestartableServer } from './browser.js';

describe('the live page in a real browser', () => {
  let browser: Browser;
  let server: RestartableServer;
  let base: string;
  let page: Page;
  const api = (method: string, path: string, body?: unknown) => server.api(method, path, body);

  async function publish(headline: string, text: string): Promise<number> {
    const res = await api('POST', '/liveblogs/browser/updates', { headline, text });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  beforeAll(async () => {
    server = await startRestartableServer('browser test', { LIVE_SWEEP_MS: '1000' });
    ({ base } = server);
    expect(
      (
        await api('POST', '/liveblogs', {
          slug: 'browser',
          headline: 'متابعة حية',
          timeZone: 'Asia/Muscat',
        })
      ).status,
    ).toBe(201);
    const paragraph = 'فقرة طويلة لملء الصفحة حتى يمكن التمرير إلى الأسفل. '.repeat(12);
    for (let i = 1; i <= 12; i++)
      await publish(`تحديث تمهيدي ${i}`, `${paragraph}\n\n${paragraph}`);
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 800 },
      locale: 'ar',
    });
    page = await context.newPage();
    await page.goto(`${base}/live/browser`);
    await page.waitForFunction(() => document.body.dataset.liveState === 'stream');
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('an update published through the API appears without reload within 1 s', async () => {
    const started = Date.now();
    const id = await publish('وصل الوفد الأمريكي', 'أعلنت الخارجية العُمانية وصول الوفد.');
    await page.locator(`#update-${id}`).waitFor({ state: 'visible', timeout: 1_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    const first = await page.locator('#updates > article').first().getAttribute('id');
    expect(first).toBe(`update-${id}`);
    expect(await page.locator('.update-count').textContent()).toContain('13');
  });

  it('scrolled down: the update waits hidden, the pill and "(1)" in the title appear, the page does not jump', async () => {
    // Settle the layout first: a web font that arrives late reflows the page and moves the
    // scroll position through the browser's scroll anchoring, whatever the live client does.
    await page.waitForLoadState('load');
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.evaluate(() => {
      window.scrollTo({ top: document.body.scrollHeight / 2, behavior: 'instant' });
    });
    const before = await page.evaluate(() => window.scrollY);
    const anchor = await page.evaluate(
      () => document.querySelectorAll('#updates > article')[6]?.getBoundingClientRect().top,
    );
    const id = await publish('بدء الجولة الثانية', 'انطلقت الجولة الثانية من المحادثات.');
    await page.locator('#new-updates-pill').waitFor({ state: 'visible', timeout: 2_000 });
    expect(await page.title()).toMatch(/^\(1\) /);
    expect(await page.locator('#new-updates-pill button').textContent()).toBe('تحديث جديد');
    expect(await page.locator(`#update-${id}`).isHidden()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    const after = await page.evaluate(
      () => document.querySelectorAll('#updates > article')[7]?.getBoundingClientRect().top,
    );
    expect(after).toBe(anchor);
    await publish('تحديث آخر', 'نص آخر.');
    await page.waitForFunction(() => document.title.startsWith('(2) '));
    expect(await page.locator('#new-updates-pill button').textContent()).toBe('تحديثان جديدان');
    await page.locator('#new-updates-pill button').click();
    await page.locator(`#update-${id}`).waitFor({ state: 'visible' });
    expect(await page.title()).not.toMatch(/^\(/);
  });

  it('an edit changes the text in place and shows «تم التحديث»', async () => {
    const id = await publish('خبر أولي', 'النص قبل التعديل.');
    await page.evaluate(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
    });
    await page.locator(`#update-${id}`).waitFor({ state: 'visible' });
    const res = await api('PATCH', `/liveblogs/browser/updates/${id}`, {
      text: 'النص بعد التعديل.',
    });
    expect(res.status).toBe(200);
    await page
      .locator(`#update-${id} .update-body`)
      .filter({ hasText: 'النص بعد التعديل.' })
      .waitFor({ timeout: 2_000 });
    expect(await page.locator(`#update-${id} .update-edited`).textContent()).toContain(
      'تم التحديث',
    );
    expect(await page.locator(`article[data-update-id="${id}"]`).count()).toBe(1);
  });

  it('a deletion removes the update', async () => {
    const id = await publish('سيُحذف', 'نص سيُحذف.');
    await page.locator(`#update-${id}`).waitFor({ state: 'visible' });
    expect((await api('DELETE', `/liveblogs/browser/updates/${id}`)).status).toBe(204);
    await page.locator(`#update-${id}`).waitFor({ state: 'detached', timeout: 2_000 });
  });

  it('after the server restarts, the tab catches up by itself', async () => {
    await server.stop();
    await server.start();
    const id = await publish('بعد إعادة التشغيل', 'عاد الخادم وعادت الصفحة معه.');
    await page.locator(`#update-${id}`).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.evaluate(() => document.body.dataset.liveState)).toBe('stream');
  });
});
