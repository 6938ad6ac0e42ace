// Bylines and contributors. An update's byline is the name readers see under it, chosen
// explicitly (null: none); `author_name` stays the desk's record of who wrote it. Contributors
// are everyone who worked on it (JSON: name, role, newsroom account). Revisions keep both. An
// API token belongs to a person (owner_user_id) or a desk (owner_desk).
//
// Existing updates keep the byline they showed, except those published through a token with no
// author given: their author_name was the token's name, which readers are no longer shown.
import { sql, type Kysely, type Migration } from 'kysely';

export function bylinesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of ['updates', 'update_revisions']) {
        await db.schema.alterTable(table).addColumn('byline', 'text').execute();
        await db.schema
          .alterTable(table)
          .addColumn('contributors', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
      }
      await sql`UPDATE updates SET byline = author_name
        WHERE author_user_id IS NOT NULL
           OR author_name NOT IN (SELECT name FROM api_tokens)`.execute(db);
      await sql`UPDATE update_revisions SET byline = (
        SELECT updates.byline FROM updates WHERE updates.id = update_revisions.update_id)`.execute(
        db,
      );
      await db.schema
        .alterTable('api_tokens')
        .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.alterTable('api_tokens').addColumn('owner_desk', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('api_tokens').dropColumn('owner_desk').execute();
      await db.schema.alterTable('api_tokens').dropColumn('owner_user_id').execute();
      for (const table of ['update_revisions', 'updates']) {
        await db.schema.alterTable(table).dropColumn('contributors').execute();
        await db.schema.alterTable(table).dropColumn('byline').execute();
      }
    },
  };
}
