// Readers' comments under moderation, blocked authors, the moderation word list, and the
// site's settings (its secret for keyed hashes lives there, made on first start).
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function commentsMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comments')
        .addColumn('id', idType)
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('folded_text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('held_reason', 'text')
        .addColumn('address_key', 'text', (c) => c.notNull())
        .addColumn('cookie_key', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('moderated_at', 'text')
        .addColumn('moderated_by', 'text')
        .execute();
      await db.schema
        .createIndex('comments_page')
        .on('comments')
        .columns(['liveblog_id', 'status', 'created_at'])
        .execute();
      await db.schema
        .createIndex('comments_author')
        .on('comments')
        .columns(['address_key', 'created_at'])
        .execute();

      await db.schema
        .createTable('comment_blocks')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('moderation_words')
        .addColumn('word', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .alterTable('liveblogs')
        .addColumn('comment_mode', 'text', (c) => c.notNull().defaultTo('pre'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('liveblogs').dropColumn('comment_mode').execute();
      for (const table of ['settings', 'moderation_words', 'comment_blocks', 'comments']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
