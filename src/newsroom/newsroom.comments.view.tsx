// Comment moderation: the held queue (approve, reject, spam, block the author), the newest
// published comments (to take one down) and the list of words that hold a comment.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { CsrfField } from './newsroom.fields.view.js';

export interface QueuedComment {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly text: string;
  readonly heldReason: string | null;
  readonly createdAt: Date;
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
  return (
    <form method="post" action="/newsroom/comments/moderate" class="panel">
      <CsrfField token={props.csrfToken} />
      {queue.length === 0 ? <p>{m.noComments}</p> : null}
      <ul class="desk-list">
        {queue.map((comment) => (
          <li key={comment.id} class="desk-item" data-comment-id={comment.id}>
            <label class="desk-item-meta">
              <SelectBox locale={locale} comment={comment} />
              <bdi dir="auto">{comment.name}</bdi> · <span dir="ltr">{comment.slug}</span> ·{' '}
              <time dateTime={comment.createdAt.toISOString()}>
                {comment.createdAt.toISOString().slice(0, 16).replace('T', ' ')}
              </time>
              {comment.heldReason
                ? ` · ${m.heldBecause}: ${m.reasons[comment.heldReason] ?? comment.heldReason}`
                : ''}
            </label>
            <p class="desk-item-text" dir="auto">
              {comment.text}
            </p>
            <button type="submit" name="block" value={String(comment.id)} class="danger">
              {m.blockAuthor}
            </button>
          </li>
        ))}
      </ul>
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
                <bdi dir="auto">{comment.name}</bdi> · <span dir="ltr">{comment.slug}</span>
              </label>
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
      <h1>{nm(locale).moderation}</h1>
      <HeldQueue locale={locale} queue={queue} csrfToken={csrfToken} />
      <Approved locale={locale} approved={approved} csrfToken={csrfToken} />
      <Words locale={locale} words={words} csrfToken={csrfToken} />
    </>
  );
}
