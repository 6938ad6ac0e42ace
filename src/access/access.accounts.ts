// People of the newsroom: accounts and sessions in the database (signing in is in
// access.signin.ts). Passwords are hashed with Argon2id; session ids are 256 random bits,
// stored as SHA-256.
import { timingSafeEqual } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { errors } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { isUniqueViolation } from '../storage/storage.database.js';
import { assertCan, type Actor, type Role } from './access.policy.js';
import { audit } from './access.audit.js';
import { createTokenRepository, createUserRepository, type User } from './access.repository.js';
import { normaliseName } from '../lib/text.normalise.js';
import { assertAcceptablePassword } from './access.passwords.js';
import { createSignIn, hashSessionId, normaliseEmail } from './access.signin.js';
import type { Signer } from './access.signing.js';
import type { TwoFactorService } from './access.twofactor.js';

const IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export interface SessionInfo {
  readonly actor: Actor;
  readonly user: User;
  readonly csrfToken: string;
  readonly locale: 'ar' | 'en';
  readonly idHash: string;
  /** Two-factor sign-in is on for this account. */
  readonly twoFactor: boolean;
  /**
   * The site requires two-factor sign-in for this role and it is not set up yet: the person may
   * only set it up (or sign out) until it is.
   */
  readonly mustSetUpTwoFactor: boolean;
}

/**
 * Ends the open staff streams (the live desk) of a session or of an account, on every node. The
 * account service calls it after sign-out, a role change and disabling; so should any other
 * code that ends sessions.
 */
export type EndStreams = (target: { userId?: number; sessionHash?: string }) => Promise<void>;

