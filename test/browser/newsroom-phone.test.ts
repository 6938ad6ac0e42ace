// Every newsroom page on a phone: at 360×800, in Arabic and in English, no page is wider than
// the screen (document scrollWidth ≤ 360) and axe-core finds no serious or critical violation.
// The pages: sign-in, its two-factor step, set-up (on a server with no account yet), the
// one-time password page, the dashboard, the desk (composer, review queue, stream, page
// settings) for an editor-admin and a reporter, an update's history, moderation, users, audit,
// the account page and its two-factor set-up, and the site settings. Then the composer on the
// phone: the publish bar stays in view, and Ctrl+Enter still publishes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/platform.config.js';
import { totpCode } from '../../src/access/access.totp.js';
import { launchBrowser, type NewsroomServer, operator, startNewsroomServer } from './browser.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
const password = 'كلمة-مرور-الهاتف-2026';
const admin = { email: 'chief@desk.test', displayName: 'رئيسة التحرير', role: 'admin' as const };

interface Problem {
  readonly page: string;
  readonly problem: string;
}

describe('every newsroom page on a 360 px phone, in Arabic and English', () => {
  let browser: Browser;
  let server: NewsroomServer;
  let empty: { app: FastifyInstance; base: string; dir: string };
  let reporterId = 0;
  let updateId = 0;

  async function api(method: string, path: string, token: string, body?: unknown) {
    const res = await server.app.inject({
      method: method as 'POST',
      url: path,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined && { payload: body as object }),
    });
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: number }>();
  }

  beforeAll(async () => {
    server = await startNewsroomServer({ ...admin, password });
    const services = server.app.services;
    const twoFactorUser = await services.accounts.createUser(operator, {
      email: 'second-step@desk.test',
      displayName: 'محرر بخطوتين',
      role: 'editor',
      password,
    });
    const owner = { actor: services.accounts.actorOf(twoFactorUser), user: twoFactorUser };
    await services.twoFactor.begin(owner);
    const status = await services.twoFactor.status(owner);
    await services.twoFactor.confirm(owner, totpCode(status.pending?.secret ?? '', new Date()));

    const editorToken = (await services.tokens.create('seed', 'editor')).token;
    await api('POST', '/api/v1/liveblogs', editorToken, {
      slug: 'muscat-talks',
      headline: 'محادثات مسقط: اليوم الثاني من الجولة غير المباشرة بين الوفدين',
      standfirst: 'تغطية مباشرة من العاصمة العمانية',
      timeZone: 'Asia/Muscat',
    });
    const long =
      'https://example.org/a/very/long/address/that/never/breaks/by/itself/' + 'x'.repeat(80);
    updateId = (
      await api('POST', '/api/v1/liveblogs/muscat-talks/updates', editorToken, {
        headline: 'وصول الوفد',
        text: `وصل الوفد إلى مسقط صباح اليوم. ${long}`,
        sources: [{ name: 'وكالة الأنباء العمانية', kind: 'official' }],
      })
    ).id;
    await api('PATCH', `/api/v1/liveblogs/muscat-talks/updates/${updateId}`, editorToken, {
      text: 'وصل الوفد إلى مسقط صباح اليوم، واستقبله وزير الخارجية.',
    });
    const reporter = await services.accounts.createUser(operator, {
      email: 'reporter@desk.test',
      displayName: 'مراسلنا في صلالة',
      role: 'reporter',
      password,
    });
    const byReporter = services.accounts.actorOf(reporter);
    const draft = await services.updates.createDraft(byReporter, 'muscat-talks', {
      headline: 'مؤتمر صحفي مرتقب',
      text: 'يعقد الوزير مؤتمرًا صحفيًا بعد الظهر.',
    });
    await services.updates.submitDraft(byReporter, 'muscat-talks', draft.update.id);
    reporterId = reporter.id;

    const dir = mkdtempSync(join(tmpdir(), 'ajil-phone-setup-'));
    const app = await buildApp(
      loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'a.db')}`,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    empty = { app, dir, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
    await empty.app.close();
    rmSync(empty.dir, { recursive: true, force: true });
  });

  async function phoneSignIn(
    email: string,
    locale: 'ar' | 'en' = 'ar',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // The sign-in page's language becomes the session's, so forms answer in it too.
    await page.goto(`${server.base}/newsroom/login?lang=${locale}`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/newsroom/login'),
      page.click('button[type="submit"]'),
    ]);
    return { context, page };
  }

  /** Width and axe-core on the page as it is now; the problems found. */
  async function inspect(page: Page, name: string, locale: 'ar' | 'en'): Promise<Problem[]> {
    const problems: Problem[] = [];
    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      width: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter(
          (el) => el.getBoundingClientRect().right > 361 || el.getBoundingClientRect().left < -1,
        )
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    }));
    if (html.lang !== locale) problems.push({ page: name, problem: `lang=${html.lang}` });
    if (html.dir !== (locale === 'ar' ? 'rtl' : 'ltr'))
      problems.push({ page: name, problem: `dir=${html.dir}` });
    if (html.width > 360)
      problems.push({ page: name, problem: `scrollWidth ${html.width} (${html.wide.join(', ')})` });
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (d: Document) => Promise<{
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      return axe.run(document);
    });
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical')
        problems.push({
          page: name,
          problem: `axe ${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`,
        });
    }
    return problems;
  }

  async function visit(page: Page, url: string, name: string, locale: 'ar' | 'en') {
    const res = await page.goto(url);
    const problems = await inspect(page, name, locale);
    if ((res?.status() ?? 0) >= 400)
      problems.push({ page: name, problem: `status ${res?.status()} ${url}` });
    return problems;
  }

  it.each(['ar', 'en'] as const)(
    'every page fits 360 px and passes axe-core (%s)',
    async (locale) => {
      const q = `?lang=${locale}`;
      const problems: Problem[] = [];
      const resetPath = (await server.app.services.resetLinks.create(operator, reporterId)).path;
      const anonymous = await browser.newContext(PHONE);
      const page = await anonymous.newPage();
      problems.push(...(await visit(page, `${server.base}/newsroom/login${q}`, 'sign-in', locale)));
      problems.push(
        ...(await visit(page, `${server.base}${resetPath}${q}`, 'one-time password', locale)),
      );
      problems.push(...(await visit(page, `${empty.base}/newsroom/setup${q}`, 'set-up', locale)));
      await page.goto(`${server.base}/newsroom/login${q}`);
      await page.fill('input[name="email"]', 'second-step@desk.test');
      await page.fill('input[name="password"]', password);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/newsroom/login/two-factor'),
        page.click('button[type="submit"]'),
      ]);
      problems.push(...(await inspect(page, 'two-factor step', locale)));
      await anonymous.close();
      const staff = await phoneSignIn(admin.email, locale);
      const desk = `/newsroom/liveblogs/muscat-talks`;
      for (const [path, name] of [
        ['/newsroom', 'dashboard'],
        [desk, 'desk (composer, review queue, stream, page settings)'],
        [`${desk}/updates/${updateId}/history`, 'history'],
        ['/newsroom/comments', 'moderation'],
        ['/newsroom/users', 'users'],
        ['/newsroom/audit', 'audit'],
        ['/newsroom/settings', 'settings'],
        ['/newsroom/account', 'account'],
      ] as const)
        problems.push(...(await visit(staff.page, `${server.base}${path}${q}`, name, locale)));

      // The users page with a one-time link just made, then the account's two-factor set-up.
      await staff.page.goto(`${server.base}/newsroom/users${q}`);
      await Promise.all([
        staff.page.waitForEvent('load'),
        staff.page.locator('form[action$="/reset-link"] button').last().click(),
      ]);
      problems.push(...(await inspect(staff.page, 'users with a new link', locale)));
      await staff.page.goto(`${server.base}/newsroom/account${q}`);
      const start = staff.page.locator('form[action="/newsroom/account/two-factor/start"] button');
      if ((await start.count()) > 0)
        await Promise.all([staff.page.waitForEvent('load'), start.click()]);
      await staff.page.goto(`${server.base}/newsroom/account${q}`);
      problems.push(...(await inspect(staff.page, 'two-factor set-up', locale)));
      await staff.context.close();

      const reporter = await phoneSignIn('reporter@desk.test', locale);
      problems.push(
        ...(await visit(reporter.page, `${server.base}${desk}${q}`, 'reporter desk', locale)),
      );
      problems.push(
        ...(await visit(
          reporter.page,
          `${server.base}/newsroom${q}`,
          'reporter dashboard',
          locale,
        )),
      );
      await reporter.context.close();

      expect(problems).toEqual([]);
    },
    240_000,
  );

  it('on the phone the publish bar stays in view and Ctrl+Enter publishes', async () => {
    const { page, context } = await phoneSignIn(admin.email);
    await page.goto(`${server.base}/newsroom/liveblogs/muscat-talks`);
    const bar = page.locator('.composer-actions');
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await page.click('.composer-body');
    // A long dispatch: the box is taller than the screen, and the publish bar stays at its foot.
    for (let i = 0; i < 14; i++) {
      await page.keyboard.type(`فقرة ${i + 1} من الخبر العاجل.`);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('خبر عاجل من الهاتف');
    await page.locator('.composer-body').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
    });
    const box = await page.locator('.composer-actions button[type="submit"]').boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await page.focus('.composer-body');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.desk-item-text')].some((el) =>
          el.textContent.includes('فقرة 1 من الخبر العاجل'),
        ),
      undefined,
      { timeout: 15_000 },
    );
    await context.close();
  });
});
