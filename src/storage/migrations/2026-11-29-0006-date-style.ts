// How a page writes its dates, when it differs from the site's setting (JSON, or null).
import type { Kysely, Migration } from 'kysely';

export function dateStyleMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('liveblogs').addColumn('date_style', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('liveblogs').dropColumn('date_style').execute();
    },
  };
}
