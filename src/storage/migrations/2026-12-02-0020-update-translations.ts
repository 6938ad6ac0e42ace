// An update may name its translation: an update of the counterpart live page (Arabic ⇄
// English). The link goes both ways, so each side holds the other's id; null: not translated.
import type { Kysely, Migration } from 'kysely';

export function updateTranslationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('updates').addColumn('translation_id', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('updates').dropColumn('translation_id').execute();
    },
  };
}
