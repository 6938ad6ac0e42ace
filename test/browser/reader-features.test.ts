// The reader's features in a real browser at 360×800 (issue 14): a per-update address opens
// scrolled to its update with its own og:url; catch-up counts what was published while the tab
// was closed; the stream's views work with JavaScript off; the lite page is small, scriptless
// and passes axe-core; a refused comment keeps its text and says how long to wait; the page
// says when it reconnects and when it has caught up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startRestartableServer, type RestartableServer } from './browser.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const PHONE = { viewport: { width: 360, height: 800 }, locale: 'ar' };
/** Text that differs from update to update (the lite page's size must not rest on repetition). */
const WORDS =
  'الوفد المحادثات مسقط الوزير البيان المؤتمر الصحفي الجولة الثانية الاتفاق الأمم المتحدة الحكومة المعارضة اللاجئين الحدود الهدنة المساعدات الإنسانية الطرفين المفاوضات العاصمة المطار القصر المتحدث الرسمي الخارجية الدفاع الاقتصاد النفط الأسعار السوق'.split(
    ' ',
  );
function sentences(seed: number, count: number): string {
  let x = seed * 7919 + 13;
  const next = () => (x = (x * 48271) % 2147483647);
  return Array.from(
    { length: count },
    () => `${Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join(' ')}.`,
  ).join(' ');
}
const PARAGRAPH =
  'قال المتحدث باسم @WhiteHouse إن الوفد وصل إلى مسقط صباح اليوم، وإن المحادثات ستبدأ بعد الظهر في قصر العلم. ' +
  'وتابع الصحفيون المؤتمر عبر https://example.com/live وتحت وسم #مسقط بحضور John Kerry ومسافة 50 km من المطار.';

