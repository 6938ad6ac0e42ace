// One event, from the stream or from a poll, applied once: events at or below the last sequence
// number applied are skipped (a replay after a reconnect), except a reset.
import type { LivePage } from './live.context.js';
import { commentApproved, commentRemoved, type CommentEventData } from './live.comments.js';
import { liveblogUpdated, type LiveblogEventData } from './live.liveblog.js';
import { setPinned } from './live.place.js';
import {
  correctionArrived,
  summaryChanged,
  type CorrectionEventData,
  type SummaryEventData,
} from './live.trust.js';
import {
  deleted,
  edited,
  published,
  reloadFirstPage,
  type UpdateEventData,
} from './live.updates.js';

export function applyEvent(
  live: LivePage,
  type: string,
  seq: number | undefined,
  raw: unknown,
): void {
  if (seq !== undefined) {
    if (seq <= live.lastEventId && type !== 'reset') return; // already applied
    live.lastEventId = seq;
  }
  const data = raw as UpdateEventData;
  switch (type) {
    case 'update.published':
    case 'update.pinned':
      published(live, data);
      break;
    case 'update.edited':
      edited(live, data);
      correctionArrived(raw as CorrectionEventData);
      break;
    case 'liveblog.summary':
      summaryChanged(raw as SummaryEventData);
      break;
    case 'update.deleted':
      deleted(live, data);
      break;
    case 'update.unpinned':
      setPinned(data, undefined);
      break;
    case 'liveblog.updated':
      liveblogUpdated(live, raw as LiveblogEventData);
      break;
    case 'comment.approved':
      commentApproved(live, raw as CommentEventData);
      break;
    case 'comment.removed':
      commentRemoved(live, raw as { id: number; count: number });
      break;
    case 'reset':
      void reloadFirstPage(live);
      break;
    default:
      break;
  }
}
