// Readers' comments: checked against abuse, held or shown by the page's moderation mode,
// approved by moderators; approvals and removals reach open pages as live events.
import { createHmac } from 'node:crypto';
import { AppError, errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { PageChanged } from '../platform/platform.cache.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import { type Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { recordEvents, ringAfterCommit } from '../realtime/realtime.record.js';
import { recordDeskEvents, ringDesk } from '../realtime/realtime.staff.record.js';
import { createCommentQueueRepository } from './comment.queue.repository.js';
import { normalise } from '../search/search.analyser.js';
import { createCommentRepository } from './comment.repository.js';
import type { Comment, CommentStatus } from './comment.types.js';
import { renderCommentHtml, type CommentsModel } from './comment.view.js';
import { isUniqueViolation, type Db } from '../storage/storage.database.js';
import {
  FORM_TOKEN_TTL_MS,
  checkCommentLimits,
  formUsed,
  makeFormToken,
  readFormToken,
} from './comment.limits.js';
import { BIDI_FORMATTING, normaliseName, normaliseText } from '../lib/text.normalise.js';
import type { DateStyle } from '../lib/time.format.js';

const MIN_SECONDS_ON_PAGE = 3;
const MAX_LINKS = 2;

const LINK = /(?:https?:\/\/|www\.)\S+/gi;

/** A reader's text: multi-line, without marks that would reorder what follows it. */
export function cleanCommentText(text: string): string {
  return normaliseText(text.replace(BIDI_FORMATTING, ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The comparable form of text: the search analyser's Arabic folding, words joined by spaces. */
export function fold(text: string): string {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

export interface PostInput {
  readonly name: string;
  readonly email?: string | undefined;
  readonly text: string;
  /** The honeypot: people leave it empty. */
  readonly website?: string | undefined;
  readonly formToken: string;
}

export interface ClientInfo {
  readonly address: string;
  readonly cookieId: string | undefined;
}

export interface CommentServiceDeps extends BaseDeps {
  readonly bus: Bus;
  /** The site's date style, for pages that do not set their own. */
  readonly siteDateStyle: () => Promise<DateStyle>;
  /** Told after a comment appears on or leaves a page (shared caches purge the page). */
  readonly pageChanged?: PageChanged;
}

export function createCommentService({
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

  async function heldReason(
    liveblog: Liveblog,
    text: string,
    folded: string,
    keys: string[],
  ): Promise<string | null> {
    if ((text.match(LINK) ?? []).length > MAX_LINKS) return 'links';
    if (await comments.isBlocked(db, keys)) return 'blocked';
    const words = await comments.words(db);
    const padded = ` ${folded} `;
    if (words.some((word) => padded.includes(` ${word} `))) return 'word';
    return liveblog.commentMode === 'pre' ? 'moderation' : null;
  }

  /** A signed, single-use token for the form of one page (also: how long the reader read). */
  async function formToken(slug: string): Promise<string> {
    const liveblog = await liveblogBySlug(slug);
    return makeFormToken((value) => key('form', value), liveblog.id, clock.now());
  }

  return {
    formToken,

    async post(
      slug: string,
      input: PostInput,
      client: ClientInfo,
    ): Promise<{ comment: Comment; shown: boolean }> {
      const liveblog = await liveblogBySlug(slug);
      const now = clock.now();
      const { issuedAt, nonce } = await readFormToken(
        (value) => key('form', value),
        input.formToken,
        liveblog.id,
        now,
      );
      const name = normaliseName(input.name);
      const text = cleanCommentText(input.text);
      const details = [];
      if (name.length < 1 || name.length > 60)
        details.push({ field: '/name', message: 'must be 1 to 60 characters' });
      if (text.length < 1 || text.length > 2000)
        details.push({ field: '/text', message: 'must be 1 to 2000 characters' });
      if (details.length > 0) {
        throw errors.validation(details, {
          ar: 'الاسم (حتى 60 حرفًا) ونص التعليق (حتى 2000 حرف) مطلوبان.',
          en: 'A name (up to 60 characters) and a comment (up to 2000) are needed.',
        });
      }
      const addressKey = await key('address', client.address);
      const cookieKey = client.cookieId ? await key('cookie', client.cookieId) : null;

      const folded = fold(text);
      const tooFast = now.getTime() - issuedAt < MIN_SECONDS_ON_PAGE * 1000;
      const bot = (input.website ?? '').trim() !== '' || tooFast;
      const reason = bot
        ? 'bot'
        : await heldReason(liveblog, text, folded, [addressKey, ...(cookieKey ? [cookieKey] : [])]);
      const status: CommentStatus = bot ? 'spam' : reason === null ? 'approved' : 'pending';
      const email = input.email?.trim() ? input.email.trim().slice(0, 200) : null;

      const style = await dateStyleOf(liveblog);
      const nonceKey = await key('nonce', nonce);
      const result = await db.transaction().execute(async (trx) => {
        // The first statement writes (the token is spent), so the transaction holds the write
        // lock from its start; a refusal below rolls it back and leaves the token unspent.
        try {
          await comments.useFormToken(trx, nonceKey, liveblog.id, now);
        } catch (error) {
          if (isUniqueViolation(error)) throw formUsed();
          throw error;
        }
        await checkCommentLimits(trx, comments, {
          addressKey,
          cookieKey,
          liveblogId: liveblog.id,
          now,
        });
        if (await comments.duplicateExists(trx, liveblog.id, folded)) {
          throw new AppError(409, 'duplicate_comment', {
            ar: 'وصلنا هذا التعليق من قبل.',
            en: 'This comment has already been sent.',
          });
        }
        if (Math.random() < 0.02)
          await comments.prune(trx, new Date(now.getTime() - FORM_TOKEN_TTL_MS - 3_600_000));
        const comment = await comments.insert(
          trx,
          {
            liveblogId: liveblog.id,
            name,
            email,
            text,
            foldedText: folded,
            status,
            heldReason: reason,
            addressKey,
            cookieKey,
          },
          now,
        );
        if (status === 'pending') {
          const deskId = await queueChanged(
            trx,
            liveblog,
            { change: 'held', commentId: comment.id },
            { id: null, name: '' },
            now,
          );
          return { comment, after: undefined, deskId };
        }
        if (status !== 'approved') return { comment, after: undefined, deskId: undefined };
        const count = await comments.countApproved(trx, liveblog.id);
        const after = await recordEvents(
          trx,
          liveblog.id,
          [
            {
              type: 'comment.approved',
              updateId: null,
              data: () => ({
                id: comment.id,
                count,
                html: renderCommentHtml(comment, liveblog.locale, liveblog.timeZone, style),
              }),
            },
          ],
          now,
        );
        return { comment, after, deskId: undefined };
      });
      await ringDesk(bus, result.deskId);
      if (result.after) {
        await ringAfterCommit(bus, result.after);
        pageChanged?.({ liveblogId: liveblog.id, slug: liveblog.slug, updateIds: [] });
      }
      return { comment: result.comment, shown: status === 'approved' };
    },

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

    /** Approve, reject or mark spam, in bulk; open pages gain or lose the comments at once. */
    async moderate(
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
    },

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
      return this.moderate(actor, ids, 'reject');
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
