// Signing in: the sign-in form's pre-session token (against login CSRF), the password step with
// its throttles, and for an account with two-factor sign-in a second step, carried between the
// two by a short-lived signed token that is not a session. A new session id on every sign-in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { AppError } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Db } from '../storage/storage.database.js';
import type { Actor } from './access.policy.js';
import { audit } from './access.audit.js';
import { createUserRepository, type User } from './access.repository.js';
import type { Signer } from './access.signing.js';
import type { SecondFactor, TwoFactorService } from './access.twofactor.js';
import { assertUnderLimits, clearCounter, countFailure } from './access.throttle.js';
import { normaliseLine } from '../lib/text.normalise.js';

const IDLE_MS = 12 * 60 * 60 * 1000;
/** How long a sign-in form stays good (its pre-session cookie lives as long). */
export const LOGIN_FORM_SECONDS = 2 * 60 * 60;
/** How long the second step waits for its code. */
export const PENDING_SECONDS = 5 * 60;
/** Failed attempts per address, whatever the account: slows a sweep across accounts. */
const PER_ADDRESS = 20;
/**
 * Failed attempts per account *from one address*: an attacker elsewhere cannot use up the real
 * user's allowance, so nobody can lock a reporter out of their own newsroom.
 */
const PER_ACCOUNT_AND_ADDRESS = 5;

// Verified against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qp3WzY7nq9Yz2Zk3o0l8sWQm0dXo8yQ2mL1b3l4cZ0E';

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

export function normaliseEmail(email: string): string {
  return normaliseLine(email).toLowerCase();
}

const badLogin = () =>
  new AppError(401, 'login_failed', {
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    en: 'The e-mail or password is not correct.',
  });

export const loginFormExpired = () =>
  new AppError(403, 'login_form_expired', {
    ar: 'انتهت صلاحية نموذج الدخول أو لم يصدر من هذا الموقع. أعدنا تحميله، فحاول مجددًا.',
    en: 'The sign-in form has expired or did not come from this site. It has been reloaded: try again.',
  });

export const pendingExpired = () =>
  new AppError(401, 'two_factor_expired', {
    ar: 'انتهت مهلة خطوة التحقق. سجّل الدخول من جديد.',
    en: 'The verification step has timed out. Sign in again.',
  });

const badSecondFactor = () =>
  new AppError(401, 'two_factor_failed', {
    ar: 'رمز التحقق غير صحيح أو انتهت صلاحيته أو استُخدم من قبل.',
    en: 'The code is not correct, has expired or was already used.',
  });

type Locale = 'ar' | 'en';

export type SignInStep =
  | { readonly step: 'session'; readonly sessionId: string; readonly user: User }
  | { readonly step: 'two-factor'; readonly pending: string; readonly locale: Locale };

