// The one place a comment becomes HTML: the page and the live stream both use it. Everything a
// reader wrote is text (Preact escapes it), isolated with <bdi>/dir="auto"; inside the text, URLs,
// handles, hashtags and Latin runs are isolated too, and URLs and handles linked (text.isolate.ts).
import { renderToString } from 'preact-render-to-string';
import { t, type UiLocale } from '../lib/i18n.messages.js';
import {
  DEFAULT_DATE_STYLE,
  formatUpdateTime,
  plural,
  toIsoString,
  type DateStyle,
} from '../lib/time.format.js';
import { IsolatedText } from '../lib/text.isolate.view.js';
import { readerText } from '../lib/i18n.reader.messages.js';
import { commentWaitText } from '../lib/i18n.live.messages.js';
import type { Comment } from './comment.types.js';

export function commentsCountText(
  locale: UiLocale,
  count: number,
  digits: 'latn' | 'arab' = 'latn',
): string {
  return plural(locale, count, t(locale).commentsCount, digits);
}

export function CommentItem({
  comment,
  locale,
  timeZone,
  dateStyle = DEFAULT_DATE_STYLE,
}: {
  comment: Comment;
  locale: UiLocale;
  timeZone: string;
  dateStyle?: DateStyle;
}) {
  return (
    <li class="comment" id={`comment-${comment.id}`} data-comment-id={comment.id}>
      <p class="comment-meta">
        <bdi class="comment-name" dir="auto">
          {comment.name}
        </bdi>{' '}
        <time dateTime={toIsoString(comment.createdAt)}>
          {formatUpdateTime(comment.createdAt, timeZone, locale, dateStyle)}
        </time>
      </p>
      <p class="comment-text" dir="auto">
        <IsolatedText text={comment.text} />
      </p>
    </li>
  );
}

export function renderCommentHtml(
  comment: Comment,
  locale: UiLocale,
  timeZone: string,
  dateStyle: DateStyle,
): string {
  return renderToString(
    <CommentItem comment={comment} locale={locale} timeZone={timeZone} dateStyle={dateStyle} />,
  );
}

export interface CommentsModel {
  readonly slug: string;
  readonly locale: UiLocale;
  readonly timeZone: string;
  readonly dateStyle: DateStyle;
  readonly comments: readonly Comment[];
  readonly count: number;
  readonly order: 'newest' | 'oldest';
  /**
   * The signed, single-use form token. Left out of pages a shared cache keeps: the page's script
   * fetches one from `/live/:slug/comments/token` when the reader starts writing (ADR 0011).
   */
  readonly formToken?: string;
  readonly notice?: 'pending' | 'published' | undefined;
  readonly error?: string | undefined;
  /** A refused comment comes back in the form, so the reader loses nothing. */
  readonly draft?: { readonly name: string; readonly email: string; readonly text: string };
  /** Seconds until it may be sent again (the throttle's Retry-After), when that is the reason. */
  readonly retryAfter?: number | undefined;
}

function CommentRefusal({ model }: { model: CommentsModel }) {
  const r = readerText(model.locale);
  return (
    <p class="form-error" role="alert">
      {model.error} {model.draft ? r.commentKept : null}
      {model.retryAfter ? (
        <>
          {' '}
          <span class="comment-wait" data-retry-after={model.retryAfter}>
            {commentWaitText(model.locale, model.retryAfter, model.dateStyle.digits)}
          </span>
        </>
      ) : null}
    </p>
  );
}

export function CommentsSection({ model }: { model: CommentsModel }) {
  const m = t(model.locale);
  const base = `/live/${model.slug}`;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {m.comments}{' '}
        <span class="comments-count">
          ({commentsCountText(model.locale, model.count, model.dateStyle.digits)})
        </span>
      </h2>
      <p class="comments-order">
        {model.order === 'newest' ? (
          <a href={`${base}?order=oldest#comments`}>{m.oldestFirst}</a>
        ) : (
          <a href={`${base}?order=newest#comments`}>{m.newestFirst}</a>
        )}
      </p>
      {model.notice ? (
        <p class="comment-notice" role="status">
          {model.notice === 'pending' ? m.commentPending : m.commentPublished}
        </p>
      ) : null}
      {model.error ? <CommentRefusal model={model} /> : null}
      <form class="comment-form" method="post" action={`${base}/comments`}>
        <input
          type="hidden"
          name="t"
          value={model.formToken ?? ''}
          data-token-url={`${base}/comments/token`}
        />
        <label>
          {m.commentName}
          <input
            name="name"
            required
            maxLength={60}
            dir="auto"
            autocomplete="nickname"
            value={model.draft?.name}
          />
        </label>
        <label>
          {m.commentEmail}
          <input
            name="email"
            type="email"
            maxLength={200}
            dir="ltr"
            autocomplete="email"
            value={model.draft?.email}
          />
        </label>
        <label class="comment-website" aria-hidden="true">
          {m.commentHoneypot}
          <input name="website" tabIndex={-1} autocomplete="off" />
        </label>
        <label>
          {m.commentText}
          <textarea
            name="text"
            required
            maxLength={2000}
            rows={4}
            dir="auto"
            value={model.draft?.text}
          />
        </label>
        <button type="submit">{m.commentSend}</button>
      </form>
      <ol class="comment-list" id="comment-list" data-order={model.order}>
        {model.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            locale={model.locale}
            timeZone={model.timeZone}
            dateStyle={model.dateStyle}
          />
        ))}
      </ol>
      {model.count === 0 ? <p class="no-comments">{m.noComments}</p> : null}
    </section>
  );
}
