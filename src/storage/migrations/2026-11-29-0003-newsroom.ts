// The newsroom: people and their sessions, login throttling, the audit log, the revisions of
// every update, and the columns drafts, submission and scheduling need on updates.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function newsroomMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', idType)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', idType)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();

      await db.schema
        .createTable('update_revisions')
        .addColumn('id', idType)
        .addColumn('update_id', 'integer', (c) =>
          c.notNull().references('updates.id').onDelete('cascade'),
        )
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('headline', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('flags', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('editor_user_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('update_revisions_update')
        .on('update_revisions')
        .columns(['update_id', 'revision'])
        .execute();

      await db.schema.alterTable('updates').addColumn('author_user_id', 'integer').execute();
      await db.schema.alterTable('updates').addColumn('submitted_at', 'text').execute();
      await db.schema.alterTable('updates').addColumn('return_note', 'text').execute();
      await db.schema.alterTable('updates').addColumn('scheduled_at', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['scheduled_at', 'return_note', 'submitted_at', 'author_user_id']) {
        await db.schema.alterTable('updates').dropColumn(column).execute();
      }
      for (const table of ['update_revisions', 'audit_log', 'rate_limits', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
