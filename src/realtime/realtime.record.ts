// Writes events inside the caller's transaction, and rings the bus after the commit: the one
// place where "record the events, commit, then ring" is written.
import type { Db } from '../storage/storage.database.js';
import type { Bus } from './realtime.bus.js';
import { createEventRepository, type EventType, type PageSeq } from './realtime.repository.js';
import { recordDeskEvents, ringDesk, type DeskEventDraft } from './realtime.staff.record.js';

export type { PageSeq } from './realtime.repository.js';

export interface EventDraft {
  readonly type: EventType;
  readonly updateId: number | null;
  /** Builds the JSON sent to readers; called once, inside the transaction, with the new seq. */
  readonly data: (seq: number) => Record<string, unknown>;
}

const events = createEventRepository();

/**
 * Appends the events in order, each with the next sequence number of the page.
 * Returns the page's sequence as it stands after the last bump (its newest event).
 */
export async function recordEvents(
  trx: Db,
  liveblogId: number,
  drafts: readonly EventDraft[],
  now: Date,
): Promise<PageSeq> {
  let page: PageSeq | undefined;
  for (const draft of drafts) {
    page = await events.nextSeq(trx, liveblogId, now, !draft.type.startsWith('comment.'));
    const seq = page.lastSeq;
    await events.insert(trx, {
      liveblogId,
      seq,
      type: draft.type,
      updateId: draft.updateId,
      data: JSON.stringify({ seq, type: draft.type, ...draft.data(seq) }),
      createdAt: now,
    });
  }
  if (page === undefined) throw new Error('recordEvents needs at least one event');
  return page;
}

/** After commit: wake the hubs. A failed ring is logged by the bus and repaired by hub polling. */
export async function ringAfterCommit(bus: Bus, page: PageSeq): Promise<void> {
  await bus.publish({ liveblogId: page.id, seq: page.lastSeq });
}

/** A live page as it stands after its events were recorded (newest seq, touched time). */
export function withSeq<L extends PageSeq>(liveblog: L, page: PageSeq | undefined): L {
  return page ? { ...liveblog, lastSeq: page.lastSeq, updatedAt: page.updatedAt } : liveblog;
}

export interface EventedWork<T> {
  readonly result: T;
  readonly liveblogId: number;
  /** Recorded after the work, in the same transaction; none means nothing to ring. */
  readonly events: readonly EventDraft[];
  /** Staff-only events (the live desk), recorded after the readers' ones; never sent to readers. */
  readonly desk?: readonly DeskEventDraft[];
}

/**
 * Runs `work` in one transaction, records its events in that transaction, commits, and only
 * then rings the bus. The work's first statement must write (SQLite takes its lock there).
 */
export async function commitWithEvents<T>(
  db: Db,
  bus: Bus,
  now: Date,
  work: (trx: Db) => Promise<EventedWork<T>>,
): Promise<{ result: T; page: PageSeq | undefined }> {
  const done = await db.transaction().execute(async (trx) => {
    const { result, liveblogId, events: drafts, desk = [] } = await work(trx);
    const page = drafts.length > 0 ? await recordEvents(trx, liveblogId, drafts, now) : undefined;
    // Last: the desk's sequence row is the one lock every writer shares, held only to the commit.
    const deskId = await recordDeskEvents(trx, desk, now);
    return { result, page, deskId };
  });
  if (done.page) await ringAfterCommit(bus, done.page);
  await ringDesk(bus, done.deskId);
  return { result: done.result, page: done.page };
}
