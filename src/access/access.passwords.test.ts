// Class 4 of the hardening issue: very common and breached passwords, and passwords built on the
// site's or the person's own name, are refused wherever a password is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers.js';
import { COMMON_PASSWORD_COUNT, passwordProblem } from './access.passwords.js';

const operator = { kind: 'user' as const, id: null, name: 'cli', role: 'admin' as const };
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('which passwords are refused', () => {
  const context = {
    siteName: 'عاجل',
    email: 'sara.haddad@newsroom.test',
    displayName: 'سارة حداد',
  };

  it('the list holds at least the 10,000 most common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });

  it.each([
    'password',
    'PASSWORD',
    '12345678',
    'qwertyuiop',
    'iloveyou',
    'Password2026!',
    'football1',
    'trustno1',
  ])('refuses the common %s', (password) => {
    expect(passwordProblem(password, context)).toBe('common');
  });

  it.each([
    'عاجل2026',
    'عاجل-12345',
    'Ajil2026!',
    'sara.haddad1',
    'SaraHaddad99',
    'سارة حداد 1',
    'sara.haddad@newsroom.test',
  ])("refuses %s, built on the site's or the person's name", (password) => {
    expect(passwordProblem(password, context)).toBe('personal');
  });

  it.each(['short', '1234567'])('refuses %s as too short', (password) => {
    expect(passwordProblem(password, context)).toBe('length');
  });

  it.each([
    'كلمة مرور عربية طويلة',
    'a-long-password',
    'horse-lamp-river-7',
    'عاجل هو أسرع موقع للأخبار',
    'validation-rules-are-fun',
    'x'.repeat(128),
  ])('accepts %s', (password) => {
    expect(passwordProblem(password, context)).toBeUndefined();
  });
});

describe('where passwords are set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(undefined, {}, { siteName: 'الخبر اليقين' });
  });
  afterAll(() => t.close());

  it('the setup page refuses a common password with a message in both languages', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      ...form({ email: 'chief@desk.test', displayName: 'رئيس التحرير', password: 'password123' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('شائعة');
    const named = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      ...form({ email: 'chief@desk.test', displayName: 'رئيس التحرير', password: 'اليقين2026' }),
    });
    expect(named.statusCode).toBe(400);
  });

  it('the account service (the CLI and the users page) refuses them too', async () => {
    await expect(
      t.app.services.accounts.createUser(operator, {
        email: 'r@desk.test',
        displayName: 'Rami Khoury',
        role: 'reporter',
        password: 'letmein123',
      }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'password_rejected',
      messages: {
        ar: expect.stringContaining('شائعة') as unknown,
        en: expect.stringContaining('common') as unknown,
      },
    });
    await expect(
      t.app.services.accounts.createUser(operator, {
        email: 'r@desk.test',
        displayName: 'Rami Khoury',
        role: 'reporter',
        password: 'RamiKhoury!',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'password_rejected' });
    await expect(
      t.app.services.accounts.createUser(operator, {
        email: 'r@desk.test',
        displayName: 'Rami Khoury',
        role: 'reporter',
        password: 'lantern-over-the-bay',
      }),
    ).resolves.toMatchObject({ email: 'r@desk.test' });
  });
});
