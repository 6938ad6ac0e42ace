// A reader on an Arabic update switches to its English translation: the link on the update
// leads to that very update on the English page (its own address), not to the English page's top.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApp } from '../helpers.js';
import { launchBrowser, listenTestApp } from './browser.js';

describe('switching language at the same update', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  const ids = { ar: 0, en: 0 };

  beforeAll(async () => {
    const started = await listenTestApp();
    ({ t, base } = started);
    const editor = started.editor;
    const api = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
      const res = await t.app.inject({ method, url, headers: bearer(editor), payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: number }>();
    };
    await api('POST', '/api/v1/liveblogs', {
      slug: 'summit-ar',
      headline: 'قمة المناخ',
      locale: 'ar',
      timeZone: 'Asia/Dubai',
    });
    await api('POST', '/api/v1/liveblogs', {
      slug: 'summit-en',
      headline: 'Climate summit',
      locale: 'en',
      timeZone: 'Asia/Dubai',
    });
    await api('PATCH', '/api/v1/liveblogs/summit-ar', { translation: 'summit-en' });
    ids.ar = (
      await api('POST', '/api/v1/liveblogs/summit-ar/updates', {
        headline: 'اتفاق على صندوق للخسائر',
        text: 'أعلن الوفود اتفاقًا مبدئيًا على صندوق للخسائر والأضرار.',
      })
    ).id;
    ids.en = (
      await api('POST', '/api/v1/liveblogs/summit-en/updates', {
        headline: 'Deal on a loss and damage fund',
        text: 'Delegations announced a provisional deal on a loss and damage fund.',
      })
    ).id;
    // Newer updates on both pages, so the linked one is not simply the top of the page.
    for (let i = 1; i <= 12; i++) {
      await api('POST', '/api/v1/liveblogs/summit-ar/updates', { text: `تحديث لاحق رقم ${i}` });
      await api('POST', '/api/v1/liveblogs/summit-en/updates', {
        text: `Later update number ${i}`,
      });
    }
    await api('PUT', `/api/v1/liveblogs/summit-ar/updates/${ids.ar}/translation`, {
      translation: ids.en,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('a reader on an Arabic update clicks to its English translation and lands on that update', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/live/summit-ar/updates/${ids.ar}`);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    const link = page.locator(`#update-${ids.ar} a.update-translation`);
    expect(await link.getAttribute('hreflang')).toBe('en');
    expect(await link.textContent()).toBe('Read this update in English');
    await Promise.all([page.waitForURL(`**/live/summit-en/updates/${ids.en}**`), link.click()]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(new URL(page.url()).hash).toBe(`#update-${ids.en}`);
    const target = page.locator(`#update-${ids.en}`);
    await target.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await target.locator('.update-headline').textContent()).toBe(
      'Deal on a loss and damage fund',
    );
    // The page is scrolled to it: the update is in the viewport.
    await page.waitForFunction(
      (id) => {
        const box = document.getElementById(id)?.getBoundingClientRect();
        return box !== undefined && box.top < window.innerHeight && box.bottom > 0;
      },
      `update-${ids.en}`,
      { timeout: 15_000 },
    );
    // And back: the English update links to the Arabic one.
    const back = target.locator('a.update-translation');
    expect(await back.getAttribute('hreflang')).toBe('ar');
    await Promise.all([page.waitForURL(`**/live/summit-ar/updates/${ids.ar}**`), back.click()]);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.close();
  });
});
