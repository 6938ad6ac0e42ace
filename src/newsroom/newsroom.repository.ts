// All SQL about API tokens.
import type { Db } from '../storage/storage.database.js';
import type { ApiTokenRow } from '../storage/storage.schema.js';
import type { Role } from './newsroom.policy.js';

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

function tokenFromRow(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: new Date(row.createdAt),
    lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
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
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return tokenFromRow(row);
    },

    async findActiveByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
      const row = await db
        .selectFrom('apiTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
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

    async touch(db: Db, id: number, now: Date): Promise<void> {
      await db
        .updateTable('apiTokens')
        .set({ lastUsedAt: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
  };
}
