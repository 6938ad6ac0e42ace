// Names across scripts that search learned from the newsroom's bilingual pages: a Latin
// spelling, the Arabic one it stands for, and on how many page pairs both were seen.
import type { Kysely, Migration } from 'kysely';

export function searchNamesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('search_names')
        .addColumn('latin', 'text', (c) => c.notNull())
        .addColumn('arabic', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_names_pair', ['latin', 'arabic'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('search_names').execute();
    },
  };
}
