// When the stream keeps failing (here every stream request is refused with 429), the page falls
// back to polling updates.json at the interval the server sets, and still shows new updates.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { bearer, type TestApp } from '../helpers.js';
import { createPageByApi, launchBrowser, listenTestApp } from './browser.js';

describe('polling fallback in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let editor: string;

  beforeAll(async () => {
    ({ t, base, editor } = await listenTestApp(
      undefined,
      { hubOptions: { maxPerAddress: 0 } },
      { pollIntervalMs: 1000 },
    ));
    await createPageByApi(t.app, editor, { slug: 'polling', headline: 'استطلاع' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('switches to polling after repeated stream failures and shows new updates', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/live/polling`);
    await page.waitForFunction(() => document.body.dataset.liveState === 'polling', undefined, {
      timeout: 20_000,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/polling/updates',
      headers: bearer(editor),
      payload: { headline: 'وصل عبر الاستطلاع', text: 'نص التحديث.' },
    });
    const { id } = res.json<{ id: number }>();
    await page.locator(`#update-${id}`).waitFor({ state: 'visible', timeout: 3_000 });
  });
});
