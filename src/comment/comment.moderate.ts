// Moderating: approving, rejecting or marking comments as spam in bulk, and blocking an author;
// open pages gain or lose the comments at once, and the moderation desk hears of the change.
import { errors } from '../platform/platform.errors.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import { recordEvents, ringAfterCommit } from '../realtime/realtime.record.js';
import { ringDesk } from '../realtime/realtime.staff.record.js';
import type { Comment, CommentStatus } from './comment.types.js';
import { renderCommentHtml } from './comment.view.js';
import type { CommentCore } from './comment.core.js';

export function moderateOps(core: CommentCore) {
  const { db, bus, clock, pageChanged, comments, queueRows, liveblogs, queueChanged, dateStyleOf } =
    core;

  /** Approve, reject or mark spam, in bulk; open pages gain or lose the comments at once. */
  async function moderate(
    actor: Actor,
    ids: readonly number[],
    action: 'approve' | 'reject' | 'spam',
  ): Promise<number> {
    assertCan(actor, 'comment.moderate');
    const now = clock.now();
    const status: CommentStatus =
      action === 'approve' ? 'approved' : action === 'reject' ? 'hidden' : 'spam';
    const targets = (await comments.byIds(db, ids)).filter(
      (c) => c.status !== status && c.status !== 'deleted',
    );
    const byPage = new Map<number, Comment[]>();
    for (const comment of targets)
      byPage.set(comment.liveblogId, [...(byPage.get(comment.liveblogId) ?? []), comment]);
    for (const [liveblogId, group] of byPage) {
      const liveblog = await liveblogs.findById(db, liveblogId);
      if (!liveblog) continue;
      const style = await dateStyleOf(liveblog);
      const done = await db.transaction().execute(async (trx) => {
        for (const comment of group) {
          await comments.setStatus(trx, comment.id, status, actor.name, now);
          await audit(
            trx,
            actor,
            {
              action: `comment.${action}`,
              targetType: 'comment',
              targetId: comment.id,
              before: { status: comment.status },
              after: { status },
            },
            now,
          );
        }
        const count = await comments.countApproved(trx, liveblogId);
        const drafts = group
          .filter((comment) => status === 'approved' || comment.status === 'approved')
          .map((comment) =>
            status === 'approved'
              ? {
                  type: 'comment.approved' as const,
                  updateId: null,
                  data: () => ({
                    id: comment.id,
                    count,
                    html: renderCommentHtml(
                      { ...comment, status },
                      liveblog.locale,
                      liveblog.timeZone,
                      style,
                    ),
                  }),
                }
              : {
                  type: 'comment.removed' as const,
                  updateId: null,
                  data: () => ({ id: comment.id, count }),
                },
          );
        const page =
          drafts.length > 0 ? await recordEvents(trx, liveblogId, drafts, now) : undefined;
        const ids = group.map((comment) => comment.id);
        const deskId = await queueChanged(
          trx,
          liveblog,
          { change: 'moderated', commentIds: ids },
          actor,
          now,
        );
        return { page, deskId };
      });
      await ringDesk(bus, done.deskId);
      const after = done.page;
      if (after) {
        await ringAfterCommit(bus, after);
        pageChanged?.({ liveblogId, slug: liveblog.slug, updateIds: [] });
      }
    }
    return targets.length;
  }

  return {
    moderate,

    /**
     * Blocks the author of a comment (by its address key and cookie key): their later comments
     * are held (reason `blocked`), and this one, with every other comment of theirs still held,
     * is rejected. Answers how many were rejected.
     */
    async blockAuthor(actor: Actor, commentId: number): Promise<number> {
      assertCan(actor, 'comment.moderate');
      const [comment] = await comments.byIds(db, [commentId]);
      if (!comment) throw errors.notFound({ ar: 'التعليق', en: 'The comment' });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await comments.block(trx, comment.addressKey, actor.name, now);
        if (comment.cookieKey) await comments.block(trx, comment.cookieKey, actor.name, now);
        await audit(
          trx,
          actor,
          { action: 'comment.block', targetType: 'comment', targetId: commentId },
          now,
        );
      });
      const keys = [comment.addressKey, ...(comment.cookieKey ? [comment.cookieKey] : [])];
      const held = await queueRows.pendingByAuthor(db, keys);
      const ids = comment.status === 'approved' ? [...held, comment.id] : held;
      return moderate(actor, ids, 'reject');
    },
  };
}
