// All SQL about API tokens.
import type { Db } from '../storage/storage.database.js';
import type { ApiTokenRow } from '../storage/storage.schema.js';
import type { Role } from './access.policy.js';

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  /** Whom the token belongs to: a person (their account) or a desk; neither for older tokens. */
  readonly ownerUserId: number | null;
  readonly ownerDesk: string | null;
}

/** A new token's owner: a person's account or a desk's name. */
export interface TokenOwner {
  readonly userId?: number;
  readonly desk?: string;
}

function tokenFromRow(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: new Date(row.createdAt),
    lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
    ownerUserId: row.ownerUserId,
    ownerDesk: row.ownerDesk,
  };
}

export function createTokenRepository() {
  return {
    async insert(
      db: Db,
      name: string,
      role: Role,
      tokenHash: string,
      now: Date,
      owner: TokenOwner = {},
    ): Promise<ApiToken> {
      const row = await db
        .insertInto('apiTokens')
        .values({
          name,
          role,
          tokenHash,
          createdAt: now.toISOString(),
          lastUsedAt: null,
          revokedAt: null,
          ownerUserId: owner.userId ?? null,
          ownerDesk: owner.desk ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return tokenFromRow(row);
    },

    /** A token that is not revoked and whose owner, if it has one, is not disabled. */
    async findActiveByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
      const row = await db
        .selectFrom('apiTokens')
        .leftJoin('users', 'users.id', 'apiTokens.ownerUserId')
        .selectAll('apiTokens')
        .where('apiTokens.tokenHash', '=', tokenHash)
        .where('apiTokens.revokedAt', 'is', null)
        .where((eb) =>
          eb.or([eb('apiTokens.ownerUserId', 'is', null), eb('users.disabledAt', 'is', null)]),
        )
        .executeTakeFirst();
      return row ? tokenFromRow(row) : undefined;
    },

    async list(db: Db): Promise<ApiToken[]> {
      const rows = await db.selectFrom('apiTokens').selectAll().orderBy('id').execute();
      return rows.map(tokenFromRow);
    },

    async revoke(db: Db, id: number, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('apiTokens')
        .set({ revokedAt: now.toISOString() })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Revokes every live token of one person; returns how many. */
    async revokeOwnedBy(db: Db, userId: number, now: Date): Promise<number> {
      const result = await db
        .updateTable('apiTokens')
        .set({ revokedAt: now.toISOString() })
        .where('ownerUserId', '=', userId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async touch(db: Db, id: number, now: Date): Promise<void> {
      await db
        .updateTable('apiTokens')
        .set({ lastUsedAt: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
  };
}

// ---- Users -------------------------------------------------------------------------------

export interface User {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

function userFromRow(row: {
  id: number;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    passwordHash: row.passwordHash,
    createdAt: new Date(row.createdAt),
    disabledAt: row.disabledAt === null ? null : new Date(row.disabledAt),
  };
}

export interface SessionRecord {
  readonly user: User;
  readonly csrfToken: string;
  readonly locale: string;
  readonly expiresAt: Date;
  readonly lastSeenAt: Date;
  readonly twoFactorEnabled: boolean;
}

export function createUserRepository() {
  return {
    async count(db: Db): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return row.count;
    },

    async byEmail(db: Db, email: string): Promise<User | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return row ? userFromRow(row) : undefined;
    },

    async byId(db: Db, id: number): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? userFromRow(row) : undefined;
    },

    async list(db: Db): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(userFromRow);
    },

    /** Every account, with whether its two-factor sign-in is on. */
    async listWithTwoFactor(db: Db): Promise<(User & { twoFactor: boolean })[]> {
      const rows = await db
        .selectFrom('users')
        .leftJoin('twoFactor', 'twoFactor.userId', 'users.id')
        .selectAll('users')
        .select('twoFactor.enabledAt as twoFactorEnabledAt')
        .orderBy('users.id')
        .execute();
      return rows.map((row) => ({
        ...userFromRow(row),
        twoFactor: row.twoFactorEnabledAt !== null,
      }));
    },

    async insert(
      db: Db,
      input: { email: string; displayName: string; role: Role; passwordHash: string },
      now: Date,
    ): Promise<User> {
      const at = now.toISOString();
      const row = await db
        .insertInto('users')
        .values({ ...input, createdAt: at, updatedAt: at, disabledAt: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return userFromRow(row);
    },

    async setRole(db: Db, id: number, role: Role, now: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ role, updatedAt: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    async setDisabled(db: Db, id: number, disabled: boolean, now: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ disabledAt: disabled ? now.toISOString() : null, updatedAt: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    // ---- Sessions ----

    async insertSession(
      db: Db,
      input: { idHash: string; userId: number; csrfToken: string; locale: string; expiresAt: Date },
      now: Date,
    ): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          idHash: input.idHash,
          userId: input.userId,
          csrfToken: input.csrfToken,
          locale: input.locale,
          createdAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          expiresAt: input.expiresAt.toISOString(),
        })
        .execute();
    },

    async session(db: Db, idHash: string): Promise<SessionRecord | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .leftJoin('twoFactor', 'twoFactor.userId', 'sessions.userId')
        .select([
          'users.id',
          'users.email',
          'users.displayName',
          'users.role',
          'users.passwordHash',
          'users.createdAt',
          'users.disabledAt',
          'sessions.csrfToken',
          'sessions.locale',
          'sessions.expiresAt',
          'sessions.lastSeenAt',
          'twoFactor.enabledAt as twoFactorEnabledAt',
        ])
        .where('sessions.idHash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        user: userFromRow(row),
        csrfToken: row.csrfToken,
        locale: row.locale,
        expiresAt: new Date(row.expiresAt),
        lastSeenAt: new Date(row.lastSeenAt),
        twoFactorEnabled: row.twoFactorEnabledAt !== null,
      };
    },

    async touchSession(db: Db, idHash: string, now: Date, expiresAt: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
        .where('idHash', '=', idHash)
        .execute();
    },

    async setSessionLocale(db: Db, idHash: string, locale: string): Promise<void> {
      await db.updateTable('sessions').set({ locale }).where('idHash', '=', idHash).execute();
    },

    async deleteSession(db: Db, idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    },

    async deleteSessionsOf(db: Db, userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('userId', '=', userId).execute();
    },

    // ---- Rate limits: fixed windows, counted in the database so every node shares them ----

    /**
     * Adds one hit to `key`; returns the count in the current window and when it ends. One upsert,
     * so the transaction's first statement writes (no read-then-write lock upgrade on SQLite).
     */
    async hit(
      db: Db,
      key: string,
      windowMs: number,
      now: Date,
    ): Promise<{ count: number; resetAt: Date }> {
      const at = now.toISOString();
      const expired = new Date(now.getTime() - windowMs).toISOString();
      const row = await db
        .insertInto('rateLimits')
        .values({ key, windowStart: at, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            count: eb
              .case()
              .when('rateLimits.windowStart', '<=', expired)
              .then(1)
              .else(eb('rateLimits.count', '+', 1))
              .end(),
            windowStart: eb
              .case()
              .when('rateLimits.windowStart', '<=', expired)
              .then(at)
              .else(eb.ref('rateLimits.windowStart'))
              .end(),
          })),
        )
        .returning(['count', 'windowStart'])
        .executeTakeFirstOrThrow();
      return {
        count: row.count,
        resetAt: new Date(new Date(row.windowStart).getTime() + windowMs),
      };
    },

    async peek(
      db: Db,
      key: string,
      windowMs: number,
      now: Date,
    ): Promise<{ count: number; resetAt: Date }> {
      const row = await db
        .selectFrom('rateLimits')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return { count: 0, resetAt: now };
      const start = new Date(row.windowStart);
      if (now.getTime() - start.getTime() >= windowMs) return { count: 0, resetAt: now };
      return { count: row.count, resetAt: new Date(start.getTime() + windowMs) };
    },

    async clear(db: Db, key: string): Promise<void> {
      await db.deleteFrom('rateLimits').where('key', '=', key).execute();
    },
  };
}
