// The desk events table: staff-only events numbered site-wide. The number comes from bumping
// the one row of desk_sequence inside the writing transaction; that row lock makes numbers
// visible in commit order, so "everything after N" never misses one that commits later.
import type { Db } from '../storage/storage.database.js';
import type { DeskEventType } from './realtime.desk-events.js';

export interface DeskEvent {
  readonly id: number;
  readonly liveblogId: number | null;
  readonly type: DeskEventType;
  /** JSON text, exactly as sent in the SSE `data:` field. */
  readonly data: string;
}

export function createDeskEventRepository() {
  return {
    /** Takes `count` numbers; returns the last. Run it last in the transaction (the lock). */
    async takeIds(db: Db, count: number): Promise<number> {
      const row = await db
        .updateTable('deskSequence')
        .set((eb) => ({ lastId: eb('lastId', '+', count) }))
        .where('id', '=', 1)
        .returning('lastId')
        .executeTakeFirstOrThrow();
      return row.lastId;
    },

    async insert(db: Db, event: DeskEvent, now: Date): Promise<void> {
      await db
        .insertInto('deskEvents')
        .values({
          id: event.id,
          liveblogId: event.liveblogId,
          type: event.type,
          payload: event.data,
          createdAt: now.toISOString(),
        })
        .execute();
    },

    async after(db: Db, afterId: number, limit: number): Promise<DeskEvent[]> {
      const rows = await db
        .selectFrom('deskEvents')
        .select(['id', 'liveblogId', 'type', 'payload'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        liveblogId: row.liveblogId,
        type: row.type as DeskEventType,
        data: row.payload,
      }));
    },

    async lastId(db: Db): Promise<number> {
      const row = await db
        .selectFrom('deskSequence')
        .select('lastId')
        .where('id', '=', 1)
        .executeTakeFirst();
      return row?.lastId ?? 0;
    },

    /** Desk events older than a moment are of no use to a reconnecting desk. */
    async prune(db: Db, before: Date): Promise<void> {
      await db.deleteFrom('deskEvents').where('createdAt', '<', before.toISOString()).execute();
    },
  };
}
