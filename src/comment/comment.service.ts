// Readers' comments: posted (comment.post.ts), checked against abuse, held or shown by the page's
// moderation mode, moderated (comment.moderate.ts); this assembles the service over the shared
// core (comment.core.ts) and adds the reads and the word list.
import { errors } from '../platform/platform.errors.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import type { CommentsModel } from './comment.view.js';
import { fold } from './comment.text.js';
import { createCommentCore, type CommentServiceDeps } from './comment.core.js';
import { postOps } from './comment.post.js';
import { moderateOps } from './comment.moderate.js';

export function createCommentService(deps: CommentServiceDeps) {
  const core = createCommentCore(deps);
  const { db, clock, comments, queueRows, liveblogBySlug, dateStyleOf } = core;

  return {
    ...postOps(core),
    ...moderateOps(core),

    /** The comments under a page: the published ones in `order`, their count, a fresh form. */
    async section(
      slug: string,
      order: 'newest' | 'oldest',
    ): Promise<Omit<CommentsModel, 'notice' | 'error'>> {
      const liveblog = await liveblogBySlug(slug);
      const [list, count] = await Promise.all([
        comments.approved(db, liveblog.id, order, 200),
        comments.countApproved(db, liveblog.id),
      ]);
      return {
        slug,
        locale: liveblog.locale,
        timeZone: liveblog.timeZone,
        dateStyle: await dateStyleOf(liveblog),
        comments: list,
        count,
        order,
      };
    },

    async queue(actor: Actor) {
      assertCan(actor, 'comment.moderate');
      return comments.queue(db, 200);
    },

    /** The newest published comments, so a moderator can take one down (post-moderation). */
    async recentlyApproved(actor: Actor) {
      assertCan(actor, 'comment.moderate');
      return comments.queue(db, 100, 'approved');
    },

    /** Rows of the moderation desk with their page and context (by id, for the live queue). */
    async moderationRows(actor: Actor, ids: readonly number[]) {
      assertCan(actor, 'comment.moderate');
      return queueRows.rows(db, { ids, limit: 200 });
    },

    async words(actor: Actor): Promise<string[]> {
      assertCan(actor, 'comment.moderate');
      return comments.words(db);
    },

    /** Words are stored folded, so «أ» in the list matches «ا» in a comment, and so on. */
    async addWord(actor: Actor, word: string): Promise<void> {
      assertCan(actor, 'comment.moderate');
      const folded = fold(word);
      if (folded === '' || folded.length > 100)
        throw errors.validation([{ field: '/word', message: 'must be 1 to 100 letters' }]);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await comments.addWord(trx, folded, now);
        await audit(
          trx,
          actor,
          { action: 'comment.word.add', targetType: 'word', targetId: folded },
          now,
        );
      });
    },

    async removeWord(actor: Actor, word: string): Promise<void> {
      assertCan(actor, 'comment.moderate');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await comments.removeWord(trx, fold(word));
        await audit(
          trx,
          actor,
          { action: 'comment.word.remove', targetType: 'word', targetId: word },
          now,
        );
      });
    },

    /** The moderation desk: the held queue, the newest published comments and the word list. */
    async moderationDesk(actor: Actor) {
      assertCan(actor, 'comment.moderate');
      const [queue, approved, words] = await Promise.all([
        queueRows.rows(db, { status: 'pending', limit: 200 }),
        queueRows.rows(db, { status: 'approved', limit: 100 }),
        comments.words(db),
      ]);
      return { queue, approved, words };
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
