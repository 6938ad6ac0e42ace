// Two-factor sign-in for newsroom accounts: set up from the account's own page (a pending secret
// confirmed by its first code, then ten recovery codes shown once), checked at sign-in, turned
// off by its owner with a code, reset by an admin. Required for admins and editors when the
// site setting says so. Every change is in the audit log.
import type { BaseDeps } from '../platform/platform.deps.js';
import { AppError, errors } from '../platform/platform.errors.js';
import type { Db } from '../storage/storage.database.js';
import { assertCan, type Actor, type Role } from './access.policy.js';
import { audit } from './access.audit.js';
import { createUserRepository, type User } from './access.repository.js';
import { createTwoFactorRepository } from './access.twofactor.repository.js';
import type { SecretBox } from './access.secrets.js';
import { normaliseEmail } from './access.signin.js';
import { assertUnderLimits, clearCounter, countFailure, type Limit } from './access.throttle.js';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
} from './access.totp.js';

/** Whose account: the signed-in person. */
export interface Owner {
  readonly actor: Actor;
  readonly user: User;
}

export interface TwoFactorStatus {
  readonly enabled: boolean;
  /** A secret waiting for its first code: shown so the person can add it to an app. */
  readonly pending?: { readonly secret: string; readonly uri: string };
  readonly recoveryCodesLeft: number;
  /** The site requires two-factor sign-in for this person's role. */
  readonly required: boolean;
}

export type SecondFactor = 'totp' | 'recovery';

const REQUIRED_ROLES: readonly Role[] = ['admin', 'editor'];
/**
 * Wrong second-factor codes per account, from anywhere (whoever tries already has the password
 * or a session), and per address: five tries in 15 minutes leave a guesser of a 6-digit code
 * about one chance in 70,000 a window.
 */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

export const wrongCode = () =>
  new AppError(400, 'two_factor_code_wrong', {
    ar: 'رمز التحقق غير صحيح أو انتهت صلاحيته أو استُخدم من قبل.',
    en: 'The code is not correct, has expired or was already used.',
  });

const alreadyOn = () =>
  errors.conflict('two_factor_on', {
    ar: 'التحقق بخطوتين مفعّل لهذا الحساب.',
    en: 'Two-factor sign-in is already on for this account.',
  });

const requiredForRole = () =>
  new AppError(403, 'two_factor_required', {
    ar: 'يشترط الموقع التحقق بخطوتين لهذا الدور، فلا يمكن إيقافه.',
    en: 'The site requires two-factor sign-in for this role, so it cannot be turned off.',
  });

