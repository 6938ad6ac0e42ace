// The staff's own event log (the live desk): drafts submitted and returned, publishes, edits,
// deletions, scheduled updates going out and comment-queue changes, numbered site-wide. The
// number comes from bumping the one row of desk_sequence inside the writing transaction, so,
// as with a page's last_seq, numbers become visible in commit order and a replay by id never
// misses one. Readers never see this table.
import { sql, type Kysely, type Migration } from 'kysely';

export function deskEventsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('desk_sequence')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO desk_sequence (id, last_id) VALUES (1, 0)`.execute(db);
      await db.schema
        .createTable('desk_events')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('liveblog_id', 'integer')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('desk_events_page')
        .on('desk_events')
        .columns(['liveblog_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('desk_events').execute();
      await db.schema.dropTable('desk_sequence').execute();
    },
  };
}