export function createAccountService({
  db,
  clock,
  siteName,
  signer,
  twoFactor,
  endStreams = () => Promise.resolve(),
}: BaseDeps & {
  readonly endStreams?: EndStreams;
  readonly siteName?: string;
  readonly signer: Signer;
  readonly twoFactor: Pick<TwoFactorService, 'withCode' | 'enabled' | 'requiredFor'>;
}) {
  const users = createUserRepository();
  const tokens = createTokenRepository();

  function actorOf(user: User): Actor {
    return { kind: 'user', id: user.id, name: user.displayName, role: user.role };
  }

  const signIn = createSignIn({ db, clock, signer, twoFactor, actorOf });

  async function insertUser(
    by: Actor,
    input: { email: string; displayName: string; role: Role; password: string },
  ): Promise<User> {
    assertAcceptablePassword(input.password, { siteName, ...input });
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email))
      throw errors.validation([{ field: '/email', message: 'must be an e-mail address' }]);
    const displayName = normaliseName(input.displayName);
    if (displayName === '' || displayName.length > 120) {
      throw errors.validation([{ field: '/displayName', message: 'must be 1 to 120 characters' }]);
    }
    const passwordHash = await hash(input.password);
    const now = clock.now();
    try {
      return await db.transaction().execute(async (trx) => {
        const user = await users.insert(
          trx,
          { email, displayName, role: input.role, passwordHash },
          now,
        );
        await audit(
          trx,
          by,
          {
            action: 'user.create',
            targetType: 'user',
            targetId: user.id,
            after: { email, role: user.role },
          },
          now,
        );
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw errors.conflict('email_taken', {
          ar: 'هذا البريد مسجّل لحساب آخر.',
          en: 'This e-mail already has an account.',
        });
      }
      throw error;
    }
  }

  return {
    actorOf,

    setupOpen: async () => (await users.count(db)) === 0,

    /** The one-time setup: only while no account exists, and only for the first admin. */
    async setupFirstAdmin(input: {
      email: string;
      displayName: string;
      password: string;
    }): Promise<User> {
      if ((await users.count(db)) > 0) throw errors.forbidden();
      const system: Actor = { kind: 'user', id: null, name: 'setup', role: 'admin' };
      return insertUser(system, { ...input, role: 'admin' });
    },

    /** By the CLI (operator) or an admin. */
    async createUser(
      by: Actor,
      input: { email: string; displayName: string; role: Role; password: string },
    ) {
      if (by.kind !== 'user' || by.id !== null) assertCan(by, 'user.manage');
      return insertUser(by, input);
    },

    /** Every account, with whether its two-factor sign-in is on. */
    async listUsers(actor: Actor): Promise<(User & { twoFactor: boolean })[]> {
      assertCan(actor, 'user.manage');
      return users.listWithTwoFactor(db);
    },

    /** A role change applies at once: every request reads the role from the database. */
    async changeRole(actor: Actor, userId: number, role: Role): Promise<void> {
      assertCan(actor, 'user.manage');
      const user = await users.byId(db, userId);
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await users.setRole(trx, userId, role, now);
        // Sessions of the person are renewed: they sign in again under the new role.
        await users.deleteSessionsOf(trx, userId);
        await audit(
          trx,
          actor,
          {
            action: 'user.role',
            targetType: 'user',
            targetId: userId,
            before: { role: user.role },
            after: { role },
          },
          now,
        );
      });
      await endStreams({ userId });
    },

    /**
     * Disabling ends the person's sessions and revokes their API tokens in the same transaction,
     * so their next request, with either, is refused. Enabling lets them sign in again (their
     * revoked tokens stay revoked). An admin cannot disable their own account.
     */
    async setDisabled(actor: Actor, userId: number, disabled: boolean): Promise<void> {
      assertCan(actor, 'user.manage');
      if (disabled && actor.kind === 'user' && actor.id === userId) {
        throw errors.conflict('cannot_disable_self', {
          ar: 'لا يمكنك إيقاف حسابك أنت؛ اطلب ذلك من مدير آخر.',
          en: 'You cannot disable your own account; ask another admin.',
        });
      }
      const user = await users.byId(db, userId);
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await users.setDisabled(trx, userId, disabled, now);
        const revoked = disabled ? await tokens.revokeOwnedBy(trx, userId, now) : 0;
        if (disabled) await users.deleteSessionsOf(trx, userId);
        await audit(
          trx,
          actor,
          {
            action: disabled ? 'user.disable' : 'user.enable',
            targetType: 'user',
            targetId: userId,
            ...(disabled && { after: { tokensRevoked: revoked } }),
          },
          now,
        );
      });
      if (disabled) await endStreams({ userId });
    },

    loginForm: signIn.loginForm,
    login: signIn.login,
    pendingSignIn: signIn.pendingSignIn,
    completeTwoFactor: signIn.completeTwoFactor,

    /** The session behind a cookie value, or undefined when unknown, expired or disabled. */
    async session(sessionId: string | undefined): Promise<SessionInfo | undefined> {
      if (!sessionId || sessionId.length > 100) return undefined;
      const idHash = hashSessionId(sessionId);
      const record = await users.session(db, idHash);
      const now = clock.now();
      if (record?.user.disabledAt !== null) return undefined;
      if (record.expiresAt.getTime() <= now.getTime()) {
        await db.transaction().execute((trx) => users.deleteSession(trx, idHash));
        return undefined;
      }
      if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db
          .transaction()
          .execute((trx) =>
            users.touchSession(trx, idHash, now, new Date(now.getTime() + IDLE_MS)),
          );
      }
      const on = record.twoFactorEnabled;
      return {
        actor: actorOf(record.user),
        user: record.user,
        csrfToken: record.csrfToken,
        locale: record.locale === 'en' ? 'en' : 'ar',
        idHash,
        twoFactor: on,
        mustSetUpTwoFactor: !on && (await twoFactor.requiredFor(record.user.role)),
      };
    },

    async setLocale(session: SessionInfo, locale: 'ar' | 'en'): Promise<void> {
      await db.transaction().execute((trx) => users.setSessionLocale(trx, session.idHash, locale));
    },

    async logout(session: SessionInfo): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await users.deleteSession(trx, session.idHash);
        await audit(
          trx,
          session.actor,
          { action: 'session.logout', targetType: 'user', targetId: session.user.id },
          now,
        );
      });
      await endStreams({ sessionHash: session.idHash });
    },

    /** The setup form: the first admin (only while no account exists), signed in at once. */
    async setupAndLogin(input: {
      email: string;
      displayName: string;
      password: string;
      locale: 'ar' | 'en';
    }): Promise<{ sessionId: string; user: User }> {
      const { email, displayName, password } = input;
      const user = await this.setupFirstAdmin({ email, displayName, password });
      const now = clock.now();
      const sessionId = await db
        .transaction()
        .execute((trx) => signIn.startSession(trx, user, input.locale, now));
      return { sessionId, user };
    },
  };
}

/** Compares a presented CSRF token with the session's, in constant time. */
export function csrfMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type AccountService = ReturnType<typeof createAccountService>;
