// Writes staff (desk) events inside the caller's transaction and rings the bus after the commit.
// Every audited change to an update becomes one desk event (deskEventOfAudit), so drafts
// submitted and returned, publishes, edits, deletions and scheduled updates going out reach the
// desk by the same path as readers' events, and never the readers' table.
import type { Db } from '../storage/storage.database.js';
import type { Bus } from './realtime.bus.js';
import type { DeskAudience, DeskEventData, DeskEventType } from './realtime.desk-events.js';
import { createDeskEventRepository } from './realtime.staff.repository.js';

/** A desk event before it has its number. */
export type DeskEventDraft = Omit<DeskEventData, 'id'>;

const desk = createDeskEventRepository();

/** Records the drafts in order, after everything else the transaction does; returns the last id. */
export async function recordDeskEvents(
  trx: Db,
  drafts: readonly DeskEventDraft[],
  now: Date,
): Promise<number | undefined> {
  if (drafts.length === 0) return undefined;
  const last = await desk.takeIds(trx, drafts.length);
  // Now and then, forget what no reconnecting desk needs (a day is far beyond the replay cap).
  if (Math.random() < 0.01) await desk.prune(trx, new Date(now.getTime() - 86_400_000));
  let id = last - drafts.length;
  for (const draft of drafts) {
    id += 1;
    const data = JSON.stringify({ id, ...draft });
    await desk.insert(trx, { id, liveblogId: draft.liveblogId, type: draft.type, data }, now);
  }
  return last;
}

export async function ringDesk(bus: Bus, lastId: number | undefined): Promise<void> {
  if (lastId !== undefined) await bus.publish({ staff: { desk: lastId } });
}

const FROM_AUDIT: Record<string, { type: DeskEventType; audience: DeskAudience }> = {
  'draft.submit': { type: 'draft.submitted', audience: 'review' },
  'draft.return': { type: 'draft.returned', audience: 'review' },
  'draft.delete': { type: 'draft.deleted', audience: 'review' },
  'update.publish': { type: 'update.published', audience: 'desk' },
  'update.schedule': { type: 'update.scheduled', audience: 'review' },
  'update.edit': { type: 'update.edited', audience: 'desk' },
  'update.delete': { type: 'update.deleted', audience: 'desk' },
};

export interface AuditedUpdate {
  readonly id: number;
  readonly status: string;
  readonly headline: string | null;
  readonly authorUserId: number | null;
}

/** The desk event an audited change to an update makes (none for actions the desk ignores). */
export function deskEventOfAudit(
  action: string,
  by: { id: number | null; name: string },
  liveblog: { id: number; slug: string },
  update: AuditedUpdate,
): DeskEventDraft | undefined {
  const known = FROM_AUDIT[action];
  if (!known) return undefined;
  // An edit of a scheduled update concerns only those who see the queue.
  const audience =
    known.type === 'update.edited' && update.status !== 'published' ? 'review' : known.audience;
  return {
    type: known.type,
    liveblogId: liveblog.id,
    slug: liveblog.slug,
    audience,
    by: { id: by.id, name: by.name },
    updateId: update.id,
    authorId: update.authorUserId,
    headline: update.headline,
  };
}
