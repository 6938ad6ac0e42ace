// The moderation desk from the keyboard alone (issue 13, item 7): move, approve, reject, undo;
// a comment held meanwhile joins the open queue live; times in the page's zone; links to the
// page and to the update the comment came under.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type NewsroomServer,
  operator,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

describe('the moderation desk', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: NewsroomServer;
  let base: string;
  const password = 'كلمة-مرور-المشرف-2026';
  const ids: number[] = [];

  const statusOf = async (id: number) =>
    (
      await app.database.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    server = await startNewsroomServer({
      email: 'moderator@mod.test',
      displayName: 'منى',
      role: 'moderator',
      password,
    });
    ({ app, base } = server);
    const { liveblog } = await app.services.liveblogs.create(operator, {
      slug: 'vote',
      headline: 'الانتخابات',
      timeZone: 'Asia/Muscat',
    });
    await app.services.updates.publish(operator, 'vote', {
      headline: 'فتح الصناديق',
      text: 'بدأ التصويت.',
    });
    const db = app.database.db;
    for (const [i, text] of ['تعليق أول', 'تعليق ثان', 'تعليق ثالث'].entries()) {
      const row = await db
        .insertInto('comments')
        .values({
          liveblogId: liveblog.id,
          name: `قارئ ${String(i + 1)}`,
          email: null,
          text,
          foldedText: `${text} ${String(i)}`,
          status: 'pending',
          heldReason: 'moderation',
          addressKey: `address-${String(i)}`,
          cookieKey: null,
          createdAt: new Date(Date.now() + 60_000 + i * 1000).toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('approves, rejects and undoes from the keyboard; the queue follows live', async () => {
    const page = await signInThroughForm(browser, base, 'moderator@mod.test', password, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${base}/newsroom/comments`);
    const [first, second, third] = ids as [number, number, number];

    // Context: the page, the update it came under, the time in the page's zone.
    const row = page.locator(`#mod-queue [data-comment-id="${String(first)}"]`);
    await expect(row.locator('a[href="/live/vote#comments"]').count()).resolves.toBe(1);
    await expect(row.locator('a[href^="/live/vote/updates/"]').textContent()).resolves.toContain(
      'فتح الصناديق',
    );
    await expect(row.locator('.mod-zone').textContent()).resolves.toBe('Asia/Muscat');

    // The first row has the focus: a approves it, the focus moves on; r rejects the second.
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-comment-id') === String(id),
      first,
    );
    await page.keyboard.press('a');
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-comment-id') === String(id),
      second,
    );
    await page.keyboard.press('r');
    await expect(page.locator('#mod-undo').textContent()).resolves.toContain('رُفض');
    // u takes the rejection back before it is sent.
    await page.keyboard.press('u');
    await page.waitForFunction(
      (id) =>
        document.querySelector<HTMLElement>(`[data-comment-id="${String(id)}"]`)?.hidden === false,
      second,
    );
    // j down to the third; x selects it, s marks it as spam.
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('s');
    // The verdicts go out after the five seconds to undo.
    await expect.poll(() => statusOf(first), { timeout: 15_000 }).toBe('approved');
    await expect.poll(() => statusOf(third), { timeout: 15_000 }).toBe('spam');
    expect(await statusOf(second)).toBe('pending');

    // The shortcut list opens with ?.
    await page.keyboard.press('?');
    await expect(page.locator('#mod-shortcuts').getAttribute('open')).resolves.not.toBeNull();

    // A comment held now joins the open queue without a reload.
    const token = await app.services.comments.formToken('vote');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const { comment } = await app.services.comments.post(
      'vote',
      { name: 'قارئة جديدة', text: 'تعليق وصل الآن', formToken: token },
      { address: '192.0.2.7', cookieId: undefined },
    );
    await page.waitForSelector(`#mod-queue [data-comment-id="${String(comment.id)}"]`, {
      timeout: 10_000,
    });
    await expect(page.locator('#mod-count').textContent()).resolves.toBe('تعليقان محجوزان'); // two: the Arabic dual
    await page.context().close();
  });
});
