// Class 11 of the hardening issue, in the access kernel: TOTP codes (RFC 6238) within one step
// of now and each usable once, recovery codes usable once, the sign-in's second step and its
// throttle, secrets sealed at rest, and the audit rows of every change. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from './access.policy.js';
import type { User } from './access.repository.js';
import {
  asciiDigits,
  matchingStep,
  normaliseRecoveryCode,
  totpCode,
  TOTP_PERIOD_SECONDS,
} from './access.totp.js';
import { createSecretBox } from './access.secrets.js';

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
const operator: Actor = { kind: 'user', id: null, name: 'operator', role: 'admin' };
const password = 'كلمة-سر-طويلة-2026';

describe('TOTP codes (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  // The SHA-1 key of the RFC's test vectors, "12345678901234567890", in base32.
  const rfcKey = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('gives the codes of the RFC 6238 test vectors (their last six digits)', () => {
    expect(totpCode(rfcKey, new Date(59_000))).toBe('287082');
    expect(totpCode(rfcKey, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(rfcKey, new Date(1_234_567_890_000))).toBe('005924');
    expect(totpCode(rfcKey, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accepts the code of this step and of one step either side, and no further', () => {
    const now = new Date(1_234_567_890_000);
    const step = Math.floor(now.getTime() / STEP_MS);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(rfcKey, new Date(now.getTime() + offset * STEP_MS));
      expect(matchingStep(rfcKey, code, now)).toBe(step + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      const code = totpCode(rfcKey, new Date(now.getTime() + offset * STEP_MS));
      expect(matchingStep(rfcKey, code, now)).toBeUndefined();
    }
    expect(matchingStep(rfcKey, '12345', now)).toBeUndefined();
    expect(matchingStep(rfcKey, 'abcdef', now)).toBeUndefined();
  });

  it('reads Arabic-Indic and Persian digits as ASCII ones', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    const now = new Date(59_000);
    expect(matchingStep(rfcKey, '٢٨٧ ٠٨٢', now)).toBe(1);
    expect(normaliseRecoveryCode('AB٢C-de3f')).toBe('ab2cde3f');
  });
});

describe('sealed secrets', () => {
  it('seals with AES-256-GCM bound to the account, and opens only for that account', () => {
    const box = createSecretBox(Buffer.alloc(32, 9));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 7);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 7)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 8)).toThrow();
    expect(() => createSecretBox(undefined).open(sealed, 7)).toThrow(/TWO_FACTOR_KEY/);
    expect(createSecretBox(undefined).seal('JBSWY3DPEHPK3PXP', 7)).toBe('plain:JBSWY3DPEHPK3PXP');
  });
});

