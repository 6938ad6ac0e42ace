// Comment moderation: the held queue (approve, reject, spam, block the author), the newest
// published comments (to take one down) and the list of words that hold a comment.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { CsrfField } from './newsroom.fields.view.js';
import { formatUpdateTime, plural } from '../lib/time.format.js';
import { lm } from './newsroom.live.messages.js';

export interface QueuedComment {
  readonly id: number;
  readonly slug: string;
  readonly pageHeadline: string;
  readonly timeZone: string;
  readonly name: string;
  readonly text: string;
  readonly heldReason: string | null;
  readonly createdAt: Date;
  readonly contextUpdate: { readonly id: number; readonly headline: string | null } | null;
}

/** Where a comment belongs: its page (a link) and the update that was newest when it came. */
function CommentContext({ locale, comment }: { locale: UiLocale; comment: QueuedComment }) {
  const l = lm(locale);
  const context = comment.contextUpdate;
  return (
    <span class="mod-context">
      {l.page}:{' '}
      <a href={`/live/${comment.slug}#comments`} target="_blank" rel="noopener">
        <bdi dir="auto">{comment.pageHeadline}</bdi>
      </a>
      {' · '}
      {context ? (
        <>
          {l.underUpdate}:{' '}
          <a href={`/live/${comment.slug}/updates/${context.id}`} target="_blank" rel="noopener">
            <bdi dir="auto">{context.headline ?? `#${context.id}`}</bdi>
          </a>
        </>
      ) : (
        l.noUpdateYet
      )}
    </span>
  );
}

/** The time in the page's own zone, named (e.g. Asia/Muscat). */
function CommentTime({ locale, comment }: { locale: UiLocale; comment: QueuedComment }) {
  return (
    <time dateTime={comment.createdAt.toISOString()} title={comment.timeZone}>
      {formatUpdateTime(comment.createdAt, comment.timeZone, locale)}{' '}
      <span class="mod-zone" dir="ltr">
        {comment.timeZone}
      </span>
    </time>
  );
}

/** One held comment; also the live queue's fragment (GET /newsroom/comments/rows). */
export function HeldRow({ locale, comment }: { locale: UiLocale; comment: QueuedComment }) {
  const m = nm(locale);
  return (
    <li class="desk-item mod-item" data-comment-id={comment.id} tabIndex={-1}>
      <label class="desk-item-meta">
        <SelectBox locale={locale} comment={comment} />
        <bdi dir="auto">{comment.name}</bdi> · <CommentTime locale={locale} comment={comment} />
        {comment.heldReason
          ? ` · ${m.heldBecause}: ${m.reasons[comment.heldReason] ?? comment.heldReason}`
          : ''}
      </label>
      <CommentContext locale={locale} comment={comment} />
      <p class="desk-item-text" dir="auto">
        {comment.text}
      </p>
      <div class="desk-item-actions">
        <button type="button" data-verdict="approve" class="primary" hidden>
          {m.approve} <kbd>a</kbd>
        </button>
        <button type="button" data-verdict="reject" hidden>
          {m.reject} <kbd>r</kbd>
        </button>
        <button type="button" data-verdict="spam" hidden>
          {m.spam} <kbd>s</kbd>
        </button>
        <button
          type="submit"
          name="block"
          value={String(comment.id)}
          class="danger"
          data-verdict="block"
          title={lm(locale).blockHint}
        >
          {m.blockAuthor} <kbd>b</kbd>
        </button>
      </div>
    </li>
  );
}

