import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, formLogin, signIn, type TestApp } from '../../test/helpers.js';

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('accounts, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('the setup page works only while no account exists, and never with a default password', async () => {
    expect((await t.app.inject('/newsroom/login')).headers.location).toBe('/newsroom/setup');
    const short = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      ...form({ email: 'chief@desk.test', displayName: 'رئيس التحرير', password: 'short' }),
    });
    expect(short.statusCode).toBe(400);
    const made = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      ...form({
        email: 'chief@desk.test',
        displayName: 'رئيس التحرير',
        password: 'كلمة مرور عربية طويلة',
      }),
    });
    expect(made.statusCode).toBe(303);
    expect(String(made.headers['set-cookie'])).toMatch(
      /^ajil_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const again = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      ...form({ email: 'x@desk.test', displayName: 'x', password: 'another-password' }),
    });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/newsroom/login');
    const hash = await t.app.database.db
      .selectFrom('users')
      .select('passwordHash')
      .executeTakeFirstOrThrow();
    expect(hash.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('the login form refuses a post from another site', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/login',
      payload: new URLSearchParams({
        email: 'chief@desk.test',
        password: 'كلمة مرور عربية طويلة',
      }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a state-changing request without a valid CSRF token is refused and changes nothing', async () => {
    const editor = await signIn(t.app, 'editor');
    const attempt = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: { cookie: editor.cookie, 'content-type': 'application/json', ...headers },
        payload: { slug: 'csrf-test', headline: 'x' },
      });
    const none = await attempt({});
    expect(none.statusCode).toBe(403);
    expect(none.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
    expect((await attempt({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/liveblogs/csrf-test')).statusCode).toBe(404);
    const formPost = await t.app.inject({
      method: 'POST',
      url: '/newsroom/liveblogs',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'slug=csrf-form&headline=x',
    });
    expect(formPost.statusCode).toBe(403);
    expect((await attempt({ 'x-csrf-token': editor.csrf })).statusCode).toBe(201);
  });

  it('a session cookie stops working after logout', async () => {
    const reporter = await signIn(t.app, 'reporter');
    expect(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: reporter.cookie } })).statusCode,
    ).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/newsroom/logout',
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf },
    });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await t.app.inject({ url: '/newsroom', headers: { cookie: reporter.cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/newsroom/login');
    const api = await t.app.inject({
      url: '/api/v1/liveblogs/csrf-test/drafts',
      headers: { cookie: reporter.cookie },
    });
    expect(api.statusCode).toBe(401);
  });

  it('each login gets a new session id', async () => {
    const a = await signIn(t.app, 'editor', 'same-password-1');
    const email = (await t.app.services.accounts.session(a.cookie.split('=')[1]))?.user.email ?? '';
    const again = await t.app.inject({
      method: 'POST',
      url: '/newsroom/login',
      ...form({ email, password: 'same-password-1' }),
    });
    expect(String(again.headers['set-cookie']).split(';')[0]).not.toBe(a.cookie);
  });

  it('a role change takes effect at once', async () => {
    const editor = await signIn(t.app, 'editor');
    const chief = await signIn(t.app, 'admin');
    expect(
      (
        await t.app.inject({
          url: '/newsroom/liveblogs/csrf-test',
          headers: { cookie: editor.cookie },
        })
      ).statusCode,
    ).toBe(200);
    const change = await t.app.inject({
      method: 'POST',
      url: `/newsroom/users/${editor.userId}/role`,
      headers: { cookie: chief.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ role: 'reporter', _csrf: chief.csrf }).toString(),
    });
    expect(change.statusCode).toBe(303);
    const publish = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/csrf-test/updates',
      headers: {
        cookie: editor.cookie,
        'x-csrf-token': editor.csrf,
        'content-type': 'application/json',
      },
      payload: { text: 'بعد تغيير الدور' },
    });
    expect([401, 403]).toContain(publish.statusCode);
  });

  it('login attempts beyond the limit get 429, the same message for a wrong user and a wrong password, and the real user is not locked out', async () => {
    await signIn(t.app, 'reporter', 'the-real-password');
    const users = await t.app.services.accounts.listUsers({
      kind: 'user',
      id: null,
      name: 'x',
      role: 'admin',
    });
    const email = users.filter((u) => u.role === 'reporter').at(-1)?.email ?? '';
    const tryLogin = (address: string, fields: { email: string; password: string }) =>
      formLogin(t.app, fields.email, fields.password, { remoteAddress: address });
    const unknown = await tryLogin('203.0.113.9', {
      email: 'nobody@desk.test',
      password: 'whatever-password',
    });
    const wrong = await tryLogin('203.0.113.9', { email, password: 'wrong-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const message = (body: string) =>
      /<p class="form-error" role="alert">([^<]+)<\/p>/.exec(body)?.[1];
    expect(message(unknown.body)).toBe(message(wrong.body));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await tryLogin('203.0.113.9', { email, password: `wrong-${i}-password` })).statusCode,
      );
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    const limited = await tryLogin('203.0.113.9', { email, password: 'the-real-password' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The attacker's address is throttled; the reporter at their own desk is not.
    const real = await tryLogin('198.51.100.20', { email, password: 'the-real-password' });
    expect(real.statusCode).toBe(303);
  });
});
