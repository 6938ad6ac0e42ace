// Writes events inside the caller's transaction, and rings the bus after the commit.
import type { Db } from '../storage/storage.database.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { Bus } from './realtime.bus.js';
import { createEventRepository, type EventType } from './realtime.repository.js';

export interface EventDraft {
  readonly type: EventType;
  readonly updateId: number | null;
  /** Builds the JSON sent to readers; called once, inside the transaction, with the new seq. */
  readonly data: (seq: number) => Record<string, unknown>;
}

const events = createEventRepository();

/**
 * Appends the events in order, each with the next sequence number of the page.
 * Returns the page as it stands after the last bump (its lastSeq is the newest event).
 */
export async function recordEvents(
  trx: Db,
  liveblogId: number,
  drafts: readonly EventDraft[],
  now: Date,
): Promise<Liveblog> {
  let liveblog: Liveblog | undefined;
  for (const draft of drafts) {
    liveblog = await events.nextSeq(trx, liveblogId, now, !draft.type.startsWith('comment.'));
    const seq = liveblog.lastSeq;
    await events.insert(trx, {
      liveblogId,
      seq,
      type: draft.type,
      updateId: draft.updateId,
      data: JSON.stringify({ seq, type: draft.type, ...draft.data(seq) }),
      createdAt: now,
    });
  }
  if (liveblog === undefined) throw new Error('recordEvents needs at least one event');
  return liveblog;
}

/** After commit: wake the hubs. A failed ring is logged by the bus and repaired by hub polling. */
export async function ringAfterCommit(bus: Bus, liveblog: Liveblog): Promise<void> {
  await bus.publish({ liveblogId: liveblog.id, seq: liveblog.lastSeq });
}
