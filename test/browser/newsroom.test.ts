// The newsroom in a real browser: an editor publishes with Ctrl+Enter and readers see it live;
// a reporter's draft survives a reload and a server restart, is submitted and published by an
// editor; an edit reaches the open reader tab in place; axe-core finds no serious violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/access/access.policy.js';
import {
  deskSent,
  launchBrowser,
  operator,
  signInThroughForm,
  startRestartableServer,
  type RestartableServer,
} from './browser.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describe('the newsroom in a real browser', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: RestartableServer;
  let base: string;
  const password = 'كلمة-مرور-المحرر-2026';

  async function person(role: Role, email: string): Promise<void> {
    await app.services.accounts.createUser(operator, {
      email,
      displayName: `${role} ${email.split('@')[0] ?? ''}`,
      role,
      password,
    });
  }

  async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const page = await signInThroughForm(browser, base, email, password, {
      viewport: { width: 1280, height: 900 },
    });
    return { context: page.context(), page };
  }

  beforeAll(async () => {
    server = await startRestartableServer('newsroom test');
    ({ app, base } = server);
    await person('editor', 'editor@desk.test');
    await person('reporter', 'reporter@desk.test');
    await person('admin', 'chief@desk.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('an editor creates a page and publishes with Ctrl+Enter; an open reader tab shows it without reload', async () => {
    const { page } = await signedIn('editor@desk.test');
    await page.fill('input[name="headline"]', 'محادثات مسقط');
    await page.fill('input[name="slug"]', 'muscat');
    await page.selectOption('select[name="timeZone"]', 'Asia/Muscat');
    await Promise.all([
      page.waitForURL(`${base}/newsroom/liveblogs/muscat`),
      page.click('.panel button.primary'),
    ]);

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/muscat`);
    await reader.waitForFunction(() => document.body.dataset.liveState === 'stream');

    await page.fill('#composer-headline', 'وصول الوفد الإيراني');
    await page.click('#composer-body');
    await page.keyboard.type('وصل الوفد إلى مسقط صباح اليوم. ');
    await page.keyboard.type('التفاصيل');
    // Select the word just typed, as a reporter would with the mouse.
    await page.evaluate(() => {
      const editor = document.getElementById('composer-body');
      const walker = document.createTreeWalker(editor ?? document.body, NodeFilter.SHOW_TEXT);
      let node: Node | null = null;
      for (let next = walker.nextNode(); next; next = walker.nextNode()) node = next;
      const value = node?.textContent ?? '';
      const start = value.lastIndexOf('التفاصيل');
      const range = document.createRange();
      if (node) {
        range.setStart(node, start);
        range.setEnd(node, start + 'التفاصيل'.length);
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    page.once('dialog', (dialog) => void dialog.accept('https://omannews.gov.om'));
    await page.click('[data-command="link"]');
    await page.click('[data-source-name="رويترز"]');
    await page.click('#composer-body');
    await Promise.all([deskSent(page), page.keyboard.press('Control+Enter')]);

    const article = reader.locator('#updates > article').first();
    await article.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await article.locator('.update-headline').textContent()).toBe('وصول الوفد الإيراني');
    expect(await article.locator('a[href="https://omannews.gov.om"]').textContent()).toBe(
      'التفاصيل',
    );
    expect(await article.locator('.update-sources').textContent()).toContain('رويترز');
  });

  it('an edit in the newsroom reaches the open reader tab in place', async () => {
    const { page } = await signedIn('editor@desk.test');
    await page.goto(`${base}/newsroom/liveblogs/muscat`);
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/muscat`);
    await reader.waitForFunction(() => document.body.dataset.liveState === 'stream');
    await page.click('#published [data-action="edit"]');
    await page.waitForFunction(
      () => (document.getElementById('composer-headline') as HTMLInputElement).value !== '',
    );
    await page.fill('#composer-headline', 'وصول الوفدين الإيراني والأمريكي');
    await Promise.all([deskSent(page), page.click('#composer-send')]);
    await reader
      .locator('.update-headline', { hasText: 'وصول الوفدين الإيراني والأمريكي' })
      .waitFor({ timeout: 5_000 });
    expect(await reader.locator('#updates > article').count()).toBe(1);
    expect(await reader.locator('#updates .update-edited').count()).toBe(1);
  });

  it("a reporter's draft survives a reload and a server restart, is submitted, and an editor publishes it", async () => {
    const { page } = await signedIn('reporter@desk.test');
    await page.goto(`${base}/newsroom/liveblogs/muscat`);
    await page.click('#composer-body');
    await page.keyboard.type('مراسلنا: انتهت الجولة الأولى بعد ساعتين ونصف.');
    await page
      .locator('#composer-status', { hasText: 'حُفظت المسودة' })
      .waitFor({ timeout: 10_000 });

    await page.reload();
    await page.locator('#composer-body', { hasText: 'انتهت الجولة الأولى' }).waitFor();

    // The server restarts, and this device forgets its copy: the draft comes back from the server.
    await server.stop();
    await server.start();
    app = server.app;
    await page.evaluate(() => {
      localStorage.clear();
    });
    await page.reload();
    await page
      .locator('#composer-body', { hasText: 'انتهت الجولة الأولى' })
      .waitFor({ timeout: 10_000 });

    await page.click('#composer-body');
    await Promise.all([deskSent(page), page.keyboard.press('Control+Enter')]);
    await page.locator('#queue [data-status="submitted"]').waitFor();

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/muscat`);
    await reader.waitForFunction(() => document.body.dataset.liveState === 'stream');

    const editor = await signedIn('editor@desk.test');
    await editor.page.goto(`${base}/newsroom/liveblogs/muscat`);
    await Promise.all([
      deskSent(editor.page),
      editor.page.click('#queue [data-status="submitted"] [data-action="publish-draft"]'),
    ]);
    await reader
      .locator('#updates article', { hasText: 'انتهت الجولة الأولى' })
      .waitFor({ timeout: 5_000 });
  });

  it('a photo dropped into the composer is described, uploaded and published as responsive sizes', async () => {
    const { page } = await signedIn('editor@desk.test');
    await page.goto(`${base}/newsroom/liveblogs/muscat`);
    const answers = ['الوزيران في القاعة', 'وكالة الأنباء العمانية'];
    page.on('dialog', (dialog) => void dialog.accept(answers.shift() ?? ''));
    await page.click('#composer-body');
    await page.keyboard.type('صورة من داخل قاعة المحادثات.');
    // A 64×48 PNG made in the page, dropped as a reporter would drop a file.
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const context = canvas.getContext('2d');
      if (context) {
        context.fillStyle = '#0b5394';
        context.fillRect(0, 0, 64, 48);
      }
      const blob = await new Promise<Blob | null>((resolve) => {
        canvas.toBlob(resolve, 'image/png');
      });
      const transfer = new DataTransfer();
      if (blob) transfer.items.add(new File([blob], 'hall.png', { type: 'image/png' }));
      document
        .getElementById('composer-body')
        ?.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    });
    await page.locator('#composer-body figure[data-photo-id] img').waitFor({ timeout: 10_000 });
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/live/muscat`);
    await reader.waitForFunction(() => document.body.dataset.liveState === 'stream');
    await page.click('#composer-body');
    await Promise.all([deskSent(page), page.keyboard.press('Control+Enter')]);
    const picture = reader.locator('#updates article .update-photo img[alt="الوزيران في القاعة"]');
    await picture.waitFor({ timeout: 5_000 });
    expect(
      await reader.locator('#updates article .update-photo source[type="image/avif"]').count(),
    ).toBeGreaterThan(0);
    expect(await reader.locator('#updates article .photo-credit').first().textContent()).toContain(
      'وكالة الأنباء العمانية',
    );
  });

  it.each(['ar', 'en'] as const)(
    'the newsroom passes axe-core with no serious or critical violations (%s)',
    async (locale) => {
      const { page } = await signedIn('chief@desk.test');
      if (locale === 'en') {
        await Promise.all([
          page.waitForEvent('load'),
          page.click('.newsroom-nav button[lang="en"]'),
        ]);
        expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      }
      for (const path of [
        '/newsroom',
        '/newsroom/liveblogs/muscat',
        '/newsroom/users',
        '/newsroom/audit',
      ]) {
        await page.goto(`${base}${path}`);
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  context: Document,
                ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe;
          return axe.run(document);
        });
        const serious = result.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        expect(serious.map((v) => `${path}: ${v.id}`)).toEqual([]);
      }
      const login = await (await browser.newContext()).newPage();
      await login.goto(`${base}/newsroom/login?lang=${locale}`);
      await login.evaluate(axeSource);
      const result = await login.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }>;
            };
          }
        ).axe;
        return axe.run(document);
      });
      expect(
        result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id),
      ).toEqual([]);
    },
  );
});
