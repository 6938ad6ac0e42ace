// Accounts an admin manages: the role is chosen at creation (no default), disabling ends the
// person's sessions and API tokens at once (and enabling lets them sign in again), and a
// one-time link sets a new password: once, before it expires, stored only as a hash, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  formLogin,
  signIn,
  type Session,
  type TestApp,
} from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import { hashToken } from '../access/access.tokens.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const password = 'كلمة-سر-طويلة-2026';

describe('accounts: roles, disabling, one-time password links', () => {
  let t: TestApp;
  let admin: Session;
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'));

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const post = (url: string, fields: Record<string, string> = {}, as: Session = admin) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, cookie: as.cookie },
      payload: new URLSearchParams({ _csrf: as.csrf, ...fields }).toString(),
    });
  const auditActions = async (targetId: number) =>
    (
      await t.app.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('targetId', '=', String(targetId))
        .orderBy('id')
        .execute()
    ).map((row) => row.action);
  const newPage = (token: string, slug: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(token),
      payload: { slug, headline: 'صفحة' },
    });

  it('a new account needs a role: none given is refused and nothing is made', async () => {
    const fields = { email: 'new@desk.test', displayName: 'جديد', password: 'كلمة-جديدة-طويلة' };
    const none = await post('/newsroom/users', fields);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('لا دور افتراضي');
    const rows = await t.app.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'new@desk.test')
      .execute();
    expect(rows).toHaveLength(0);
    const page = await t.app.inject({ url: '/newsroom/users', headers: { cookie: admin.cookie } });
    expect(page.body).toMatch(/<select name="role" required[^>]*><option value(="")? selected>/);
    const made = await post('/newsroom/users', { ...fields, role: 'reporter' });
    expect(made.statusCode).toBe(303);
    const user = await t.app.database.db
      .selectFrom('users')
      .select('role')
      .where('email', '=', 'new@desk.test')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('reporter');
  });

  it('disabling ends the sessions and tokens at once; enabling lets the person sign in again', async () => {
    const editor = await signIn(t.app, 'editor', password);
    const email = await emailOf(editor.userId);
    const { token } = await t.app.services.tokens.create('desk phone', 'editor', { email });
    const desk = { token: (await t.app.services.tokens.create('desk', 'editor')).token };
    expect((await newPage(token, 'before-disable')).statusCode).toBe(201);

    expect((await post(`/newsroom/users/${editor.userId}/disable`)).statusCode).toBe(303);
    const page = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/newsroom/login');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
      payload: { slug: 'by-session', headline: 'x' },
    });
    expect(api.statusCode).toBe(401);
    expect((await newPage(token, 'after-disable')).statusCode).toBe(401);
    // A token that belongs to nobody is untouched.
    expect((await newPage(desk.token, 'desk-token')).statusCode).toBe(201);
    expect((await formLogin(t.app, email, password)).statusCode).toBe(401);

    expect((await post(`/newsroom/users/${editor.userId}/enable`)).statusCode).toBe(303);
    expect((await formLogin(t.app, email, password)).statusCode).toBe(303);
    // The revoked token stays revoked: a leaked one does not come back with the account.
    expect((await newPage(token, 'after-enable')).statusCode).toBe(401);
    expect(await auditActions(editor.userId)).toEqual(
      expect.arrayContaining(['user.disable', 'user.enable']),
    );
  });

  it('an admin cannot disable their own account', async () => {
    const res = await post(`/newsroom/users/${admin.userId}/disable`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('لا يمكنك إيقاف حسابك');
  });

  it('a reporter cannot disable anyone or make a link', async () => {
    const reporter = await signIn(t.app, 'reporter');
    expect((await post(`/newsroom/users/${admin.userId}/disable`, {}, reporter)).statusCode).toBe(
      403,
    );
    expect(
      (await post(`/newsroom/users/${admin.userId}/reset-link`, {}, reporter)).statusCode,
    ).toBe(403);
  });

  async function makeLink(userId: number): Promise<string> {
    const res = await post(`/newsroom/users/${userId}/reset-link`);
    expect(res.statusCode).toBe(200);
    const url = /value="(http[^"]+\/newsroom\/reset\/[A-Za-z0-9_-]+)"/.exec(res.body)?.[1];
    expect(url).toBeDefined();
    return new URL(url ?? '').pathname;
  }
  const useLink = (path: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: FORM,
      payload: new URLSearchParams(fields).toString(),
    });

  it('a one-time link sets a new password once, ends the sessions, and is stored hashed', async () => {
    const reporter = await signIn(t.app, 'reporter', password);
    const path = await makeLink(reporter.userId);
    const secret = path.split('/').pop() ?? '';
    const stored = await t.app.database.db
      .selectFrom('passwordResetLinks')
      .select('tokenHash')
      .where('userId', '=', reporter.userId)
      .execute();
    expect(stored.map((r) => r.tokenHash)).toContain(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const form = await t.app.inject({ url: path });
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    const differ = await useLink(path, { password: 'كلمة-جديدة-2027', repeat: 'شيء آخر تمامًا' });
    expect(differ.statusCode).toBe(400);
    const fresh = 'كلمة-جديدة-تمامًا-2027';
    const done = await useLink(path, { password: fresh, repeat: fresh, locale: 'en' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your new password is saved');

    const old = await t.app.inject({ url: '/newsroom', headers: { cookie: reporter.cookie } });
    expect(old.statusCode).toBe(303);
    const email = await emailOf(reporter.userId);
    expect((await formLogin(t.app, email, password)).statusCode).toBe(401);
    expect((await formLogin(t.app, email, fresh)).statusCode).toBe(303);

    const again = await useLink(path, { password: 'ثالثة-طويلة-2028', repeat: 'ثالثة-طويلة-2028' });
    expect(again.statusCode).toBe(410);
    expect((await t.app.inject({ url: path })).statusCode).toBe(410);
    expect(await auditActions(reporter.userId)).toEqual(
      expect.arrayContaining(['user.reset_link', 'user.password_reset']),
    );
  });

  it('a link expires, and a newer link voids the older one', async () => {
    const reporter = await signIn(t.app, 'reporter', password);
    const first = await makeLink(reporter.userId);
    const second = await makeLink(reporter.userId);
    expect((await t.app.inject({ url: first })).statusCode).toBe(410);
    expect((await t.app.inject({ url: second })).statusCode).toBe(200);
    clock.advance(24 * 3600_000 + 1000);
    const late = await useLink(second, { password: 'متأخرة-جدًا-2027', repeat: 'متأخرة-جدًا-2027' });
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('انتهت مدته');
    expect(
      (await t.app.inject({ url: '/newsroom/reset/not-a-real-link-at-all-000' })).statusCode,
    ).toBe(410);
  });

  async function emailOf(userId: number): Promise<string> {
    const row = await t.app.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.email;
  }
});
