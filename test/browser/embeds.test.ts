// Embeds before consent: the page with a post on X, a YouTube video and a photo makes no request
// to any other host, not even when the reader clicks the card; it says where to agree instead.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApp } from '../helpers.js';
import { createPageByApi, launchBrowser, listenTestApp } from './browser.js';

describe('embeds in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    const started = await listenTestApp();
    ({ t, base } = started);
    const editor = started.editor;
    await createPageByApi(t.app, editor, { slug: 'embeds', headline: 'تضمين' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/embeds/updates',
      headers: bearer(editor),
      payload: {
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'منشور وفيديو' }] },
          { type: 'embed', url: 'https://x.com/someone/status/1234567890' },
          { type: 'embed', url: 'https://youtu.be/dQw4w9WgXcQ' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('before consent, no request leaves for a third-party host, even after a click', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
        outside.push(request.url());
    });
    await page.goto(`${base}/live/embeds`);
    await page
      .locator('.embed-card[data-provider="youtube"] .embed-load')
      .waitFor({ state: 'visible' });
    await page.click('.embed-card[data-provider="youtube"] .embed-load');
    await page.click('.embed-card[data-provider="x"] .embed-load');
    await page.locator('.embed-consent a').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(outside).toEqual([]);
  });
});
