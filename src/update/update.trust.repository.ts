// The SQL of an update's trust record that is not a plain change: appending a correction, and the
// page's corrected updates (see trust.md). Part of the update repository.
import type { Db } from '../storage/storage.database.js';
import { storedCorrections } from './update.verification.js';
import { isVisible, type PublishedUpdate, type Update } from './update.types.js';
import { updateFromRow, visible } from './update.rows.repository.js';

export function updateTrustQueries() {
  return {
    /**
     * Adds a correction to the update's ledger. Called inside the edit's transaction after its
     * UPDATE, which holds the row's lock, so no concurrent correction can be lost.
     */
    async appendCorrection(db: Db, update: Update, note: string, now: Date): Promise<Update> {
      const row = await db
        .selectFrom('updates')
        .select('corrections')
        .where('id', '=', update.id)
        .executeTakeFirstOrThrow();
      const entry = { at: now.toISOString(), note, revision: update.revision };
      const corrections = JSON.stringify([...storedCorrections(row.corrections), entry]);
      const changed = await db
        .updateTable('updates')
        .set({ corrections })
        .where('id', '=', update.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return updateFromRow(changed);
    },

    /** The page's visible updates that carry a correction, newest correction first. */
    async corrected(db: Db, liveblogId: number, limit: number): Promise<PublishedUpdate[]> {
      const rows = await visible(db, liveblogId)
        .where('corrections', '!=', '[]')
        .selectAll()
        .orderBy('updatedAt', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },
  };
}
