// Signing in over HTTP. Class 6 (sign-in part) of the hardening issue: the sign-in form carries
// a pre-session token bound to a short-lived cookie, and a post without the pair is refused
// (login CSRF). Class 11: the second step of a two-factor sign-in, recovery codes, and the site
// setting that sends admins and editors to set it up before anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  formLogin,
  loginFormOf,
  sessionCookieOf,
  type TestApp,
} from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from '../access/access.policy.js';

const operator: Actor = { kind: 'user', id: null, name: 'operator', role: 'admin' };
const password = 'كلمة-سر-طويلة-2026';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the sign-in form and its pre-session token', () => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'));
  const email = 'presession@desk.test';

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
    await t.app.services.accounts.createUser(operator, {
      email,
      displayName: 'محررة',
      role: 'editor',
      password,
    });
  });
  afterAll(() => t.close());

  const post = (fields: Record<string, string>, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/newsroom/login',
      headers: { ...FORM, ...(cookie !== undefined && { cookie }) },
      payload: new URLSearchParams({ email, password, locale: 'ar', ...fields }).toString(),
    });

  it('the page sets a pre-session cookie (HttpOnly, SameSite=Lax, Path=/, two hours) and a token in the form', async () => {
    const page = await t.app.inject({ url: '/newsroom/login' });
    const line = String(page.headers['set-cookie']);
    expect(line).toMatch(
      /^ajil_presession=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=7200$/,
    );
    expect(page.body).toMatch(/<input type="hidden" name="_login" value="[^"]+"/);
  });

  it('a sign-in without the pre-session token is refused, with a fresh form and no session', async () => {
    const bare = await post({});
    expect(bare.statusCode).toBe(403);
    expect(sessionCookieOf(bare)).toBe('');
    expect(bare.body).toContain('انتهت صلاحية نموذج الدخول');
    expect(bare.body).toMatch(/name="_login" value="[^"]+"/);
    expect(String(bare.headers['set-cookie'])).toMatch(/^ajil_presession=/);
  });

  it("a token without its cookie, or with another browser's cookie, is refused (a forged sign-in form)", async () => {
    const attacker = await loginFormOf(t.app);
    const victim = await loginFormOf(t.app);
    expect((await post({ _login: attacker.token })).statusCode).toBe(403);
    expect((await post({ _login: attacker.token }, victim.cookie)).statusCode).toBe(403);
    expect((await post({ _login: victim.token }, victim.cookie)).statusCode).toBe(303);
  });

  it('the token expires after two hours', async () => {
    const form = await loginFormOf(t.app);
    clock.advance(2 * 60 * 60 * 1000 + 1000);
    expect((await post({ _login: form.token }, form.cookie)).statusCode).toBe(403);
  });

  it('with the pair the sign-in opens a session and clears the pre-session cookie', async () => {
    const login = await formLogin(t.app, email, password);
    expect(login.statusCode).toBe(303);
    expect(sessionCookieOf(login)).toMatch(/^ajil_session=/);
    const raw = login.headers['set-cookie'];
    const lines = (Array.isArray(raw) ? raw : [raw]).map(String);
    expect(lines.find((l) => l.startsWith('ajil_presession='))).toMatch(/Max-Age=0/);
  });
});

