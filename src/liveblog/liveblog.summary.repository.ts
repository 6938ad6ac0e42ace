// All SQL about a live page's «what we know so far» box: its versions, newest last.
import type { Db } from '../storage/storage.database.js';
import type { LiveblogSummaryRow } from '../storage/storage.schema.js';
import type { SummaryVersion } from './liveblog.types.js';

function versionFromRow(row: LiveblogSummaryRow): SummaryVersion {
  return {
    id: row.id,
    text: row.body,
    points: row.body === '' ? [] : row.body.split('\n'),
    editorName: row.editorName,
    at: new Date(row.createdAt),
  };
}

export function createSummaryRepository() {
  return {
    async insert(
      db: Db,
      liveblogId: number,
      text: string,
      editor: { name: string; userId: number | null },
      now: Date,
    ): Promise<SummaryVersion> {
      const row = await db
        .insertInto('liveblogSummaries')
        .values({
          liveblogId,
          body: text,
          editorName: editor.name,
          editorUserId: editor.userId,
          createdAt: now.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return versionFromRow(row);
    },

    /** The version readers see now; undefined when the box was never filled. */
    async current(db: Db, liveblogId: number): Promise<SummaryVersion | undefined> {
      const row = await db
        .selectFrom('liveblogSummaries')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? versionFromRow(row) : undefined;
    },

    /** Every version, newest first. */
    async history(db: Db, liveblogId: number, limit: number): Promise<SummaryVersion[]> {
      const rows = await db
        .selectFrom('liveblogSummaries')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(versionFromRow);
    },
  };
}