describe.each(engines())('two-factor sign-in ($name)', (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-12-02T09:00:10Z'));
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock }, { twoFactorKey: Buffer.alloc(32, 3) });
  });
  afterAll(() => t.close());

  async function person(role: 'editor' | 'reporter' = 'editor') {
    const email = `tf${++n}@desk.test`;
    const user = await t.app.services.accounts.createUser(operator, {
      email,
      displayName: `شخص ${n}`,
      role,
      password,
    });
    const owner = { actor: t.app.services.accounts.actorOf(user), user };
    return { email, user, owner };
  }

  /** Turns two-factor on; returns the secret and the recovery codes. */
  async function withTwoFactor(owner: { actor: Actor; user: User }) {
    const { twoFactor } = t.app.services;
    await twoFactor.begin(owner);
    const secret = (await twoFactor.status(owner)).pending?.secret ?? '';
    const codes = await twoFactor.confirm(owner, totpCode(secret, clock.now()));
    return { secret, codes };
  }

  async function password1(email: string, address = '192.0.2.1') {
    const { accounts } = t.app.services;
    const form = await accounts.loginForm(undefined);
    return accounts.login({
      email,
      password,
      address,
      locale: 'ar',
      form: { nonce: form.nonce, token: form.token },
    });
  }

  async function pendingOf(email: string): Promise<string> {
    const step = await password1(email);
    if (step.step !== 'two-factor') throw new Error('expected a second step');
    return step.pending;
  }

  const second = (pending: string, code: string, address = '192.0.2.1') =>
    t.app.services.accounts.completeTwoFactor({ pending, code, address });

  it('set-up: a pending secret with its otpauth address, confirmed by a first code; ten recovery codes', async () => {
    const { owner, email } = await person();
    const { twoFactor } = t.app.services;
    await twoFactor.begin(owner);
    const status = await twoFactor.status(owner);
    expect(status.enabled).toBe(false);
    const secret = status.pending?.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(status.pending?.uri ?? '');
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    await expect(twoFactor.confirm(owner, '000000')).rejects.toMatchObject({ status: 400 });
    const codes = await twoFactor.confirm(owner, totpCode(secret, clock.now()));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const after = await twoFactor.status(owner);
    expect(after).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(after.pending).toBeUndefined();
    // Stored sealed, codes only hashed.
    const row = await t.app.database.db
      .selectFrom('twoFactor')
      .selectAll()
      .where('userId', '=', owner.user.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(secret);
    const hashes = await t.app.database.db
      .selectFrom('recoveryCodes')
      .select('codeHash')
      .where('userId', '=', owner.user.id)
      .execute();
    expect(hashes.map((h) => h.codeHash)).not.toContain(normaliseRecoveryCode(codes[0] ?? ''));
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.codeHash))).toBe(true);
  });

  it('the password alone opens no session: the second step takes a code once, never the same step twice', async () => {
    const { owner, email } = await person();
    const { secret } = await withTwoFactor(owner);
    // The code that confirmed the set-up is spent: its step cannot sign in.
    const pending = await pendingOf(email);
    await expect(second(pending, totpCode(secret, clock.now()))).rejects.toMatchObject({
      status: 401,
      code: 'two_factor_failed',
    });
    clock.advance(STEP_MS);
    const code = totpCode(secret, clock.now());
    const done = await second(pending, code);
    expect(done.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(done.user.id).toBe(owner.user.id);
    // Replay: the same code again, on a fresh pending token, is refused.
    await expect(second(await pendingOf(email), code)).rejects.toMatchObject({ status: 401 });
    // An older step (still inside the window) is refused too, once a newer one was used.
    clock.advance(STEP_MS);
    const newer = totpCode(secret, clock.now());
    const older = totpCode(secret, new Date(clock.now().getTime() - STEP_MS));
    await second(await pendingOf(email), newer);
    await expect(second(await pendingOf(email), older)).rejects.toMatchObject({ status: 401 });
    // A code from the previous step is still accepted when no newer one was used.
    clock.advance(STEP_MS * 2);
    const late = totpCode(secret, new Date(clock.now().getTime() - STEP_MS));
    await expect(second(await pendingOf(email), late)).resolves.toMatchObject({
      user: { id: owner.user.id },
    });
  });

  it('two requests with the same code: exactly one signs in', async () => {
    const { owner, email } = await person();
    const { secret } = await withTwoFactor(owner);
    clock.advance(STEP_MS);
    const code = totpCode(secret, clock.now());
    const [a, b] = [await pendingOf(email), await pendingOf(email)];
    const results = await Promise.allSettled([second(a, code), second(b, code)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('a recovery code signs in once; its use is in the audit log', async () => {
    const { owner, email } = await person();
    const { codes } = await withTwoFactor(owner);
    const code = (codes[3] ?? '').toUpperCase().replace(/-/g, ' ');
    await expect(second(await pendingOf(email), code)).resolves.toMatchObject({
      user: { id: owner.user.id },
    });
    await expect(second(await pendingOf(email), codes[3] ?? '')).rejects.toMatchObject({
      status: 401,
    });
    expect((await t.app.services.twoFactor.status(owner)).recoveryCodesLeft).toBe(9);
    const rows = await t.app.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('targetId', '=', String(owner.user.id))
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('two_factor.enable');
    expect(actions.filter((a) => a === 'two_factor.recovery_used')).toHaveLength(1);
  });

  it('the pending token is signed, short-lived and of its own kind', async () => {
    const { owner, email } = await person();
    const { secret } = await withTwoFactor(owner);
    const pending = await pendingOf(email);
    const [id, ...rest] = pending.split('.');
    const forged = [String(Number(id) + 1), ...rest].join('.');
    clock.advance(STEP_MS);
    const code = () => totpCode(secret, clock.now());
    await expect(second(forged, code())).rejects.toMatchObject({ code: 'two_factor_expired' });
    // A sign-in form token is not a pending token.
    const form = await t.app.services.accounts.loginForm(undefined);
    await expect(second(form.token, code())).rejects.toMatchObject({ code: 'two_factor_expired' });
    clock.advance(5 * 60 * 1000 + 1000);
    await expect(second(pending, code())).rejects.toMatchObject({ code: 'two_factor_expired' });
  });

  it('wrong codes are throttled per account: 429 after five, and the right code waits too', async () => {
    const { owner, email } = await person();
    const { secret } = await withTwoFactor(owner);
    const pending = await pendingOf(email);
    for (let i = 0; i < 5; i++)
      await expect(second(pending, '000000', `198.51.100.${i}`)).rejects.toMatchObject({
        status: 401,
      });
    clock.advance(STEP_MS);
    await expect(
      second(pending, totpCode(secret, clock.now()), '198.51.100.9'),
    ).rejects.toMatchObject({ status: 429 });
    clock.advance(15 * 60 * 1000);
    await expect(
      second(await pendingOf(email), totpCode(secret, clock.now())),
    ).resolves.toBeDefined();
  });

  it('turning it off needs a current code; an admin can reset it, ending the sessions', async () => {
    const { twoFactor, accounts } = t.app.services;
    const { owner, email } = await person('reporter');
    const { secret } = await withTwoFactor(owner);
    clock.advance(STEP_MS);
    await expect(twoFactor.disable(owner, '123456')).rejects.toMatchObject({ status: 400 });
    await twoFactor.disable(owner, totpCode(secret, clock.now()));
    expect((await twoFactor.status(owner)).enabled).toBe(false);
    expect((await password1(email)).step).toBe('session');

    await withTwoFactor(owner);
    clock.advance(STEP_MS);
    const admin = await accounts.createUser(operator, {
      email: `admin${++n}@desk.test`,
      displayName: 'مديرة',
      role: 'admin',
      password,
    });
    await expect(twoFactor.reset(owner.actor, owner.user.id)).rejects.toMatchObject({
      status: 403,
    });
    expect(await twoFactor.reset(accounts.actorOf(admin), owner.user.id)).toBe(true);
    expect((await password1(email)).step).toBe('session');
    const actions = await t.app.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', String(owner.user.id))
      .where('action', 'like', 'two_factor.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['two_factor.enable', 'two_factor.disable', 'two_factor.reset']),
    );
  });

  it('the site setting makes it required for admins and editors: no turning off, sessions flagged', async () => {
    const { twoFactor, accounts, settings } = t.app.services;
    const editor = await person('editor');
    const reporter = await person('reporter');
    const admin = await accounts.createUser(operator, {
      email: `admin${++n}@desk.test`,
      displayName: 'مدير',
      role: 'admin',
      password,
    });
    await settings.setTwoFactorRequired(accounts.actorOf(admin), true);
    try {
      const flagged = async (email: string) => {
        const step = await password1(email);
        if (step.step !== 'session') throw new Error('expected a session');
        return (await accounts.session(step.sessionId))?.mustSetUpTwoFactor;
      };
      expect(await flagged(editor.email)).toBe(true);
      expect(await flagged(reporter.email)).toBe(false);
      const { secret } = await withTwoFactor(editor.owner);
      clock.advance(STEP_MS);
      await expect(
        twoFactor.disable(editor.owner, totpCode(secret, clock.now())),
      ).rejects.toMatchObject({ status: 403, code: 'two_factor_required' });
    } finally {
      await settings.setTwoFactorRequired(accounts.actorOf(admin), false);
    }
  });
});
