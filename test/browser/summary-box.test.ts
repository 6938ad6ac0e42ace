// Issue 14, item 7, on a 360×800 phone: with «ما نعرفه حتى الآن» set, the box starts within the
// first screen (above 800 px), even on a page with a long standfirst, an explainer and key
// events; and a new version reaches the open tab without a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startNewsroomServer, type NewsroomServer } from './browser.js';

describe('the summary box on a phone', () => {
  let browser: Browser;
  let server: NewsroomServer;
  let token: string;
  let page: Page;

  async function api(method: string, path: string, body: unknown): Promise<Response> {
    return fetch(`${server.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    server = await startNewsroomServer({
      email: 'editor@newsroom.test',
      displayName: 'محررة',
      role: 'editor',
      password: 'كلمة-سر-طويلة-2026',
    });
    token = (await server.app.services.tokens.create('summary test', 'editor')).token;
    const created = await api('POST', '/liveblogs', {
      slug: 'summary',
      headline: 'زلزال بقوة 6.1 درجات يضرب المناطق الجبلية في الشمال ليلة الأحد',
      standfirst:
        'تغطية مباشرة لآثار الزلزال: فرق الإنقاذ في القرى الجبلية، والطرق المقطوعة، وبيانات الدفاع المدني والأرصاد، وشهادات السكان من المناطق المتضررة.',
      timeZone: 'Asia/Beirut',
    });
    expect(created.status).toBe(201);
    const explainer = await api('PUT', '/liveblogs/summary/explainer', {
      sections: [
        { title: 'أين وقع الزلزال؟', text: 'على بعد 20 كيلومترًا شمال المدينة.' },
        { title: 'ما الذي نعرفه عن الضحايا؟', text: 'الأرقام تتغير مع وصول الفرق.' },
        { title: 'كيف تتابع التغطية؟', text: 'تحدث هذه الصفحة تلقائيًا.' },
      ],
    });
    expect(explainer.status).toBe(200);
    for (let i = 1; i <= 6; i++) {
      const res = await api('POST', '/liveblogs/summary/updates', {
        headline: `تحديث ${i}`,
        text: `تفاصيل التحديث رقم ${i} من فرق الإنقاذ في الميدان، مع شهادات من السكان.`,
        keyEvent: i % 2 === 0,
      });
      expect(res.status).toBe(201);
    }
    const summary = await api('PUT', '/liveblogs/summary/summary', {
      text: 'زلزال بقوة 6.1 درجات قرب المدينة\nوفاة شخصين وإصابة العشرات\nالطرق إلى ثلاث قرى مقطوعة',
    });
    expect(summary.status).toBe(200);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('starts above 800 px on a 360×800 screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ar',
    });
    page = await context.newPage();
    await page.goto(`${server.base}/live/summary`, { waitUntil: 'load' });
    const box = page.locator('#summary');
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    const rect = await box.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    console.info(`summary box: top ${rect.top.toFixed(0)} px, height ${rect.height.toFixed(0)} px`);
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.top).toBeLessThan(800);
    expect(rect.height).toBeGreaterThan(0);
    expect(await page.locator('#summary li').count()).toBe(3);
    expect(await page.locator('#summary-title').textContent()).toBe('ما نعرفه حتى الآن');
    // The page is not wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });

  it('shows a new version in the open tab without a reload', async () => {
    const res = await api('PUT', '/liveblogs/summary/summary', {
      text: 'زلزال بقوة 6.1 درجات قرب المدينة\nوفاة ثلاثة أشخاص وإصابة العشرات',
    });
    expect(res.status).toBe(200);
    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent.includes('وفاة ثلاثة أشخاص') ?? false,
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.locator('#summary li').count()).toBe(2);
    const rect = await page.locator('#summary').evaluate((el) => el.getBoundingClientRect().top);
    expect(rect).toBeLessThan(800);
  });
});
