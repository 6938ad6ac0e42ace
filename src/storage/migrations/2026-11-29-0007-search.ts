// Full-text search: one row per searchable thing (a visible update, an explainer section) with
// the original text for display, and the analysed tokens (src/search/search.analyser.ts) in
// an FTS5 table on SQLite or a tsvector column with a GIN index on PostgreSQL.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseEngine } from '../../platform/platform.config.js';

export function searchMigration(engine: DatabaseEngine): Migration {
  const idType =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('search_documents')
        .addColumn('id', idType)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('liveblog_id', 'integer', (c) =>
          c.notNull().references('liveblogs.id').onDelete('cascade'),
        )
        .addColumn('update_id', 'integer', (c) => c.references('updates.id').onDelete('cascade'))
        .addColumn('section', 'integer')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('indexed_at', 'text', (c) => c.notNull());
      if (engine === 'postgres') {
        table = table.addColumn('document', sql`tsvector`, (c) => c.notNull());
      }
      await table.execute();

      await db.schema
        .createIndex('search_documents_update')
        .on('search_documents')
        .column('update_id')
        .unique()
        .execute();
      await db.schema
        .createIndex('search_documents_section')
        .on('search_documents')
        .columns(['liveblog_id', 'section'])
        .unique()
        .execute();
      await db.schema
        .createIndex('search_documents_filter')
        .on('search_documents')
        .columns(['liveblog_id', 'published_at'])
        .execute();

      if (engine === 'postgres') {
        await db.schema
          .createIndex('search_documents_document')
          .on('search_documents')
          .using('gin')
          .column('document')
          .execute();
        return;
      }
      // head and body hold the analysed tokens: unicode61 without diacritic removal keeps each
      // one whole (they hold only letters or only digits) and changes nothing but case. meta
      // holds filter tokens (page, key event, month), so filters narrow the match inside FTS5
      // before anything is ranked.
      await sql`create virtual table search_fts using fts5(
        head, body, meta, tokenize = 'unicode61 remove_diacritics 0'
      )`.execute(db);
      // Rows that go (deleted, or cascaded from their update or page) leave the FTS index too.
      await sql`create trigger search_documents_fts_delete after delete on search_documents
        begin delete from search_fts where rowid = old.id; end`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (engine === 'sqlite') {
        await sql`drop trigger if exists search_documents_fts_delete`.execute(db);
        await sql`drop table if exists search_fts`.execute(db);
      }
      await db.schema.dropTable('search_documents').execute();
    },
  };
}