function ShortcutHelp({ locale }: { locale: UiLocale }) {
  const l = lm(locale);
  return (
    <details class="mod-shortcuts" id="mod-shortcuts">
      <summary>
        {l.shortcuts} <kbd>?</kbd>
      </summary>
      <dl>
        {l.shortcutList.map(([keys, what]) => (
          <div key={keys}>
            <dt dir="ltr">
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

type Verdict = 'approve' | 'reject' | 'spam';

function VerdictButtons({ locale, verdicts }: { locale: UiLocale; verdicts: readonly Verdict[] }) {
  const m = nm(locale);
  return (
    <div class="desk-item-actions">
      {verdicts.map((verdict) => (
        <button
          key={verdict}
          type="submit"
          name="action"
          value={verdict}
          class={verdict === 'approve' ? 'primary' : undefined}
        >
          {m[verdict]}
        </button>
      ))}
    </div>
  );
}

function SelectBox({ locale, comment }: { locale: UiLocale; comment: QueuedComment }) {
  return (
    <input
      type="checkbox"
      name="ids"
      value={String(comment.id)}
      aria-label={`${nm(locale).selectComment} ${comment.id}`}
    />
  );
}

function HeldQueue(props: {
  locale: UiLocale;
  queue: readonly QueuedComment[];
  csrfToken: string;
}) {
  const { locale, queue } = props;
  const m = nm(locale);
  const l = lm(locale);
  return (
    <form method="post" action="/newsroom/comments/moderate" class="panel" id="moderation">
      <CsrfField token={props.csrfToken} />
      <p class="mod-count" id="mod-count" role="status">
        {plural(locale, queue.length, l.held)}
      </p>
      <ShortcutHelp locale={locale} />
      <p class="hint">{l.timesIn}</p>
      <p class="mod-empty" hidden={queue.length > 0}>
        {m.noComments}
      </p>
      <label class="mod-select-all">
        <input type="checkbox" id="mod-select-all" /> {l.selectAll} <kbd>Shift+A</kbd>
      </label>
      <ul class="desk-list" id="mod-queue">
        {queue.map((comment) => (
          <HeldRow key={comment.id} locale={locale} comment={comment} />
        ))}
      </ul>
      <p class="mod-undo" id="mod-undo" role="status" aria-live="polite" />
      <VerdictButtons locale={locale} verdicts={['approve', 'reject', 'spam']} />
    </form>
  );
}

function Approved(props: {
  locale: UiLocale;
  approved: readonly QueuedComment[];
  csrfToken: string;
}) {
  const { locale } = props;
  return (
    <section class="panel" aria-labelledby="approved-title">
      <h2 id="approved-title">{nm(locale).published}</h2>
      <form method="post" action="/newsroom/comments/moderate">
        <CsrfField token={props.csrfToken} />
        <ul class="desk-list">
          {props.approved.map((comment) => (
            <li key={comment.id} class="desk-item" data-comment-id={comment.id}>
              <label class="desk-item-meta">
                <SelectBox locale={locale} comment={comment} />
                <bdi dir="auto">{comment.name}</bdi> ·{' '}
                <CommentTime locale={locale} comment={comment} />
              </label>
              <CommentContext locale={locale} comment={comment} />
              <p class="desk-item-text" dir="auto">
                {comment.text}
              </p>
            </li>
          ))}
        </ul>
        <VerdictButtons locale={locale} verdicts={['reject', 'spam']} />
      </form>
    </section>
  );
}

function Words({
  locale,
  words,
  csrfToken,
}: {
  locale: UiLocale;
  words: readonly string[];
  csrfToken: string;
}) {
  const m = nm(locale);
  return (
    <section class="panel" aria-labelledby="words-title">
      <h2 id="words-title">{m.words}</h2>
      <ul class="desk-list">
        {words.map((word) => (
          <li key={word} class="desk-item">
            <form method="post" action="/newsroom/comments/words" class="inline-form">
              <CsrfField token={csrfToken} />
              <bdi>{word}</bdi> <input type="hidden" name="remove" value={word} />
              <button type="submit">{m.removeWord}</button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action="/newsroom/comments/words" class="grid-form">
        <CsrfField token={csrfToken} />
        <label>
          {m.word}
          <input name="add" required maxLength={100} dir="auto" />
        </label>
        <button type="submit">{m.addWord}</button>
      </form>
    </section>
  );
}

export function ModerationPage({
  locale,
  queue,
  approved,
  words,
  csrfToken,
}: {
  locale: UiLocale;
  queue: readonly QueuedComment[];
  approved: readonly QueuedComment[];
  words: readonly string[];
  csrfToken: string;
}) {
  return (
    <>
      <h1 data-moderation-desk>{nm(locale).moderation}</h1>
      <HeldQueue locale={locale} queue={queue} csrfToken={csrfToken} />
      <Approved locale={locale} approved={approved} csrfToken={csrfToken} />
      <Words locale={locale} words={words} csrfToken={csrfToken} />
    </>
  );
}
