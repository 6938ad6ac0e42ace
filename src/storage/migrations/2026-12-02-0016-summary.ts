// «ما نعرفه حتى الآن»: every version of a live page's summary box, newest last. The newest row
// is what readers see; the rows before it are its public history.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function summaryMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('liveblog_summaries')
        .addColumn('id', idType)
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        // Plain text, one point a line; empty when the box was cleared.
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('editor_user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('liveblog_summaries_page')
        .on('liveblog_summaries')
        .columns(['liveblog_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('liveblog_summaries').execute();
    },
  };
}
