// All SQL of two-factor sign-in: the TOTP secrets, the last accepted time step, the recovery
// codes, the site's sign-in key and the site setting that requires two-factor sign-in.
import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/storage.database.js';

export interface TwoFactorRecord {
  readonly userId: number;
  /** As stored: sealed or marked plain (see access.secrets.ts). */
  readonly secret: string;
  readonly enabledAt: Date | null;
  readonly lastUsedStep: number | null;
}

/** The settings key of «two-factor sign-in is required for admins and editors». */
export const TWO_FACTOR_REQUIRED_KEY = 'two_factor_required';
const SIGN_IN_KEY = 'sign_in_key';

export function createTwoFactorRepository() {
  return {
    async byUser(db: Db, userId: number): Promise<TwoFactorRecord | undefined> {
      const row = await db
        .selectFrom('twoFactor')
        .selectAll()
        .where('userId', '=', userId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        userId: row.userId,
        secret: row.secret,
        enabledAt: row.enabledAt === null ? null : new Date(row.enabledAt),
        lastUsedStep: row.lastUsedStep,
      };
    },

    /** A new pending secret; replaces an earlier pending one, never an enabled one. */
    async putPending(db: Db, userId: number, secret: string, now: Date): Promise<boolean> {
      const result = await db
        .insertInto('twoFactor')
        .values({
          userId,
          secret,
          createdAt: now.toISOString(),
          enabledAt: null,
          lastUsedStep: null,
        })
        .onConflict((oc) =>
          oc
            .column('userId')
            .doUpdateSet({ secret, createdAt: now.toISOString(), lastUsedStep: null })
            .where('twoFactor.enabledAt', 'is', null),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async enable(db: Db, userId: number, step: number, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('twoFactor')
        .set({ enabledAt: now.toISOString(), lastUsedStep: step })
        .where('userId', '=', userId)
        .where('enabledAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Takes a time step for the account when it is newer than the last one taken. One
     * conditional update, so two requests with the same code cannot both win.
     */
    async takeStep(db: Db, userId: number, step: number): Promise<boolean> {
      const result = await db
        .updateTable('twoFactor')
        .set({ lastUsedStep: step })
        .where('userId', '=', userId)
        .where('enabledAt', 'is not', null)
        .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async remove(db: Db, userId: number): Promise<boolean> {
      await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
      const result = await db
        .deleteFrom('twoFactor')
        .where('userId', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async replaceRecoveryCodes(
      db: Db,
      userId: number,
      hashes: readonly string[],
      now: Date,
    ): Promise<void> {
      await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
      await db
        .insertInto('recoveryCodes')
        .values(
          hashes.map((codeHash) => ({
            userId,
            codeHash,
            createdAt: now.toISOString(),
            usedAt: null,
          })),
        )
        .execute();
    },

    /** Spends an unused recovery code; false when there is none with that hash. */
    async spendRecoveryCode(db: Db, userId: number, codeHash: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('recoveryCodes')
        .set({ usedAt: now.toISOString() })
        .where('userId', '=', userId)
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async recoveryCodesLeft(db: Db, userId: number): Promise<number> {
      const row = await db
        .selectFrom('recoveryCodes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('userId', '=', userId)
        .where('usedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return row.count;
    },

    async required(db: Db): Promise<boolean> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', TWO_FACTOR_REQUIRED_KEY)
        .executeTakeFirst();
      return row?.value === 'true';
    },

    /** The key that signs the sign-in's tokens; made once, on first use, kept in the database. */
    async signInKey(db: Db): Promise<string> {
      await db
        .insertInto('settings')
        .values({ key: SIGN_IN_KEY, value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', SIGN_IN_KEY)
        .executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
