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
