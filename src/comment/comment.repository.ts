// All SQL about comments, blocked authors, the word list and the site secret.
import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/storage.database.js';
import type { CommentTable } from '../storage/storage.schema.js';
import type { Selectable } from 'kysely';
import type { Comment, CommentStatus } from './comment.types.js';

function commentFromRow(row: Selectable<CommentTable>): Comment {
  return {
    id: row.id,
    liveblogId: row.liveblogId,
    name: row.name,
    text: row.text,
    status: row.status as CommentStatus,
    heldReason: row.heldReason,
    addressKey: row.addressKey,
    cookieKey: row.cookieKey,
    createdAt: new Date(row.createdAt),
  };
}

export interface NewComment {
  liveblogId: number;
  name: string;
  email: string | null;
  text: string;
  foldedText: string;
  status: CommentStatus;
  heldReason: string | null;
  addressKey: string;
  cookieKey: string | null;
}

export function createCommentRepository() {
  return {
    async insert(db: Db, input: NewComment, now: Date): Promise<Comment> {
      const row = await db
        .insertInto('comments')
        .values({ ...input, createdAt: now.toISOString(), moderatedAt: null, moderatedBy: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return commentFromRow(row);
    },

    async byIds(db: Db, ids: readonly number[]): Promise<Comment[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('comments')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
      return rows.map(commentFromRow);
    },

    async setStatus(
      db: Db,
      id: number,
      status: CommentStatus,
      by: string,
      now: Date,
    ): Promise<void> {
      await db
        .updateTable('comments')
        .set({ status, moderatedAt: now.toISOString(), moderatedBy: by })
        .where('id', '=', id)
        .execute();
    },

    async approved(
      db: Db,
      liveblogId: number,
      order: 'newest' | 'oldest',
      limit: number,
    ): Promise<Comment[]> {
      const rows = await db
        .selectFrom('comments')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .where('status', '=', 'approved')
        .orderBy('createdAt', order === 'newest' ? 'desc' : 'asc')
        .orderBy('id', order === 'newest' ? 'desc' : 'asc')
        .limit(limit)
        .execute();
      return rows.map(commentFromRow);
    },

    async countApproved(db: Db, liveblogId: number): Promise<number> {
      const row = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('liveblogId', '=', liveblogId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      return row.count;
    },

    /** Comments in one state with their page; pending ones oldest first, others newest first. */
    async queue(
      db: Db,
      limit: number,
      status: CommentStatus = 'pending',
    ): Promise<(Comment & { slug: string })[]> {
      const rows = await db
        .selectFrom('comments')
        .innerJoin('liveblogs', 'liveblogs.id', 'comments.liveblogId')
        .selectAll('comments')
        .select('liveblogs.slug')
        .where('comments.status', '=', status)
        .orderBy('comments.createdAt', status === 'pending' ? 'asc' : 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...commentFromRow(row), slug: row.slug }));
    },

    /** Comments by one address key or one identity (cookie) key on a page since a moment. */
    async countSince(
      db: Db,
      by: 'addressKey' | 'cookieKey',
      key: string,
      liveblogId: number,
      since: Date,
    ): Promise<{ count: number; newest: Date | null }> {
      const row = await db
        .selectFrom('comments')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('createdAt').as('newest')])
        .where(by, '=', key)
        .where('liveblogId', '=', liveblogId)
        .where('createdAt', '>=', since.toISOString())
        .executeTakeFirstOrThrow();
      return { count: row.count, newest: row.newest ? new Date(row.newest) : null };
    },

    /** When this identity first commented anywhere (not counting spam), or null. */
    async firstCommentAt(db: Db, cookieKey: string): Promise<Date | null> {
      const row = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.min('createdAt').as('first'))
        .where('cookieKey', '=', cookieKey)
        .where('status', '!=', 'spam')
        .executeTakeFirst();
      return row?.first ? new Date(row.first) : null;
    },

    /**
     * Takes the write lock of a key for the rest of the transaction (a row in rate_limits), so
     * that two comments of one address or one identity are checked and inserted one after the
     * other, never side by side.
     */
    async lock(db: Db, key: string, now: Date): Promise<void> {
      await db
        .insertInto('rateLimits')
        .values({ key, windowStart: now.toISOString(), count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            count: eb('rateLimits.count', '+', 1),
            windowStart: now.toISOString(),
          })),
        )
        .execute();
    },

    /** Records a form token as used; a unique violation means it was used before. */
    async useFormToken(db: Db, nonce: string, liveblogId: number, now: Date): Promise<void> {
      await db
        .insertInto('commentFormTokens')
        .values({ nonce, liveblogId, usedAt: now.toISOString() })
        .execute();
    },

    /** Forgets used tokens and comment locks older than a moment (tokens have expired by then). */
    async prune(db: Db, before: Date): Promise<void> {
      await db.deleteFrom('commentFormTokens').where('usedAt', '<', before.toISOString()).execute();
      await db
        .deleteFrom('rateLimits')
        .where('key', 'like', 'comment:%')
        .where('windowStart', '<', before.toISOString())
        .execute();
    },

    async duplicateExists(db: Db, liveblogId: number, foldedText: string): Promise<boolean> {
      const row = await db
        .selectFrom('comments')
        .select('id')
        .where('liveblogId', '=', liveblogId)
        .where('foldedText', '=', foldedText)
        .where('status', '!=', 'deleted')
        .executeTakeFirst();
      return row !== undefined;
    },

    async isBlocked(db: Db, keys: readonly string[]): Promise<boolean> {
      if (keys.length === 0) return false;
      const row = await db
        .selectFrom('commentBlocks')
        .select('key')
        .where('key', 'in', [...keys])
        .executeTakeFirst();
      return row !== undefined;
    },

    async block(db: Db, key: string, by: string, now: Date): Promise<void> {
      await db
        .insertInto('commentBlocks')
        .values({ key, createdAt: now.toISOString(), createdBy: by })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },

    async words(db: Db): Promise<string[]> {
      const rows = await db.selectFrom('moderationWords').select('word').orderBy('word').execute();
      return rows.map((row) => row.word);
    },

    async addWord(db: Db, word: string, now: Date): Promise<void> {
      await db
        .insertInto('moderationWords')
        .values({ word, createdAt: now.toISOString() })
        .onConflict((oc) => oc.column('word').doNothing())
        .execute();
    },

    async removeWord(db: Db, word: string): Promise<void> {
      await db.deleteFrom('moderationWords').where('word', '=', word).execute();
    },

    /** The site's secret for keyed hashes; made once, on first use, and kept in the database. */
    async secret(db: Db): Promise<string> {
      const existing = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'hash_secret')
        .executeTakeFirst();
      if (existing) return existing.value;
      await db.transaction().execute((trx) =>
        trx
          .insertInto('settings')
          .values({ key: 'hash_secret', value: randomBytes(32).toString('base64url') })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute(),
      );
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'hash_secret')
        .executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
