// Truthful saving on the desk (issue 13), in a real browser: a refusal shows the server's own
// message beside its cause and keeps every character; a cut network is the only "kept on this
// device", and what waited goes when the network is back; an ended session signs in again in
// place and then saves; two editors on one update see a conflict, never a silent overwrite.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/access/access.totp.js';
import {
  launchBrowser,
  liveblogIdOf,
  type NewsroomServer,
  operator,
  signInThroughForm,
  startNewsroomServer,
} from './browser.js';

const viewport = { viewport: { width: 1280, height: 900 } };

describe('saving on the desk tells the truth', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let server: NewsroomServer;
  let base: string;
  const password = 'كلمة-مرور-المحررة-2026';
  const editor = { email: 'salma@desk.test', displayName: 'سلمى', role: 'editor' as const };
  const second = { email: 'khalid@desk.test', displayName: 'خالد', role: 'editor' as const };

  beforeAll(async () => {
    server = await startNewsroomServer({ ...editor, password });
    ({ app, base } = server);
    await app.services.accounts.createUser(operator, { ...second, password });
    for (const slug of ['refused', 'tunnel', 'expired', 'race', 'guarded', 'erase'])
      await app.services.liveblogs.create(operator, { slug, headline: `صفحة ${slug}` });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  async function updatesOf(slug: string) {
    const db = app.database.db;
    return db
      .selectFrom('updates')
      .select(['id', 'status', 'body', 'revision'])
      .where('liveblogId', '=', await liveblogIdOf(db, slug))
      .execute();
  }

  /** Waits (without a fixed sleep) until the page's updates satisfy `test`. */
  async function until(
    slug: string,
    test: (rows: Awaited<ReturnType<typeof updatesOf>>) => boolean,
  ) {
    await expect.poll(async () => test(await updatesOf(slug)), { timeout: 30_000 }).toBe(true);
  }

  const status = (page: Page) => page.locator('#composer-status');

  it('a refused save shows the server’s message beside its cause and keeps every character', async () => {
    const page = await signInThroughForm(browser, base, editor.email, password, viewport);
    await page.goto(`${base}/newsroom/liveblogs/refused`);
    // A paste over the limit of one paragraph (20,000 characters), as the reporter made it.
    const pasted = 'نص طويل جدًا من وكالة. '.repeat(1_200).trim();
    await page.click('#composer-body');
    await page.evaluate((text) => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- how a paste lands in the box
      document.execCommand('insertText', false, text);
    }, pasted);

    await page.waitForSelector('.field-refusal', { timeout: 20_000 });
    const line = (await status(page).textContent()) ?? '';
    expect(line).toContain('بعض الحقول غير صالحة'); // the server's own message, in Arabic
    expect(line).not.toContain('عند عودة الاتصال');
    expect(await status(page).getAttribute('data-tone')).toBe('refused');
    const note = (await page.locator('.field-refusal').textContent()) ?? '';
    expect(note).toContain('الفقرة 1 من النص');
    expect(note).toContain('20000');
    expect(await page.locator('#composer-body').getAttribute('aria-invalid')).toBe('true');

    // Every character is still in the composer and on this device, and nothing reached the server.
    expect(await page.locator('#composer-body').evaluate((e) => e.textContent.length)).toBe(
      pasted.length,
    );
    const kept = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('ajil-draft:refused:'));
      return key ? localStorage.getItem(key) : null;
    });
    expect(kept).toContain(pasted.slice(0, 200));
    expect(JSON.stringify(kept).length).toBeGreaterThan(pasted.length);
    expect(await updatesOf('refused')).toHaveLength(0);

    // A reload loses nothing either: the text comes back from this device, and so does the reason.
    await page.reload();
    await page.waitForSelector('.field-refusal', { timeout: 20_000 });
    expect(await page.locator('#composer-body').evaluate((e) => e.textContent.length)).toBe(
      pasted.length,
    );

    // Cut down to size, the same draft saves and the note goes.
    await page.evaluate(() => {
      const box = document.getElementById('composer-body');
      if (box) box.textContent = 'نص بطول معقول.';
      box?.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await page.waitForSelector('#composer-status[data-tone="saved"]', { timeout: 20_000 });
    expect(await page.locator('.field-refusal').count()).toBe(0);
    await until(
      'refused',
      (rows) => rows.length === 1 && (rows[0]?.body ?? '').includes('نص بطول معقول'),
    );
    await page.context().close();
  }, 120_000);

  it('a cut network shows the offline notice, and the update is sent when the network returns', async () => {
    const page = await signInThroughForm(browser, base, editor.email, password, viewport);
    const context = page.context();
    await page.goto(`${base}/newsroom/liveblogs/tunnel`);
    await context.setOffline(true);
    await page.click('#composer-body');
    await page.keyboard.type('انقطاع الكهرباء في المدينة منذ ساعة.');
    await page.waitForSelector('#composer-status[data-tone="offline"]', { timeout: 20_000 });
    expect(await status(page).textContent()).toContain('محفوظ على هذا الجهاز');
    expect(await updatesOf('tunnel')).toHaveLength(0);

    // Publishing while still offline waits too, and says so.
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => status(page).textContent(), { timeout: 20_000 })
      .toContain('دون أن يُنشر مرتين');
    expect(await updatesOf('tunnel')).toHaveLength(0);

    // The network is back: the draft is saved and published, once, with no press of a button.
    // (The desk changes in place after a publish, never by reload: wait for the database.)
    await context.setOffline(false);
    await until(
      'tunnel',
      (rows) =>
        rows.length === 1 &&
        rows[0]?.status === 'published' &&
        rows[0].body.includes('انقطاع الكهرباء'),
    );
    await context.close();
  }, 120_000);

  it('an expired session signs in again in place, then saves what was typed', async () => {
    const page = await signInThroughForm(browser, base, editor.email, password, viewport);
    await page.goto(`${base}/newsroom/liveblogs/expired`);
    await page.click('#composer-body');
    await page.keyboard.type('الجملة الأولى قبل انتهاء الجلسة.');
    await page.waitForSelector('#composer-status[data-tone="saved"]', { timeout: 20_000 });
    await until('expired', (rows) => rows.length === 1);

    // The session ends on the server (as after 12 hours unused) while the desk stays open.
    await app.database.db.deleteFrom('sessions').execute();
    await page.keyboard.type(' والجملة الثانية بعدها.');
    const dialog = page.locator('dialog.signin-dialog');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await status(page).getAttribute('data-tone')).toBe('signed-out');

    // A wrong password is refused inside the dialog, with the sign-in page's own message.
    await dialog.locator('input[name="email"]').fill(editor.email);
    await dialog.locator('input[name="password"]').fill('ليست-كلمة-المرور');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.form-error:not([hidden])').waitFor({ timeout: 20_000 });
    await dialog.locator('input[name="password"]').fill(password);
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });

    await page.waitForSelector('#composer-status[data-tone="saved"]', { timeout: 20_000 });
    await until('expired', (rows) => (rows[0]?.body ?? '').includes('والجملة الثانية بعدها'));
    expect(page.url()).toBe(`${base}/newsroom/liveblogs/expired`); // never left the desk
    expect(await page.locator('#composer-body').textContent()).toContain(
      'الجملة الأولى قبل انتهاء الجلسة. والجملة الثانية بعدها.',
    );
    await page.context().close();
  }, 120_000);

  it('in English, with two-factor sign-in: the dialog asks for the code, saves, and a refusal is in English', async () => {
    const guarded = { email: 'reem@desk.test', displayName: 'ريم', role: 'editor' as const };
    const user = await app.services.accounts.createUser(operator, { ...guarded, password });
    const owner = {
      actor: { kind: 'user' as const, id: user.id, name: 'ريم', role: 'editor' as const },
      user,
    };
    await app.services.twoFactor.begin(owner);
    const secret = (await app.services.twoFactor.status(owner)).pending?.secret ?? '';
    const [first = '', second = ''] = await app.services.twoFactor.confirm(
      owner,
      totpCode(secret, new Date()),
    );

    const page = await (await browser.newContext(viewport)).newPage();
    await page.goto(`${base}/newsroom/login?lang=en`);
    await page.fill('input[name="email"]', guarded.email);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForURL(/two-factor/), page.click('button[type="submit"]')]);
    await page.fill('input[name="code"]', first);
    await Promise.all([page.waitForURL(`${base}/newsroom`), page.click('button[type="submit"]')]);
    await page.goto(`${base}/newsroom/liveblogs/guarded`);
    await page.click('#composer-body');
    await page.keyboard.type('Talks resumed at noon.');
    await page.waitForSelector('#composer-status[data-tone="saved"]', { timeout: 20_000 });

    await app.database.db.deleteFrom('sessions').execute();
    await page.keyboard.type(' Both delegations are present.');
    const dialog = page.locator('dialog.signin-dialog');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await dialog.locator('h2').textContent()).toBe('Sign in to carry on');
    expect(await status(page).textContent()).toContain('Your session has ended');
    await dialog.locator('input[name="email"]').fill(guarded.email);
    await dialog.locator('input[name="password"]').fill(password);
    await dialog.locator('button[type="submit"]').click();
    const code = dialog.locator('input[name="code"]');
    await code.waitFor({ state: 'visible', timeout: 20_000 });
    await code.fill(second);
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await page.waitForSelector('#composer-status[data-tone="saved"]', { timeout: 20_000 });
    await until('guarded', (rows) =>
      (rows[0]?.body ?? '').includes('Both delegations are present'),
    );

    // A refusal on the English desk is in English, beside its paragraph.
    await page.click('#composer-body');
    await page.keyboard.press('Control+A');
    await page.evaluate((text) => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- how a paste lands in the box
      document.execCommand('insertText', false, text);
    }, 'A wire report far too long. '.repeat(1_000));
    await page.waitForSelector('.field-refusal', { timeout: 20_000 });
    expect(await status(page).textContent()).toContain('Some fields are not valid.');
    expect(await page.locator('.field-refusal').textContent()).toContain(
      'Caused by paragraph 1 of the text',
    );
    expect(await page.locator('#composer-body').evaluate((e) => e.textContent.length)).toBe(
      'A wire report far too long. '.repeat(1_000).length,
    );
    await page.context().close();
  }, 120_000);

  it('two editors edit one update: the second sees both texts, and nothing is lost', async () => {
    const { update } = await app.services.updates.publish(operator, 'race', {
      text: 'اجتماع مجلس الوزراء مستمر',
      byline: 'مراسلنا',
    });
    const first = await signInThroughForm(browser, base, editor.email, password, viewport);
    const other = await signInThroughForm(browser, base, second.email, password, viewport);
    for (const page of [first, other]) {
      await page.goto(`${base}/newsroom/liveblogs/race`);
      await page.click(`li[data-update-id="${update.id}"] [data-action="edit"]`);
      await expect
        .poll(() => page.locator('#composer-body').textContent())
        .toContain('اجتماع مجلس الوزراء');
    }

    const edit = async (page: Page, words: string) => {
      await page.click('#composer-body');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(words);
    };
    await edit(first, '، وأعلن عن خطة للطوارئ.');
    await edit(other, '، وانضم إليه وزير المالية.');
    await first.keyboard.press('Control+Enter');
    await until('race', (rows) => (rows[0]?.body ?? '').includes('خطة للطوارئ'));

    // The second editor's save names the version they started from: a conflict, nothing written.
    await other.keyboard.press('Control+Enter');
    const panel = other.locator('#composer-conflict');
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.locator('[data-side="mine"]').textContent()).toContain('وزير المالية');
    const theirs = (await panel.locator('[data-side="theirs"]').textContent()) ?? '';
    expect(theirs).toContain('خطة للطوارئ');
    expect(theirs).toContain('سلمى'); // who changed it
    const [row] = await updatesOf('race');
    expect(row?.body).toContain('خطة للطوارئ');
    expect(row?.body).not.toContain('وزير المالية');

    // Merge by hand: the editor holds mine, then what they added; the merged text goes out.
    await panel.locator('[data-choice="merge"]').click();
    const merged = (await other.locator('#composer-body').textContent()) ?? '';
    expect(merged).toContain('وزير المالية');
    expect(merged).toContain('خطة للطوارئ');
    await other.keyboard.press('Control+Enter');
    await until('race', (rows) => {
      const body = rows[0]?.body ?? '';
      return body.includes('وزير المالية') && body.includes('خطة للطوارئ');
    });
    await first.context().close();
    await other.context().close();
  }, 120_000);
  it('deleting an update a colleague changed since the desk showed it is refused, not done', async () => {
    const { update } = await app.services.updates.publish(operator, 'erase', { text: 'نص أول' });
    const page = await signInThroughForm(browser, base, editor.email, password, viewport);
    // A desk that has not heard of the colleague's edit: its live stream is cut (the live desk
    // would otherwise swap the row, version and all, in place).
    await page.route('**/newsroom/liveblogs/*/events**', (route) => route.abort());
    await page.goto(`${base}/newsroom/liveblogs/erase`);
    await app.services.updates.edit(operator, 'erase', update.id, { text: 'نص صحّحه زميل' });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.click(`li[data-update-id="${update.id}"] [data-action="delete"]`);
    await page.waitForSelector('#composer-status[data-tone="refused"]', { timeout: 20_000 });
    expect(await status(page).textContent()).toContain('تغيّر هذا التحديث منذ أن فتحته');
    const row = await app.database.db
      .selectFrom('updates')
      .select(['deletedAt', 'body'])
      .where('id', '=', update.id)
      .executeTakeFirstOrThrow();
    expect(row.deletedAt).toBeNull();
    expect(row.body).toContain('نص صحّحه زميل');
    await page.context().close();
  }, 120_000);
});