const NONCE = /^[A-Za-z0-9_-]{43}$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSignIn({
  db,
  clock,
  signer,
  twoFactor,
  actorOf,
}: BaseDeps & {
  readonly signer: Signer;
  readonly twoFactor: Pick<TwoFactorService, 'withCode' | 'enabled'>;
  readonly actorOf: (user: User) => Actor;
}) {
  const users = createUserRepository();

  /** Opens a session; call it inside the transaction that decided the person may sign in. */
  async function startSession(
    trx: Db,
    user: User,
    locale: Locale,
    now: Date,
    secondFactor?: SecondFactor,
  ): Promise<string> {
    const sessionId = randomBytes(32).toString('base64url');
    await users.insertSession(
      trx,
      {
        idHash: hashSessionId(sessionId),
        userId: user.id,
        csrfToken: randomBytes(32).toString('base64url'),
        locale,
        expiresAt: new Date(now.getTime() + IDLE_MS),
      },
      now,
    );
    await audit(
      trx,
      actorOf(user),
      {
        action: 'session.login',
        targetType: 'user',
        targetId: user.id,
        ...(secondFactor && { after: { twoFactor: secondFactor } }),
      },
      now,
    );
    if (secondFactor === 'recovery') {
      await audit(
        trx,
        actorOf(user),
        { action: 'two_factor.recovery_used', targetType: 'user', targetId: user.id },
        now,
      );
    }
    return sessionId;
  }

  /**
   * The sign-in form's pre-session pair: a nonce for its cookie (the presented one when it is
   * well-formed, so several tabs share it) and the form's token, signed and bound to it.
   */
  async function loginForm(
    presented: string | undefined,
  ): Promise<{ nonce: string; token: string }> {
    const nonce =
      presented && NONCE.test(presented) ? presented : randomBytes(32).toString('base64url');
    const expires = new Date(clock.now().getTime() + LOGIN_FORM_SECONDS * 1000);
    return { nonce, token: await signer.sign('login-form', [nonce], expires) };
  }

  /**
   * The password step. Refuses a form without its pre-session token first, then checks the
   * throttles and the password. Opens a session, or for an account with two-factor sign-in
   * hands back the pending token of the second step.
   */
  async function login(input: {
    email: string;
    password: string;
    address: string;
    locale: Locale;
    form: { readonly nonce: string | undefined; readonly token: string | undefined };
  }): Promise<SignInStep> {
    const now = clock.now();
    const fields = input.form.token
      ? await signer.verify('login-form', input.form.token, now)
      : undefined;
    if (!fields?.[0] || !input.form.nonce || !sameText(fields[0], input.form.nonce))
      throw loginFormExpired();
    const email = normaliseEmail(input.email);
    const accountKey = `login:acct:${email}:${input.address}`;
    const limits = [
      { key: `login:addr:${input.address}`, max: PER_ADDRESS },
      { key: accountKey, max: PER_ACCOUNT_AND_ADDRESS },
    ];
    await assertUnderLimits(db, limits, now);
    const user = await users.byEmail(db, email);
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
    if (!user || !ok || user.disabledAt !== null) {
      await countFailure(db, limits, now);
      throw badLogin();
    }
    await clearCounter(db, accountKey);
    if (await twoFactor.enabled(user.id)) {
      const expires = new Date(now.getTime() + PENDING_SECONDS * 1000);
      const nonce = randomBytes(16).toString('base64url');
      const fieldsOut = [String(user.id), input.locale, nonce];
      const pending = await signer.sign('two-factor-pending', fieldsOut, expires);
      return { step: 'two-factor', pending, locale: input.locale };
    }
    const sessionId = await db
      .transaction()
      .execute((trx) => startSession(trx, user, input.locale, now));
    return { step: 'session', sessionId, user };
  }

  /** The second step's account and language, while its token holds; undefined otherwise. */
  async function pendingSignIn(
    pending: string | undefined,
  ): Promise<{ userId: number; locale: Locale } | undefined> {
    if (!pending) return undefined;
    const fields = await signer.verify('two-factor-pending', pending, clock.now());
    const userId = Number(fields?.[0]);
    if (!fields || !Number.isSafeInteger(userId) || userId <= 0) return undefined;
    return { userId, locale: fields[1] === 'en' ? 'en' : 'ar' };
  }

  /** The second step: a TOTP code or a recovery code; throttled like the password step. */
  async function completeTwoFactor(input: {
    pending: string | undefined;
    code: string;
    address: string;
  }): Promise<{ sessionId: string; user: User }> {
    const step = await pendingSignIn(input.pending);
    const user = step ? await users.byId(db, step.userId) : undefined;
    if (!step || user?.disabledAt !== null) throw pendingExpired();
    const sessionId = await twoFactor.withCode(
      user.id,
      input.code,
      input.address,
      (trx, used, now) => startSession(trx, user, step.locale, now, used),
      badSecondFactor,
    );
    return { sessionId, user };
  }

  return { startSession, loginForm, login, pendingSignIn, completeTwoFactor };
}
