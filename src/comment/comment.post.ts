// Posting a comment: the form token, the checks against abuse, and whether it is shown at once,
// held for moderation or kept as spam; a shown one reaches open pages as a live event.
import { AppError, errors } from '../platform/platform.errors.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { recordEvents, ringAfterCommit } from '../realtime/realtime.record.js';
import { ringDesk } from '../realtime/realtime.staff.record.js';
import type { Comment, CommentStatus } from './comment.types.js';
import { renderCommentHtml } from './comment.view.js';
import { isUniqueViolation } from '../storage/storage.database.js';
import {
  FORM_TOKEN_TTL_MS,
  checkCommentLimits,
  formUsed,
  makeFormToken,
  readFormToken,
} from './comment.limits.js';
import { normaliseName } from '../lib/text.normalise.js';
import { cleanCommentText, fold } from './comment.text.js';
import type { CommentCore } from './comment.core.js';

const MIN_SECONDS_ON_PAGE = 3;
const MAX_LINKS = 2;

const LINK = /(?:https?:\/\/|www\.)\S+/gi;

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

export function postOps(core: CommentCore) {
  const { db, bus, clock, pageChanged, comments, key, liveblogBySlug, dateStyleOf, queueChanged } =
    core;

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

  return {
    /** A signed, single-use token for the form of one page (also: how long the reader read). */
    async formToken(slug: string): Promise<string> {
      const liveblog = await liveblogBySlug(slug);
      return makeFormToken((value) => key('form', value), liveblog.id, clock.now());
    },

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
  };
}
