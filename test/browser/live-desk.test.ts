// The live desk (issue 13, item 3): a reporter's submitted draft reaches the editor's open
// review queue without a reload, the editor's publish reaches the reporter's open desk, and
// each sees the other on the desk and on the update being worked on.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type NewsroomServer,
  operator,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

/** Counts the page's navigations after this call; a reload or a link would add one. */
async function watchNavigations(page: Page): Promise<() => Promise<number>> {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  await page.evaluate(() => {
    (window as unknown as { deskMark: number }).deskMark = 42;
  });
  return async () => {
    const mark = await page.evaluate(() => (window as unknown as { deskMark?: number }).deskMark);
    return mark === 42 ? count : count + 1;
  };
}

describe('the live desk', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: NewsroomServer;
  let base: string;
  const password = 'كلمة-مرور-المكتب-2026';

  beforeAll(async () => {
    server = await startNewsroomServer({
      email: 'editor@live.test',
      displayName: 'سلمى',
      role: 'editor',
      password,
    });
    ({ app, base } = server);
    await app.services.accounts.createUser(operator, {
      email: 'reporter@live.test',
      displayName: 'خالد',
      role: 'reporter',
      password,
    });
    await app.services.liveblogs.create(operator, { slug: 'floods', headline: 'السيول' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('draft → editor queue within 1 s, publish → reporter desk, presence on both, no reload', async () => {
    const viewport = { viewport: { width: 1280, height: 900 } };
    const editor = await signInThroughForm(browser, base, 'editor@live.test', password, viewport);
    const reporter = await signInThroughForm(
      browser,
      base,
      'reporter@live.test',
      password,
      viewport,
    );
    await editor.goto(`${base}/newsroom/liveblogs/floods`);
    await reporter.goto(`${base}/newsroom/liveblogs/floods`);
    const editorNavigations = await watchNavigations(editor);
    const reporterNavigations = await watchNavigations(reporter);

    // Presence: each sees the other on the desk.
    await editor.waitForFunction(
      () => document.getElementById('desk-presence')?.textContent.includes('خالد') ?? false,
      undefined,
      { timeout: 15_000 },
    );
    await reporter.waitForFunction(
      () => document.getElementById('desk-presence')?.textContent.includes('سلمى') ?? false,
      undefined,
      { timeout: 15_000 },
    );

    // The reporter submits a draft; the editor's open queue shows it.
    await reporter.click('#composer-body');
    await reporter.keyboard.type('انقطاع الطريق الساحلي بعد السيول.');
    const submitted = reporter.waitForResponse(
      (r) => /\/drafts\/\d+\/submit$/.test(r.url()) && r.request().method() === 'POST',
    );
    await reporter.click('#composer-send');
    expect((await submitted).status()).toBe(200);
    const t0 = Date.now();
    await editor.waitForFunction(
      () =>
        document.getElementById('queue')?.textContent.includes('انقطاع الطريق الساحلي') ?? false,
      undefined,
      { timeout: 5_000, polling: 20 },
    );
    const queueMs = Date.now() - t0;
    console.log(`submitted draft in the editor's queue after ${String(queueMs)} ms`);
    expect(queueMs).toBeLessThan(1_000);
    // Nothing reloaded the reporter's desk either: its own queue changed in place.
    await reporter.waitForFunction(
      () =>
        document.getElementById('queue')?.textContent.includes('انقطاع الطريق الساحلي') ?? false,
    );

    // The editor publishes it from the queue; the reporter's open desk shows it published.
    await editor.click('#queue [data-update-id] [data-action="publish-draft"]');
    const t1 = Date.now();
    await reporter.waitForFunction(
      () =>
        document.getElementById('published')?.textContent.includes('انقطاع الطريق الساحلي') ??
        false,
      undefined,
      { timeout: 5_000, polling: 20 },
    );
    console.log(`publish on the reporter's desk after ${String(Date.now() - t1)} ms`);
    await editor.waitForFunction(
      () => !(document.getElementById('queue')?.textContent.includes('انقطاع الطريق') ?? true),
    );

    // The editor opens the published update to edit: the reporter sees who works on it.
    const row = editor.locator('#published [data-update-id]').first();
    const id = await row.getAttribute('data-update-id');
    await row.locator('[data-action="edit"]').click();
    await reporter.waitForFunction(
      (updateId) =>
        document
          .querySelector(`#published [data-update-id="${updateId}"] [data-presence-note]`)
          ?.textContent.includes('سلمى') ?? false,
      id,
      { timeout: 15_000 },
    );

    expect(await editorNavigations()).toBe(0);
    expect(await reporterNavigations()).toBe(0);
    await editor.context().close();
    await reporter.context().close();
  });
});
