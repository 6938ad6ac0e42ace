// The reader's design in a real browser (docs/design.md): the newest update in a phone's first
// screen, 65–75 characters a line and a sticky aside on a desktop, compact times filled in by the
// client with a day divider where the date changes, the icons and manifest, and axe-core finding
// no serious or critical problem on any reader page, in Arabic and English, light and dark.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { seedDemo } from '../../src/demo/demo.seed.js';
import { systemClock } from '../../src/platform/platform.clock.js';
import { loadConfig } from '../../src/platform/platform.config.js';
import { createMemoryBus } from '../../src/realtime/realtime.bus.js';
import { apiRequest, consentedContext, launchBrowser, listenLocally } from './browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 800 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

const ARABIC_TEXT =
  'قال المتحدث باسم الوزارة إن الجولة المقبلة من المحادثات ستعقد في الأسبوع المقبل بحضور الوفدين، ' +
  'وإن الطرفين اتفقا على جدول أعمال يشمل الملفات العالقة كلها، من تبادل المعلومات إلى آليات المتابعة، ' +
  'مضيفًا أن الوسطاء سيواصلون اتصالاتهم مع العواصم المعنية خلال الأيام القليلة المقبلة لتثبيت التفاهمات.';
const ENGLISH_TEXT =
  'The ministry spokesman said the next round of talks would be held next week with both ' +
  'delegations present, and that the two sides had agreed an agenda covering every open file, ' +
  'from the exchange of information to the means of follow-up, adding that the mediators would ' +
  'keep in touch with the capitals concerned over the coming days to settle the understandings.';

