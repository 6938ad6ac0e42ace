// Two-factor sign-in: one TOTP secret per account (pending until its first code confirms it),
// the last time step a code was accepted for (so no code is taken twice), and the account's
// recovery codes, stored as SHA-256 and spent once.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function twoFactorMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('two_factor')
        .addColumn('user_id', 'integer', (c) =>
          c.primaryKey().references('users.id').onDelete('cascade'),
        )
        // Sealed with TWO_FACTOR_KEY when one is configured (see access.secrets.ts).
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('enabled_at', 'text')
        .addColumn('last_used_step', 'integer')
        .execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', idType)
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('recovery_codes_user_hash')
        .on('recovery_codes')
        .columns(['user_id', 'code_hash'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('recovery_codes').execute();
      await db.schema.dropTable('two_factor').execute();
    },
  };
}
