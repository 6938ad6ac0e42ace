// All SQL about one-time password links, and the one write to a password they allow.
import type { Db } from '../storage/storage.database.js';

export interface ResetLinkRecord {
  readonly id: number;
  readonly userId: number;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export function createResetLinkRepository() {
  return {
    async insert(
      db: Db,
      input: { userId: number; tokenHash: string; createdBy: string; expiresAt: Date },
      now: Date,
    ): Promise<void> {
      await db
        .insertInto('passwordResetLinks')
        .values({
          userId: input.userId,
          tokenHash: input.tokenHash,
          createdBy: input.createdBy,
          createdAt: now.toISOString(),
          expiresAt: input.expiresAt.toISOString(),
          usedAt: null,
        })
        .execute();
    },

    /** A new link replaces the person's older ones that were never used. */
    async voidUnusedOf(db: Db, userId: number, now: Date): Promise<void> {
      await db
        .updateTable('passwordResetLinks')
        .set({ usedAt: now.toISOString() })
        .where('userId', '=', userId)
        .where('usedAt', 'is', null)
        .execute();
    },

    async byHash(db: Db, tokenHash: string): Promise<ResetLinkRecord | undefined> {
      const row = await db
        .selectFrom('passwordResetLinks')
        .select(['id', 'userId', 'expiresAt', 'usedAt'])
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        userId: row.userId,
        expiresAt: new Date(row.expiresAt),
        usedAt: row.usedAt === null ? null : new Date(row.usedAt),
      };
    },

    /** Spends the link if it is still unused and unexpired; true when this call spent it. */
    async claim(db: Db, id: number, now: Date): Promise<boolean> {
      const at = now.toISOString();
      const result = await db
        .updateTable('passwordResetLinks')
        .set({ usedAt: at })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setPasswordHash(db: Db, userId: number, passwordHash: string, now: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ passwordHash, updatedAt: now.toISOString() })
        .where('id', '=', userId)
        .execute();
    },
  };
}
