// A live page may name its counterpart in the other language (Arabic ⇄ English) for hreflang.
import type { Kysely, Migration } from 'kysely';

export function translationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('liveblogs').addColumn('translation_slug', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('liveblogs').dropColumn('translation_slug').execute();
    },
  };
}
