// The wire desk: agency items as they arrive (one row per item id, the newest version kept) and
// the drafts made from them, so that an item's embargo follows its drafts to publication.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function wireMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('wire_items')
        .addColumn('id', idType)
        .addColumn('guid', 'text', (c) => c.notNull().unique())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('version_created', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('embargo_until', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('pub_status', 'text', (c) => c.notNull())
        .addColumn('urgency', 'integer')
        .addColumn('original', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('wire_items_version_created')
        .on('wire_items')
        .column('version_created')
        .execute();
      await db.schema
        .createTable('wire_drafts')
        .addColumn('update_id', 'integer', (c) =>
          c.primaryKey().references('updates.id').onDelete('cascade'),
        )
        .addColumn('wire_item_id', 'integer', (c) =>
          c.notNull().references('wire_items.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('wire_drafts_item')
        .on('wire_drafts')
        .column('wire_item_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('wire_drafts').execute();
      await db.schema.dropTable('wire_items').execute();
    },
  };
}
