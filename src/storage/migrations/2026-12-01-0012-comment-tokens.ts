// Comment forms: each form token is used once (its nonce is kept until the token expires), and
// comments are counted per reader identity (the comment cookie) as well as per address.
import type { Kysely, Migration } from 'kysely';

export function commentTokensMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comment_form_tokens')
        .addColumn('nonce', 'text', (c) => c.primaryKey())
        .addColumn('liveblog_id', 'integer', (c) => c.notNull())
        .addColumn('used_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('comment_form_tokens_used')
        .on('comment_form_tokens')
        .column('used_at')
        .execute();
      await db.schema
        .createIndex('comments_identity')
        .on('comments')
        .columns(['cookie_key', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('comments_identity').execute();
      await db.schema.dropTable('comment_form_tokens').execute();
    },
  };
}
