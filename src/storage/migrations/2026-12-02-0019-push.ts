// Web Push for breaking updates: the readers' subscriptions (one row per page followed), the
// VAPID key pair when the operator gave none (made once, shared by every node), each page's
// cursor over its events (a node claims a stretch of events by moving it, so each event is
// handled once however many nodes run) and a record of every push sent, one row per update.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function pushMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('id', idType)
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('p256dh', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('push_subscriptions_page_endpoint')
        .on('push_subscriptions')
        .columns(['liveblog_id', 'endpoint'])
        .unique()
        .execute();
      await db.schema
        .createIndex('push_subscriptions_endpoint')
        .on('push_subscriptions')
        .column('endpoint')
        .execute();
      await db.schema
        .createTable('push_keys')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('push_cursors')
        .addColumn('liveblog_id', 'integer', (c) =>
          c.primaryKey().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('moved_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('push_sends')
        .addColumn('update_id', 'integer', (c) => c.primaryKey())
        .addColumn('liveblog_id', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('push_sends').execute();
      await db.schema.dropTable('push_cursors').execute();
      await db.schema.dropTable('push_keys').execute();
      await db.schema.dropTable('push_subscriptions').execute();
    },
  };
}
