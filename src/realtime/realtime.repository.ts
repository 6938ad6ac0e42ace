// The events table: one row per change readers must see, numbered per live page inside the
// same transaction as the change. The number comes from bumping liveblogs.last_seq, which
// takes the page's row lock, so numbers become visible in commit order (no gaps for a tail query).
import type { Db } from '../storage/storage.database.js';

export { EVENT_TYPES, type EventType } from './realtime.events.js';
import type { EventType } from './realtime.events.js';

/** Where a page's event sequence stands: its newest event and when the page last changed. */
export interface PageSeq {
  readonly id: number;
  readonly lastSeq: number;
  readonly updatedAt: Date;
}

export interface LiveEvent {
  readonly liveblogId: number;
  readonly seq: number;
  readonly type: EventType;
  readonly updateId: number | null;
  /** JSON text, exactly as sent to readers in the SSE `data:` field. */
  readonly data: string;
  readonly createdAt: Date;
}

export function createEventRepository() {
  return {
    /** Takes the next sequence number of the page; must run inside the writing transaction. */
    /** `touch`: the change is to the coverage itself (not a reader's comment): the page is updated. */
    async nextSeq(db: Db, liveblogId: number, now: Date, touch = true): Promise<PageSeq> {
      const row = await db
        .updateTable('liveblogs')
        .set((eb) => ({
          lastSeq: eb('lastSeq', '+', 1),
          ...(touch && { updatedAt: now.toISOString() }),
        }))
        .where('id', '=', liveblogId)
        .returning(['id', 'lastSeq', 'updatedAt'])
        .executeTakeFirstOrThrow();
      return { id: row.id, lastSeq: row.lastSeq, updatedAt: new Date(row.updatedAt) };
    },

    async insert(db: Db, event: LiveEvent): Promise<void> {
      await db
        .insertInto('events')
        .values({
          liveblogId: event.liveblogId,
          seq: event.seq,
          type: event.type,
          updateId: event.updateId,
          payload: event.data,
          createdAt: event.createdAt.toISOString(),
        })
        .execute();
    },

    async after(db: Db, liveblogId: number, afterSeq: number, limit: number): Promise<LiveEvent[]> {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        liveblogId: row.liveblogId,
        seq: row.seq,
        type: row.type as EventType,
        updateId: row.updateId,
        data: row.payload,
        createdAt: new Date(row.createdAt),
      }));
    },

    /** The newest seq of each of these pages (a page that no longer exists is left out). */
    async lastSeqs(db: Db, liveblogIds: readonly number[]): Promise<Map<number, number>> {
      const seqs = new Map<number, number>();
      for (let i = 0; i < liveblogIds.length; i += 500) {
        const rows = await db
          .selectFrom('liveblogs')
          .select(['id', 'lastSeq'])
          .where('id', 'in', liveblogIds.slice(i, i + 500))
          .execute();
        for (const row of rows) seqs.set(row.id, row.lastSeq);
      }
      return seqs;
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
