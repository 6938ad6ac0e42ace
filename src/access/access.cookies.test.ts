// Class 5 of the hardening issue: every cookie is set once per response, and over TLS the
// sign-in's cookies take the __Host- prefix (Secure, Path=/, no Domain); each mode reads only its
// own cookie name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, formLogin, type TestApp } from '../../test/helpers.js';
import type { Actor } from './access.policy.js';

const operator: Actor = { kind: 'user', id: null, name: 'operator', role: 'admin' };
const password = 'كلمة-سر-طويلة-2026';

const setCookies = (headers: Record<string, unknown>): string[] => {
  const raw = headers['set-cookie'];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
};
const names = (lines: readonly string[]) => lines.map((line) => line.slice(0, line.indexOf('=')));

async function person(app: FastifyInstance, email: string): Promise<void> {
  await app.services.accounts.createUser(operator, {
    email,
    displayName: 'محررة الاختبار',
    role: 'editor',
    password,
  });
}

describe('cookies over plain HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await person(t.app, 'plain@desk.test');
    await t.app.services.liveblogs.create(operator, { slug: 'cookies', headline: 'كعكات' });
  });
  afterAll(() => t.close());

  it('a sign-in sends each cookie once', async () => {
    const login = await formLogin(t.app, 'plain@desk.test', password);
    expect(login.statusCode).toBe(303);
    const lines = setCookies(login.headers);
    expect(names(lines)).toContain('ajil_session');
    expect(new Set(names(lines)).size).toBe(lines.length);
  });

  it('a comment post sends its cookie once', async () => {
    // The reader opens the page (the same bytes for everyone), then starts writing.
    expect(
      (await t.app.inject({ url: '/live/cookies', remoteAddress: '192.0.2.40' })).statusCode,
    ).toBe(200);
    const token = (await t.app.inject('/live/cookies/comments/token')).json<{ token: string }>()
      .token;
    const post = await t.app.inject({
      method: 'POST',
      url: '/live/cookies/comments',
      remoteAddress: '192.0.2.40',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: 'قارئ', text: 'تعليق واحد فقط', t: token }).toString(),
    });
    expect(post.statusCode).toBe(303);
    const lines = setCookies(post.headers);
    expect(names(lines)).toEqual(['ajil_cid']);
  });

  it('a cookie that is not valid percent-encoding counts as absent, never a server error', async () => {
    const cookie = 'ajil_session=%E0%A4%A; ajil_consent=%; ajil_cid=%zz';
    for (const url of ['/live/cookies', '/newsroom/login', '/consent']) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode).toBeLessThan(400);
    }
  });

  it('reads only the plain name: a __Host- cookie is not a session over HTTP', async () => {
    const login = await formLogin(t.app, 'plain@desk.test', password);
    const value = /ajil_session=([^;]+)/.exec(setCookies(login.headers).join('\n'))?.[1] ?? '';
    const plain = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: `ajil_session=${value}` },
    });
    expect(plain.statusCode).toBe(200);
    const prefixed = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: `__Host-ajil_session=${value}` },
    });
    expect(prefixed.headers.location).toBe('/newsroom/login');
  });
});

describe('cookies over TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(undefined, {}, { publicUrl: 'https://news.example' });
    await person(t.app, 'tls@desk.test');
  });
  afterAll(() => t.close());

  it('the session cookie is __Host-ajil_session: Secure, Path=/, no Domain', async () => {
    const login = await formLogin(t.app, 'tls@desk.test', password);
    expect(login.statusCode).toBe(303);
    const session = setCookies(login.headers).find((line) =>
      line.startsWith('__Host-ajil_session='),
    );
    expect(session).toBeDefined();
    const attributes = (session ?? '').split('; ').slice(1);
    expect(attributes).toContain('Secure');
    expect(attributes).toContain('Path=/');
    expect(attributes).toContain('HttpOnly');
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    for (const line of setCookies(login.headers)) expect(line).toMatch(/^__Host-/);
  });

  it('reads only the __Host- name over TLS', async () => {
    const login = await formLogin(t.app, 'tls@desk.test', password);
    const value =
      /__Host-ajil_session=([^;]+)/.exec(setCookies(login.headers).join('\n'))?.[1] ?? '';
    const prefixed = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: `__Host-ajil_session=${value}` },
    });
    expect(prefixed.statusCode).toBe(200);
    const plain = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: `ajil_session=${value}` },
    });
    expect(plain.headers.location).toBe('/newsroom/login');
  });
});