describe('reader features in a real browser', () => {
  let browser: Browser;
  let server: RestartableServer;
  let base: string;
  const api = (method: string, path: string, body?: unknown) => server.api(method, path, body);

  async function page(slug: string, headline: string, locale: 'ar' | 'en' = 'ar'): Promise<void> {
    const res = await api('POST', '/liveblogs', {
      slug,
      headline,
      locale,
      timeZone: 'Asia/Muscat',
    });
    expect(res.status).toBe(201);
  }

  async function publish(
    slug: string,
    headline: string,
    text: string,
    keyEvent = false,
  ): Promise<number> {
    const res = await api('POST', `/liveblogs/${slug}/updates`, { headline, text, keyEvent });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  beforeAll(async () => {
    server = await startRestartableServer('reader features test', { LIVE_SWEEP_MS: '1000' });
    ({ base } = server);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('a bare per-update address of an update on page 2 opens scrolled to it, with its own og:url', async () => {
    await page('permalinks', 'متابعة الروابط');
    const ids: number[] = [];
    for (let i = 1; i <= 25; i++)
      ids.push(await publish('permalinks', `تحديث رقم ${i}`, `${PARAGRAPH}\n\n${PARAGRAPH}`));
    // Newest first, 20 a page: the first published are on page 2.
    const target = ids[1] ?? 0;
    const tab = await (await browser.newContext(PHONE)).newPage();
    await tab.goto(`${base}/live/permalinks/updates/${target}`);
    expect(new URL(tab.url()).hash).toBe('');
    await tab.waitForLoadState('load');
    await tab.waitForFunction(
      (id) => {
        const box = document.getElementById(`update-${id}`)?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
      },
      target,
      { timeout: 10_000 },
    );
    // It lies below the first screen of the page, so it is in view only because the page scrolled.
    const { scrollY, innerHeight } = await tab.evaluate(() => ({
      scrollY: window.scrollY,
      innerHeight: window.innerHeight,
    }));
    expect(scrollY).toBeGreaterThan(innerHeight);
    expect(await tab.locator('.pagination span').first().textContent()).toBe('الصفحة 2 من 2');
    const perUpdate = `http://localhost:3000/live/permalinks/updates/${target}`;
    expect(await tab.getAttribute('meta[property="og:url"]', 'content')).toBe(perUpdate);
    expect(await tab.getAttribute('link[rel="canonical"]', 'href')).toBe(perUpdate);
    expect(await tab.getAttribute('meta[name="twitter:title"]', 'content')).toBe('تحديث رقم 2');
    // The share menu and the structured data point at the same address.
    expect(await tab.getAttribute(`#update-${target} details.share`, 'data-share-url')).toBe(
      perUpdate,
    );
    const jsonLd = JSON.parse(
      (await tab.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as { liveBlogUpdate: { url: string }[] };
    expect(jsonLd.liveBlogUpdate.map((u) => u.url)).toContain(perUpdate);
    // The text reads right: the handle is one isolated link, the full stop outside it.
    const handle = tab.locator(`#update-${target} a[href="https://x.com/WhiteHouse"]`).first();
    expect(await handle.textContent()).toBe('@WhiteHouse');
    expect(await handle.locator('bdi[dir="ltr"]').count()).toBe(1);
    await tab.context().close();
  });

  it('catch-up: three updates published while the tab was closed are counted, with the key event among them', async () => {
    await page('catchup', 'متابعة العودة');
    for (let i = 1; i <= 4; i++) await publish('catchup', `قبل الزيارة ${i}`, 'نص قديم.');
    const context = await browser.newContext(PHONE);
    const first = await context.newPage();
    await first.goto(`${base}/live/catchup`);
    await first.waitForFunction(() => localStorage.getItem('ajil:last-visit:catchup') !== null);
    expect(await first.locator('#catch-up').isHidden()).toBe(true);
    await first.close();

    const a = await publish('catchup', 'بعد الزيارة 1', 'نص جديد.');
    const key = await publish('catchup', 'حدث رئيسي بعد الزيارة', 'نص مهم.', true);
    await publish('catchup', 'بعد الزيارة 3', 'نص أحدث.');
    // The page may be kept by the browser for max-age (5 s): a returning reader comes back later.
    await new Promise((resolve) => setTimeout(resolve, 6_000));

    const again = await context.newPage();
    await again.goto(`${base}/live/catchup`);
    const box = again.locator('#catch-up');
    await box.waitFor({ state: 'visible' });
    expect(await box.locator('.catch-up-count').textContent()).toBe('3 تحديثات منذ زيارتك الأخيرة');
    expect(await box.locator('.catch-up-key-events a').allTextContents()).toEqual([
      'حدث رئيسي بعد الزيارة',
    ]);
    expect(await box.locator('.catch-up-key-events a').getAttribute('href')).toBe(`#update-${key}`);
    expect(await again.locator('.update-unread').count()).toBe(3);
    await again.click('.catch-up-jump');
    await again.waitForFunction((id) => document.activeElement?.id === `update-${id}`, a);
    // Remembered in the browser only: no cookie at all.
    expect(await context.cookies()).toEqual([]);
    await again.close();
    // Seen now: the next visit has nothing to catch up on.
    const third = await context.newPage();
    await third.goto(`${base}/live/catchup`);
    await third.waitForLoadState('load');
    expect(await third.locator('#catch-up').isHidden()).toBe(true);
    await context.close();
  });

  it('with JavaScript off, key events only and oldest first are links the server draws, with pagination', async () => {
    await page('views', 'متابعة العرض');
    const keyIds: number[] = [];
    for (let i = 1; i <= 24; i++) {
      const id = await publish('views', `تحديث ${i}`, 'نص.', i % 2 === 0);
      if (i % 2 === 0) keyIds.push(id);
    }
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${base}/live/views`);
    await Promise.all([
      tab.waitForURL(`${base}/live/views?filter=key`),
      tab.click('.stream-filter a:has-text("الأحداث الرئيسية فقط")'),
    ]);
    const shown = async () =>
      tab
        .locator('#updates > article')
        .evaluateAll((list) => list.map((a) => Number((a as HTMLElement).dataset.updateId)));
    expect(await shown()).toEqual([...keyIds].reverse());
    expect(await tab.locator('#updates > article:not(.update-key-event)').count()).toBe(0);
    expect(await tab.locator('.stream-filter a[aria-current="page"]').textContent()).toBe(
      'الأحداث الرئيسية فقط',
    );

    await Promise.all([
      tab.waitForURL(`${base}/live/views?filter=key&sort=oldest`),
      tab.click('.stream-sort a:has-text("الأقدم أولًا")'),
    ]);
    expect(await shown()).toEqual(keyIds);

    // All updates, oldest first: 24 updates in pages of 20; page 2 keeps the view.
    await Promise.all([
      tab.waitForURL(`${base}/live/views?sort=oldest`),
      tab.click('.stream-filter a:has-text("كل التحديثات")'),
    ]);
    const firstPage = await shown();
    expect(firstPage).toHaveLength(20);
    expect([...firstPage].sort((x, y) => x - y)).toEqual(firstPage);
    // The consent banner stays over the foot of the page without JavaScript: follow the link.
    const next = await tab.getAttribute('.pagination a[rel="next"]', 'href');
    expect(next).toBe('/live/views?sort=oldest&page=2');
    await tab.goto(`${base}${next ?? ''}`);
    expect(await shown()).toHaveLength(4);
    // A bad parameter is refused, not silently cached as another copy.
    expect((await tab.goto(`${base}/live/views?sort=sideways`))?.status()).toBe(400);
    await context.close();
  });

  it('the lite page: 20 updates, no script, at most 15 KB gzipped, linked from the live page', async () => {
    await page('lite-ar', 'النسخة الخفيفة للتغطية');
    await page('lite-en', 'The lite page of the coverage', 'en');
    const english =
      'The delegation reached Muscat this morning, the spokesman for @WhiteHouse said; talks start ' +
      'after noon at Al Alam Palace. Reporters followed at https://example.com/live under #Muscat.';
    for (let i = 1; i <= 20; i++) {
      // About 700 characters each: a long live-blog post, different every time.
      const text = `${PARAGRAPH} ${sentences(i, 5)}\n\n${sentences(i + 100, 3)}`;
      await publish('lite-ar', `تحديث رقم ${i}: ${sentences(i + 200, 1)}`, text, i % 5 === 0);
      await publish('lite-en', `Update number ${i}`, `${english} ${i * 37} km.`, i % 5 === 0);
    }
    for (const slug of ['lite-ar', 'lite-en']) {
      const res = await fetch(`${base}/live/${slug}/lite`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/^public, /);
      expect(res.headers.get('surrogate-key')).toMatch(/liveblog-\d+/);
      const html = await res.text();
      expect(html.match(/<article /g)).toHaveLength(20);
      expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img|@font-face|<style/i);
      const gzipped = gzipSync(Buffer.from(html)).length;
      console.log(`lite page ${slug}: ${html.length} bytes, ${gzipped} bytes gzipped`);
      expect(gzipped).toBeLessThanOrEqual(15 * 1024);
    }
    const live = await (await fetch(`${base}/live/lite-ar`)).text();
    expect(live).toContain(
      '<link rel="alternate" type="text/html" title="النسخة الخفيفة" href="http://localhost:3000/live/lite-ar/lite"/>',
    );
    expect(live).toContain('<a href="/live/lite-ar/lite">النسخة الخفيفة</a>');
  });

  it.each(['ar', 'en'] as const)(
    'the lite page passes axe-core with no serious or critical violations (%s)',
    async (locale) => {
      const context = await browser.newContext({ ...PHONE, locale });
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.resourceType()));
      await tab.goto(`${base}/live/lite-${locale}/lite`);
      expect(await tab.getAttribute('html', 'lang')).toBe(locale);
      expect(requests).toEqual(['document']);
      await tab.evaluate(axeSource);
      const violations = await tab.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await context.close();
    },
  );

  it('a refused comment keeps its text in the form and says when it may be sent', async () => {
    await page('talk', 'متابعة التعليقات');
    const context = await browser.newContext(PHONE);
    const tab = await context.newPage();
    await tab.goto(`${base}/live/talk`);
    const send = async (text: string) => {
      await tab.fill('form.comment-form input[name="name"]', 'قارئة');
      await tab.fill('form.comment-form textarea[name="text"]', text);
      await Promise.all([
        tab.waitForEvent('load'),
        tab.click('form.comment-form button[type="submit"]'),
      ]);
    };
    await send('تعليق أول');
    expect(tab.url()).toContain('comment=');
    const second = 'تعليق ثانٍ بعد ثوانٍ فقط، فيه رابط https://example.com/x و@WhiteHouse.';
    await send(second);
    expect(await tab.locator('form.comment-form textarea[name="text"]').inputValue()).toBe(second);
    expect(await tab.locator('form.comment-form input[name="name"]').inputValue()).toBe('قارئة');
    const refusal = await tab.locator('.comments .form-error').textContent();
    expect(refusal).toContain('ما زال نصه في النموذج');
    expect(refusal).toMatch(/يمكنك إرساله بعد (\d+ )?(ثانية|ثانيتين|ثوانٍ)/);
    expect(await tab.locator('form.comment-form button[type="submit"]').isDisabled()).toBe(true);
    await context.close();
  });

  it('the live page says when the stream drops and when it has caught up', async () => {
    await page('hint', 'متابعة الاتصال');
    await publish('hint', 'أول تحديث', 'نص.');
    const context = await browser.newContext(PHONE);
    const tab = await context.newPage();
    await tab.goto(`${base}/live/hint`);
    await tab.waitForFunction(() => document.body.dataset.liveState === 'stream');
    expect(await tab.locator('#live-connection').isHidden()).toBe(true);
    await server.stop();
    await tab
      .locator('#live-connection[data-state="lost"]')
      .waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tab.locator('#live-connection').textContent()).toBe(
      'انقطع الاتصال، جارٍ إعادة الاتصال…',
    );
    await server.start();
    const id = await publish('hint', 'بعد العودة', 'عاد الخادم.');
    await tab.locator(`#update-${id}`).waitFor({ state: 'visible', timeout: 30_000 });
    await tab
      .locator('#live-connection[data-state="back"]')
      .waitFor({ state: 'visible', timeout: 5_000 });
    expect(await tab.locator('#live-connection').textContent()).toBe('عاد الاتصال، والصفحة محدّثة.');
    await context.close();
  });
});
