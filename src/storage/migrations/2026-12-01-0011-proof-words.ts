// The newsroom's own words for proofing: names, places and terms that the Arabic dictionary
// does not know and that editors add so the composer stops marking them.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function proofWordsMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('proof_words')
        .addColumn('id', idType)
        .addColumn('word', 'text', (c) => c.notNull())
        // The word as the proofer compares it (diacritics and tatweel left out).
        .addColumn('folded', 'text', (c) => c.notNull().unique())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('proof_words').execute();
    },
  };
}
