// The SQL of translations between a page and its counterpart in the other language. Part of the
// update repository.
import type { Db } from '../storage/storage.database.js';
import { isVisible, type PublishedUpdate } from './update.types.js';
import { updateFromRow, visible } from './update.rows.repository.js';

export function updateTranslationQueries() {
  return {
    /** Published updates not yet linked to a translation, newest first (the "to translate" queue). */
    async untranslated(db: Db, liveblogId: number, limit: number): Promise<PublishedUpdate[]> {
      const rows = await visible(db, liveblogId)
        .selectAll()
        .where('translationId', 'is', null)
        .orderBy('publishedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },
  };
}
