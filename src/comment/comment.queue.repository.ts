// The moderation desk's SQL: the queue with each comment's context (its page, and the update
// that was the newest on the page when the comment was written), the held counts, and an
// author's other held comments (for blocking).
import { sql } from 'kysely';
import type { Db } from '../storage/storage.database.js';
import type { CommentStatus } from './comment.types.js';

export interface QueueRow {
  readonly id: number;
  readonly liveblogId: number;
  readonly slug: string;
  readonly pageHeadline: string;
  readonly timeZone: string;
  readonly name: string;
  readonly text: string;
  readonly status: CommentStatus;
  readonly heldReason: string | null;
  readonly createdAt: Date;
  /** The newest published update of the page when the comment came (what the reader saw on top). */
  readonly contextUpdate: { readonly id: number; readonly headline: string | null } | null;
}

export function createCommentQueueRepository() {
  return {
    async rows(
      db: Db,
      { status, limit, ids }: { status?: CommentStatus; limit: number; ids?: readonly number[] },
    ): Promise<QueueRow[]> {
      let query = db
        .selectFrom('comments as c')
        .innerJoin('liveblogs as l', 'l.id', 'c.liveblogId')
        .select([
          'c.id',
          'c.liveblogId',
          'c.name',
          'c.text',
          'c.status',
          'c.heldReason',
          'c.createdAt',
          'l.slug',
          'l.headline as pageHeadline',
          'l.timeZone',
        ])
        .select((eb) =>
          eb
            .selectFrom('updates as u')
            .select('u.id')
            .whereRef('u.liveblogId', '=', 'c.liveblogId')
            .where('u.status', '=', 'published')
            .where('u.deletedAt', 'is', null)
            .whereRef('u.publishedAt', '<=', 'c.createdAt')
            .orderBy('u.publishedAt', 'desc')
            .orderBy('u.id', 'desc')
            .limit(1)
            .as('contextId'),
        );
      if (status) query = query.where('c.status', '=', status);
      if (ids) query = query.where('c.id', 'in', ids.length > 0 ? [...ids] : [0]);
      const rows = await query
        .orderBy('c.createdAt', status === 'pending' ? 'asc' : 'desc')
        .orderBy('c.id', status === 'pending' ? 'asc' : 'desc')
        .limit(limit)
        .execute();
      const contextIds = [
        ...new Set(rows.flatMap((row) => (row.contextId ? [row.contextId] : []))),
      ];
      const headlines = new Map<number, string | null>();
      if (contextIds.length > 0) {
        const found = await db
          .selectFrom('updates')
          .select(['id', 'headline'])
          .where('id', 'in', contextIds)
          .execute();
        for (const update of found) headlines.set(update.id, update.headline);
      }
      return rows.map((row) => ({
        id: row.id,
        liveblogId: row.liveblogId,
        slug: row.slug,
        pageHeadline: row.pageHeadline,
        timeZone: row.timeZone,
        name: row.name,
        text: row.text,
        status: row.status as CommentStatus,
        heldReason: row.heldReason,
        createdAt: new Date(row.createdAt),
        contextUpdate: row.contextId
          ? { id: row.contextId, headline: headlines.get(row.contextId) ?? null }
          : null,
      }));
    },

    /** Held comments: of one page, and everywhere. */
    async pendingCounts(db: Db, liveblogId: number): Promise<{ page: number; all: number }> {
      const row = await db
        .selectFrom('comments')
        .select([
          sql<string | number>`count(*)`.as('all'),
          sql<
            string | number | null
          >`sum(case when liveblog_id = ${liveblogId} then 1 else 0 end)`.as('page'),
        ])
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      return { page: Number(row.page ?? 0), all: Number(row.all) };
    },

    /** The held comments written under any of these author keys (address or cookie). */
    async pendingByAuthor(db: Db, keys: readonly string[]): Promise<number[]> {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('comments')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('addressKey', 'in', [...keys]), eb('cookieKey', 'in', [...keys])]))
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