describe('two-factor sign-in over HTTP', () => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-12-02T10:00:05Z'));
  const STEP = 30_000;
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
  });
  afterAll(() => t.close());

  const lines = (response: { headers: Record<string, unknown> }) => {
    const raw = response.headers['set-cookie'];
    return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  };
  const cookieOf = (response: { headers: Record<string, unknown> }, name: string) =>
    lines(response)
      .find((l) => l.startsWith(`${name}=`))
      ?.split(';')[0] ?? '';

  async function person(role: 'admin' | 'editor' | 'reporter') {
    const email = `http${++n}@desk.test`;
    await t.app.services.accounts.createUser(operator, {
      email,
      displayName: `شخص ${n}`,
      role,
      password,
    });
    return email;
  }

  /** Signs in with the password (no two-factor yet); the session cookie and CSRF token. */
  async function session(email: string) {
    const cookie = sessionCookieOf(await formLogin(t.app, email, password));
    const page = await t.app.inject({ url: '/newsroom/account', headers: { cookie } });
    const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return { cookie, csrf };
  }

  const postForm = (url: string, cookie: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, cookie },
      payload: new URLSearchParams(fields).toString(),
    });

  /** Sets two-factor up through the account page; returns the secret and the recovery codes. */
  async function setUp(email: string) {
    const { cookie, csrf } = await session(email);
    expect(
      (await postForm('/newsroom/account/two-factor/start', cookie, { _csrf: csrf })).statusCode,
    ).toBe(303);
    const page = await t.app.inject({ url: '/newsroom/account', headers: { cookie } });
    const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1] ?? '';
    expect(page.body).toContain('otpauth://totp/');
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+"[^>]*alt="رمز QR/);
    const { totpCode } = await import('../access/access.totp.js');
    const done = await postForm('/newsroom/account/two-factor/confirm', cookie, {
      _csrf: csrf,
      code: totpCode(secret, clock.now()),
    });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9-]{19})<\/code>/g)].map((m) => m[1] ?? '');
    expect(codes).toHaveLength(10);
    return { secret, codes, totpCode };
  }

  it('after the password, a second step (pending cookie, not a session); the code opens the session once', async () => {
    const email = await person('reporter');
    const { secret, totpCode } = await setUp(email);
    clock.advance(STEP);
    const first = await formLogin(t.app, email, password);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/newsroom/login/two-factor?lang=ar');
    expect(sessionCookieOf(first)).toBe('');
    const pendingLine = lines(first).find((l) => l.startsWith('ajil_2fa=')) ?? '';
    expect(pendingLine).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=300$/);
    const pending = cookieOf(first, 'ajil_2fa');
    const page = await t.app.inject({
      url: '/newsroom/login/two-factor?lang=ar',
      headers: { cookie: pending },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page.body).toContain('autocomplete="one-time-code"');
    // The pending cookie opens nothing else.
    expect(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: pending } })).headers.location,
    ).toBe('/newsroom/login');
    const code = totpCode(secret, clock.now());
    const wrong = await postForm('/newsroom/login/two-factor', pending, {
      code: '000000',
      locale: 'ar',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('رمز التحقق غير صحيح');
    const right = await postForm('/newsroom/login/two-factor', pending, { code, locale: 'ar' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/newsroom');
    const signedIn = sessionCookieOf(right);
    expect(signedIn).toMatch(/^ajil_session=/);
    expect(lines(right).find((l) => l.startsWith('ajil_2fa='))).toMatch(/Max-Age=0/);
    expect(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: signedIn } })).statusCode,
    ).toBe(200);
    // The same code again, with a fresh pending cookie: refused.
    const again = cookieOf(await formLogin(t.app, email, password), 'ajil_2fa');
    const replay = await postForm('/newsroom/login/two-factor', again, { code, locale: 'ar' });
    expect(replay.statusCode).toBe(401);
    expect(sessionCookieOf(replay)).toBe('');
  });

  it('a recovery code signs in once; the second step without its cookie goes back to sign-in', async () => {
    const email = await person('editor');
    const { codes } = await setUp(email);
    const step = async (code: string) => {
      const pending = cookieOf(
        await formLogin(t.app, email, password, { locale: 'en' }),
        'ajil_2fa',
      );
      return postForm('/newsroom/login/two-factor', pending, { code, locale: 'en' });
    };
    const used = await step(codes[0] ?? '');
    expect(used.statusCode).toBe(303);
    expect(sessionCookieOf(used)).toMatch(/^ajil_session=/);
    const twice = await step(codes[0] ?? '');
    expect(twice.statusCode).toBe(401);
    expect(twice.body).toContain('The code is not correct');
    expect((await t.app.inject('/newsroom/login/two-factor')).headers.location).toBe(
      '/newsroom/login',
    );
    const none = await postForm('/newsroom/login/two-factor', '', {
      code: codes[1] ?? '',
      locale: 'en',
    });
    expect(none.statusCode).toBe(401);
    expect(none.body).toContain('Sign in again');
  });

  it('when the site requires it, an editor without it is sent to set it up before anything else', async () => {
    const admin = await session(await person('admin'));
    const editorEmail = await person('editor');
    const reporter = await session(await person('reporter'));
    const on = await postForm('/newsroom/settings/two-factor', admin.cookie, {
      _csrf: admin.csrf,
      required: '1',
    });
    expect(on.statusCode).toBe(303);
    try {
      // The admin who turned it on has not set it up either.
      const adminDesk = await t.app.inject({ url: '/newsroom', headers: { cookie: admin.cookie } });
      expect(adminDesk.statusCode).toBe(303);
      expect(adminDesk.headers.location).toBe('/newsroom/account');

      const editor = await session(editorEmail);
      for (const url of ['/newsroom', '/newsroom/comments', '/newsroom/login']) {
        const res = await t.app.inject({ url, headers: { cookie: editor.cookie } });
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location).toBe('/newsroom/account');
      }
      const page = await t.app.inject({
        url: '/newsroom/account',
        headers: { cookie: editor.cookie },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('يشترط الموقع التحقق بخطوتين');
      // The API does not act for that session either.
      const api = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: {
          cookie: editor.cookie,
          'x-csrf-token': editor.csrf,
          'content-type': 'application/json',
        },
        payload: { slug: 'not-yet', headline: 'لا' },
      });
      expect(api.statusCode).toBe(401);
      // Reporters are not held.
      expect(
        (await t.app.inject({ url: '/newsroom', headers: { cookie: reporter.cookie } })).statusCode,
      ).toBe(200);

      // Set up: the newsroom opens, and turning it off is not offered.
      await setUp(editorEmail);
      const cookie = editor.cookie;
      expect((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode).toBe(200);
      const account = await t.app.inject({ url: '/newsroom/account', headers: { cookie } });
      expect(account.body).not.toContain('/newsroom/account/two-factor/disable');
    } finally {
      // Through the service: the admin's own pages wait for their set-up too.
      const { settings, accounts } = t.app.services;
      const chief = await accounts.createUser(operator, {
        email: `chief${++n}@desk.test`,
        displayName: 'رئيس',
        role: 'admin',
        password,
      });
      await settings.setTwoFactorRequired(accounts.actorOf(chief), false);
    }
    expect(await t.app.services.settings.twoFactorRequired()).toBe(false);
  });

  it('an admin resets another account: its sessions end and it signs in with the password alone', async () => {
    const admin = await session(await person('admin'));
    const email = await person('reporter');
    const own = await session(email);
    await setUp(email);
    const listed = await t.app.services.accounts.listUsers(operator);
    const id = listed.find((u) => u.email === email)?.id ?? 0;
    expect(listed.find((u) => u.id === id)?.twoFactor).toBe(true);
    const users = await t.app.inject({ url: '/newsroom/users', headers: { cookie: admin.cookie } });
    expect(users.body).toContain(`/newsroom/users/${id}/two-factor/reset`);
    const reset = await postForm(`/newsroom/users/${id}/two-factor/reset`, admin.cookie, {
      _csrf: admin.csrf,
    });
    expect(reset.statusCode).toBe(303);
    const ended = await t.app.inject({ url: '/newsroom', headers: { cookie: own.cookie } });
    expect(ended.headers.location).toBe('/newsroom/login');
    const login = await formLogin(t.app, email, password);
    expect(sessionCookieOf(login)).toMatch(/^ajil_session=/);
    const audit = await t.app.inject({ url: '/newsroom/audit', headers: { cookie: admin.cookie } });
    for (const action of ['two_factor.enable', 'two_factor.reset', 'settings.two_factor_required'])
      expect(audit.body).toContain(action);
  });
});