describe('the reader design in a real browser', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let base: string;
  let token: string;
  let dir: string;
  let demo: string;
  let englishIds: number[] = [];

  const api = (method: string, path: string, body?: unknown) =>
    apiRequest(base, token, method, path, body);

  async function publish(slug: string, headline: string, text: string): Promise<number> {
    const res = await api('POST', `/liveblogs/${slug}/updates`, { headline, text });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  async function open(path: string, options: BrowserContextOptions = PHONE): Promise<Page> {
    // A reader who has made a cookie choice: the banner is hidden (it is tested elsewhere).
    const context = await consentedContext(
      browser,
      base,
      {},
      {
        locale: 'ar',
        bypassCSP: true,
        ...options,
      },
    );
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}`);
    expect(response?.status()).toBe(200);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ajil-design-'));
    app = await buildApp(
      loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
      }),
    );
    const bus = createMemoryBus();
    const slug = await seedDemo({ db: app.database.db, bus, clock: systemClock });
    await bus.close();
    if (slug === undefined) throw new Error('the demo was not seeded');
    demo = slug;
    base = await listenLocally(app);
    token = (await app.services.tokens.create('design test', 'editor')).token;

    // An English page with 23 updates (two pages), the oldest moved two days back.
    const created = await api('POST', '/liveblogs', {
      slug: 'design-en',
      headline: 'Muscat talks: live',
      standfirst: 'The second round of talks between the two delegations, as it happens.',
      timeZone: 'Asia/Muscat',
      locale: 'en',
      status: 'live',
    });
    expect(created.status).toBe(201);
    englishIds = [];
    for (let i = 1; i <= 23; i++) {
      englishIds.push(await publish('design-en', `Update ${String(i)}`, ENGLISH_TEXT));
    }
    // The Arabic demo page gets a second page too, and a long paragraph to measure.
    for (let i = 1; i <= 5; i++) await publish(demo, `تحديث إضافي ${String(i)}`, ARABIC_TEXT);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const [oldest, second] = englishIds;
    await app.database.db
      .updateTable('updates')
      .set({ publishedAt: twoDaysAgo })
      .where('id', 'in', [oldest ?? 0, second ?? 0])
      .execute();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on a 360×800 phone the newest update starts within the first screen, in Arabic and English', async () => {
    for (const path of [`/live/${demo}`, '/live/design-en']) {
      // A first visit: the cookie banner is showing, the newest update still starts above it.
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const top = await page.evaluate(
        () => document.querySelector('#updates > article')?.getBoundingClientRect().top ?? 1e9,
      );
      expect(top, path).toBeGreaterThan(0);
      expect(top, path).toBeLessThan(800);
      await context.close();
    }
  });

  it('on a desktop a line of an update holds 65–75 characters, and the aside stays in view', async () => {
    for (const path of [`/live/${demo}`, '/live/design-en']) {
      const page = await open(path, DESKTOP);
      const perLine = await page.evaluate(() => {
        // Characters on each full line of the longest paragraph, found by where each one sits.
        const paragraphs = [...document.querySelectorAll('#updates .update-body p')];
        const longest = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0];
        const node = longest?.firstChild;
        if (!node?.textContent) return [];
        const range = document.createRange();
        const lines: number[] = [];
        let lineTop: number | undefined;
        let count = 0;
        for (let i = 0; i < node.textContent.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) {
            count++;
            continue;
          }
          const top = Math.round(rect.top);
          if (lineTop !== undefined && Math.abs(top - lineTop) > 4) {
            lines.push(count);
            count = 0;
          }
          lineTop = top;
          count++;
        }
        return lines; // the last, partial line is left out
      });
      expect(perLine.length, path).toBeGreaterThanOrEqual(2);
      process.stdout.write(`characters a line, ${path}: ${perLine.join(', ')}\n`);
      for (const count of perLine) {
        expect(count, `${path}: ${perLine.join(', ')}`).toBeGreaterThanOrEqual(65);
        expect(count, `${path}: ${perLine.join(', ')}`).toBeLessThanOrEqual(75);
      }

      await page.evaluate(() => {
        window.scrollTo({ top: 3000, behavior: 'instant' });
      });
      const aside = await page.evaluate(() => {
        const box = document.querySelector('.live-aside')?.getBoundingClientRect();
        return { top: box?.top ?? -1, bottom: box?.bottom ?? -1 };
      });
      expect(aside.top, path).toBeGreaterThanOrEqual(0);
      expect(aside.top, path).toBeLessThanOrEqual(32);
      expect(aside.bottom, path).toBeLessThanOrEqual(800);
      await page.context().close();
    }
  });

  it('times are compact: the server writes the clock, the client how long ago, the full date on hover', async () => {
    const html = await (await fetch(`${base}/live/design-en`)).text();
    const firstTime = /<time class="update-time"[^>]*>.*?<\/time>/s.exec(html)?.[0] ?? '';
    expect(firstTime).toMatch(/<span class="relative-time"><\/span>/);
    expect(firstTime).not.toMatch(/ago|just now/);
    expect(firstTime).toMatch(/title="\d{2} \w+ \d{4} \d{2}:\d{2} Muscat time"/);

    // What a reader sees: the relative part, the separator drawn by CSS, the clock.
    const shown = (time: Element) => {
      const relative = time.querySelector('.relative-time');
      if (!relative?.textContent) return '';
      const separator = getComputedStyle(relative, '::after').content.replace(/^"|"$/g, '');
      return `${relative.textContent}${separator}${time.querySelector('.update-clock')?.textContent ?? ''}`;
    };
    const page = await open('/live/design-en');
    const newest = page.locator('#updates > article').first().locator('time.update-time');
    await expect.poll(async () => newest.evaluate(shown)).toMatch(/^just now · \d{2}:\d{2}$/);
    expect(await newest.getAttribute('title')).toMatch(/\d{4} \d{2}:\d{2} Muscat time$/);

    const arabic = await open(`/live/${demo}`);
    const oldest = arabic.locator('#updates > article').last().locator('time.update-time');
    await expect.poll(async () => oldest.evaluate(shown)).toMatch(/^منذ .+ · \d{2}:\d{2}$/);
    await page.context().close();
    await arabic.context().close();
  });

  it('a day divider names the day where the date changes between updates, on the page and in the client', async () => {
    const page = await open('/live/design-en?page=2');
    // Page 2 holds the three oldest updates; the first two are two days old, the third is today.
    const days = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#updates > article')].map((article) => ({
        start: article.classList.contains('update-day-start'),
        divider: article.querySelector('.day-divider')?.checkVisibility()
          ? (article.querySelector('.day-divider')?.textContent ?? '')
          : '',
      })),
    );
    expect(days).toHaveLength(3);
    // The first update of an older page names its day; then the date changes once.
    expect(days.map((d) => d.start)).toEqual([true, true, false]);
    expect(days[0]?.divider).toMatch(/^\w+day \d{2} \w+ \d{4}$/);
    expect(days[1]?.divider).toMatch(/^\w+day \d{2} \w+ \d{4}$/);
    expect(days[0]?.divider).not.toBe(days[1]?.divider);
    expect(days[2]?.divider).toBe('');
    await page.context().close();
  });

  it('every reader page links the favicon and the web-app manifest, and both are served', async () => {
    const pages = ['/', `/live/${demo}`, `/live/${demo}/updates/${String(englishIds[0])}`];
    for (const path of [...pages, '/search?q=test', '/consent', `/embed/${demo}`]) {
      const html = await (await fetch(`${base}${path}`)).text();
      expect(html, path).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
      expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
      expect(html, path).toMatch(/<link rel="preload" href="\/assets\/fonts\/naskh-400-\w+-/);
    }
    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = (await manifest.json()) as { icons: { src: string }[] };
    for (const icon of [...body.icons.map((i) => i.src), '/favicon.ico']) {
      const res = await fetch(`${base}${icon}`);
      expect(res.status, icon).toBe(200);
      expect((await res.arrayBuffer()).byteLength, icon).toBeGreaterThan(100);
    }
  });

  it('axe-core finds no serious or critical problem on any reader page, Arabic and English, light and dark', async () => {
    const [firstEnglish] = englishIds;
    const pages = [
      '/',
      `/live/${demo}`,
      `/live/${demo}?page=2`,
      `/live/${demo}/updates/${String(firstEnglish ? firstEnglish - 1 : 1)}`,
      '/search?q=%D9%85%D8%B3%D9%82%D8%B7',
      '/consent',
      `/embed/${demo}`,
      '/live/design-en',
      '/live/design-en?page=2',
      `/live/design-en/updates/${String(firstEnglish)}`,
      '/embed/design-en',
    ];
    const found: string[] = [];
    // Light on a phone, dark on a desktop: both schemes and both layouts, in the time a shared
    // machine allows.
    for (const [colorScheme, viewport] of [
      ['light', PHONE],
      ['dark', DESKTOP],
    ] as const) {
      {
        for (const path of pages) {
          const context = await browser.newContext({ ...viewport, colorScheme, bypassCSP: true });
          const page = await context.newPage();
          await page.goto(`${base}${path}`);
          await page.evaluate(async () => {
            await document.fonts.ready;
          });
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: () => Promise<{
                    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
                  }>;
                };
              }
            ).axe;
            const result = await axe.run();
            return result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map(
                (v) =>
                  `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              );
          });
          for (const v of violations) {
            found.push(`${colorScheme} ${String(viewport.viewport?.width)} ${path}: ${v}`);
          }
          await context.close();
        }
      }
    }
    expect(found).toEqual([]);
  }, 600_000);
});
