// The first schema: live pages, explainer sections, updates, events and API tokens.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function initialMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('liveblogs')
        .addColumn('id', idType)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('coverage_start_at', 'text')
        .addColumn('coverage_end_at', 'text')
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('explainer_sections')
        .addColumn('id', idType)
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addUniqueConstraint('explainer_sections_position', ['liveblog_id', 'position'])
        .execute();

      await db.schema
        .createTable('updates')
        .addColumn('id', idType)
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('headline', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('edited_at', 'text')
        .addColumn('deleted_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('updates_stream')
        .on('updates')
        .columns(['liveblog_id', 'status', 'published_at', 'id'])
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('update_id', 'integer')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['liveblog_id', 'seq'])
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', idType)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['api_tokens', 'events', 'updates', 'explainer_sections', 'liveblogs']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
