// All SQL about idempotency keys (table `idempotency_keys`, migration 0013).
import type { Db } from '../storage/storage.database.js';

/** The answer a completed key replays. */
export interface StoredAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface KeyRecord {
  readonly fingerprint: string;
  /** Undefined while the first request with the key is still running. */
  readonly answer: StoredAnswer | undefined;
}

export function createIdempotencyRepository() {
  return {
    /** Removes every record whose time is up. */
    async prune(db: Db, now: Date): Promise<void> {
      await db.deleteFrom('idempotencyKeys').where('expiresAt', '<=', now.toISOString()).execute();
    },

    /**
     * Claims the key for a request that is about to run: true if this call made the row, false
     * if the key already has one (the primary key lets exactly one concurrent claim through).
     */
    async claim(
      db: Db,
      claim: { scope: string; key: string; fingerprint: string; now: Date; expiresAt: Date },
    ): Promise<boolean> {
      const row = await db
        .insertInto('idempotencyKeys')
        .values({
          scope: claim.scope,
          key: claim.key,
          fingerprint: claim.fingerprint,
          state: 'pending',
          responseStatus: null,
          responseHeaders: null,
          responseBody: null,
          createdAt: claim.now.toISOString(),
          expiresAt: claim.expiresAt.toISOString(),
        })
        .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The record of a key that has not expired. */
    async find(db: Db, scope: string, key: string, now: Date): Promise<KeyRecord | undefined> {
      const row = await db
        .selectFrom('idempotencyKeys')
        .select(['fingerprint', 'state', 'responseStatus', 'responseHeaders', 'responseBody'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('expiresAt', '>', now.toISOString())
        .executeTakeFirst();
      if (!row) return undefined;
      const done = row.state === 'done' && row.responseStatus !== null;
      return {
        fingerprint: row.fingerprint,
        answer: done
          ? {
              status: row.responseStatus ?? 0,
              headers: JSON.parse(row.responseHeaders ?? '{}') as Record<string, string>,
              body: row.responseBody ?? '',
            }
          : undefined,
      };
    },

    /** Stores the answer of the request that holds the claim. */
    async complete(db: Db, scope: string, key: string, answer: StoredAnswer): Promise<void> {
      await db
        .updateTable('idempotencyKeys')
        .set({
          state: 'done',
          responseStatus: answer.status,
          responseHeaders: JSON.stringify(answer.headers),
          responseBody: answer.body,
        })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .execute();
    },

    /** Gives the key up after a request that failed, so that a retry runs it afresh. */
    async release(db: Db, scope: string, key: string): Promise<void> {
      await db
        .deleteFrom('idempotencyKeys')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .execute();
    },
  };
}