export function createTwoFactorService({
  db,
  clock,
  box,
  issuer,
}: BaseDeps & { readonly box: SecretBox; readonly issuer: string }) {
  const store = createTwoFactorRepository();
  const users = createUserRepository();

  async function requiredFor(role: Role | null): Promise<boolean> {
    return role !== null && REQUIRED_ROLES.includes(role) && (await store.required(db));
  }

  /**
   * Checks a code for an account with two-factor on: a TOTP code of a step not yet used, or an
   * unused recovery code, which is spent. Call it inside the transaction of what it allows.
   */
  async function check(
    trx: Db,
    userId: number,
    code: string,
    now: Date,
  ): Promise<SecondFactor | undefined> {
    const record = await store.byUser(trx, userId);
    if (!record?.enabledAt) return undefined;
    if (looksLikeRecoveryCode(code)) {
      const spent = await store.spendRecoveryCode(trx, userId, hashRecoveryCode(code), now);
      return spent ? 'recovery' : undefined;
    }
    const step = matchingStep(box.open(record.secret, userId), code, now);
    if (step === undefined) return undefined;
    return (await store.takeStep(trx, userId, step)) ? 'totp' : undefined;
  }

  /**
   * Runs `work` in one transaction with the code's use, when the code is right; throttled per
   * account and address, and a wrong code counts against both.
   */
  async function withCode<T>(
    userId: number,
    code: string,
    address: string | undefined,
    work: (trx: Db, used: SecondFactor, now: Date) => Promise<T>,
    refusal: () => AppError = wrongCode,
  ): Promise<T> {
    const now = clock.now();
    const accountKey = `2fa:acct:${userId}`;
    const limits: Limit[] = [
      { key: accountKey, max: PER_ACCOUNT },
      ...(address === undefined ? [] : [{ key: `2fa:addr:${address}`, max: PER_ADDRESS }]),
    ];
    await assertUnderLimits(db, limits, now);
    const done = await db.transaction().execute(async (trx) => {
      const used = await check(trx, userId, code, now);
      return used ? { value: await work(trx, used, now) } : undefined;
    });
    if (!done) {
      await countFailure(db, limits, now);
      throw refusal();
    }
    await clearCounter(db, accountKey);
    return done.value;
  }

  /** Ten new recovery codes for the account, replacing the old ones; returned once. */
  async function issueRecoveryCodes(trx: Db, userId: number, now: Date): Promise<string[]> {
    const codes = newRecoveryCodes();
    await store.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode), now);
    return codes;
  }

  function ownerId(owner: Owner): number {
    assertCan(owner.actor, 'newsroom.enter');
    return owner.user.id;
  }

  return {
    withCode,
    requiredFor,

    async enabled(userId: number): Promise<boolean> {
      return (await store.byUser(db, userId))?.enabledAt != null;
    },

    async status(owner: Owner): Promise<TwoFactorStatus> {
      const userId = ownerId(owner);
      const record = await store.byUser(db, userId);
      const required = await requiredFor(owner.user.role);
      if (record?.enabledAt) {
        const recoveryCodesLeft = await store.recoveryCodesLeft(db, userId);
        return { enabled: true, recoveryCodesLeft, required };
      }
      if (!record) return { enabled: false, recoveryCodesLeft: 0, required };
      const secret = box.open(record.secret, userId);
      return {
        enabled: false,
        pending: { secret, uri: otpauthUri(secret, owner.user.email, issuer) },
        recoveryCodesLeft: 0,
        required,
      };
    },

    /** A new secret for the account, pending until its first code confirms it. */
    async begin(owner: Owner): Promise<void> {
      const userId = ownerId(owner);
      const sealed = box.seal(newTotpSecret(), userId);
      const now = clock.now();
      const put = await db
        .transaction()
        .execute((trx) => store.putPending(trx, userId, sealed, now));
      if (!put) throw alreadyOn();
    },

    /** The first code turns two-factor sign-in on; returns the recovery codes, shown once. */
    async confirm(owner: Owner, code: string): Promise<string[]> {
      const userId = ownerId(owner);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const record = await store.byUser(trx, userId);
        if (!record) throw wrongCode();
        if (record.enabledAt) throw alreadyOn();
        const step = matchingStep(box.open(record.secret, userId), code, now);
        if (step === undefined || !(await store.enable(trx, userId, step, now))) throw wrongCode();
        const codes = await issueRecoveryCodes(trx, userId, now);
        await audit(
          trx,
          owner.actor,
          { action: 'two_factor.enable', targetType: 'user', targetId: userId },
          now,
        );
        return codes;
      });
    },

    /** New recovery codes (the old ones stop working), after a current code. */
    async renewRecoveryCodes(owner: Owner, code: string): Promise<string[]> {
      const userId = ownerId(owner);
      return withCode(userId, code, undefined, async (trx, used, now) => {
        const codes = await issueRecoveryCodes(trx, userId, now);
        await audit(
          trx,
          owner.actor,
          {
            action: 'two_factor.recovery_codes',
            targetType: 'user',
            targetId: userId,
            after: { with: used },
          },
          now,
        );
        return codes;
      });
    },

    /** The owner turns it off with a current code (or a recovery code); not where required. */
    async disable(owner: Owner, code: string): Promise<void> {
      const userId = ownerId(owner);
      if (await requiredFor(owner.user.role)) throw requiredForRole();
      await withCode(userId, code, undefined, async (trx, used, now) => {
        await store.remove(trx, userId);
        await audit(
          trx,
          owner.actor,
          {
            action: 'two_factor.disable',
            targetType: 'user',
            targetId: userId,
            after: { with: used },
          },
          now,
        );
      });
    },

    /**
     * An admin resets another person's two-factor sign-in (a lost phone and lost codes). Their
     * sessions end; they sign in with the password alone and set it up again when required.
     */
    async reset(admin: Actor, userId: number): Promise<boolean> {
      assertCan(admin, 'user.manage');
      const user = await users.byId(db, userId);
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        if (!(await store.remove(trx, userId))) return false;
        await users.deleteSessionsOf(trx, userId);
        await audit(
          trx,
          admin,
          { action: 'two_factor.reset', targetType: 'user', targetId: userId },
          now,
        );
        return true;
      });
    },

    /** The same by e-mail, for the operator's command line. */
    async resetByEmail(admin: Actor, email: string): Promise<boolean> {
      assertCan(admin, 'user.manage');
      const user = await users.byEmail(db, normaliseEmail(email));
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      return this.reset(admin, user.id);
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
