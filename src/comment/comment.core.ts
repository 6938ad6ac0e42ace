// What posting (comment.post.ts), moderating (comment.moderate.ts) and the rest of the comment
// service share: the repositories, the keyed hashes, the page lookup, its date style and the
// moderation desk's queue event.
import { createHmac } from 'node:crypto';
import { errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { PageChanged } from '../platform/platform.cache.js';
import type { Actor } from '../access/access.policy.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { recordDeskEvents } from '../realtime/realtime.staff.record.js';
import { createCommentQueueRepository } from './comment.queue.repository.js';
import { createCommentRepository } from './comment.repository.js';
import type { Db } from '../storage/storage.database.js';
import type { DateStyle } from '../lib/time.format.js';

export interface CommentServiceDeps extends BaseDeps {
  readonly bus: Bus;
  /** The site's date style, for pages that do not set their own. */
  readonly siteDateStyle: () => Promise<DateStyle>;
  /** Told after a comment appears on or leaves a page (shared caches purge the page). */
  readonly pageChanged?: PageChanged;
}

export function createCommentCore({
  db,
  bus,
  clock,
  siteDateStyle,
  pageChanged,
}: CommentServiceDeps) {
  const comments = createCommentRepository();
  const queueRows = createCommentQueueRepository();
  const liveblogs = createLiveblogRepository();

  /** The moderation desk's event: the queue of a page changed (staff only, never readers). */
  async function queueChanged(
    trx: Db,
    liveblog: Pick<Liveblog, 'id' | 'slug'>,
    change: { change: 'held'; commentId: number } | { change: 'moderated'; commentIds: number[] },
    by: Pick<Actor, 'id' | 'name'>,
    now: Date,
  ): Promise<number | undefined> {
    const counts = await queueRows.pendingCounts(trx, liveblog.id);
    return recordDeskEvents(
      trx,
      [
        {
          type: 'comments.queue',
          liveblogId: liveblog.id,
          slug: liveblog.slug,
          audience: 'moderation',
          by: { id: by.id, name: by.name },
          ...change,
          pending: counts.page,
          pendingAll: counts.all,
        },
      ],
      now,
    );
  }

  async function key(kind: string, value: string): Promise<string> {
    const secret = await comments.secret(db);
    return createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url');
  }

  async function liveblogBySlug(slug: string): Promise<Liveblog> {
    const liveblog = await liveblogs.findBySlug(db, slug);
    if (!liveblog) throw errors.notFound(things.liveblog);
    return liveblog;
  }

  /** How this page writes dates: its own style, or the site's. */
  async function dateStyleOf(liveblog: Liveblog): Promise<DateStyle> {
    return liveblog.dateStyle ?? (await siteDateStyle());
  }

  return {
    db,
    bus,
    clock,
    pageChanged,
    comments,
    queueRows,
    liveblogs,
    queueChanged,
    key,
    liveblogBySlug,
    dateStyleOf,
  };
}

export type CommentCore = ReturnType<typeof createCommentCore>;
