// One update in a desk list (queue, own drafts, stream): when, badges, author, text and the
// actions the role may take on it. The buttons are wired by the desk client.
import type { UiLocale } from '../lib/i18n.messages.js';
import { formatTimeZoneName, formatUpdateTime } from '../lib/time.format.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { Update } from '../update/update.types.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { can, type Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { versionTag } from '../update/update.version.js';

interface RowProps {
  update: Update;
  locale: UiLocale;
  actor: Actor;
  liveblog: Liveblog;
}

function statusLabel(update: Update, locale: UiLocale): string {
  const m = nm(locale);
  if (update.status === 'published') return '';
  if (update.status === 'scheduled') return m.scheduled;
  return update.status === 'submitted' ? m.submitted : m.draft;
}

function RowMeta({ update, locale, liveblog }: Omit<RowProps, 'actor'>) {
  const m = nm(locale);
  const when = update.publishedAt ?? update.scheduledAt ?? update.updatedAt;
  const label = statusLabel(update, locale);
  return (
    <div class="desk-item-meta">
      <time dateTime={when.toISOString()}>{formatUpdateTime(when, liveblog.timeZone, locale)}</time>
      {update.status === 'scheduled' ? (
        <span class="desk-item-zone">{formatTimeZoneName(liveblog.timeZone, locale)}</span>
      ) : null}
      {label ? <span class="badge">{label}</span> : null}
      {update.breaking ? <span class="badge badge-breaking">{m.breaking}</span> : null}
      {update.keyEvent ? <span class="badge badge-key">{m.keyEvent}</span> : null}
      {update.pinned ? <span class="badge badge-pinned">{m.pinned}</span> : null}
      <span class="desk-item-author">
        <bdi>{update.authorName}</bdi>
      </span>
    </div>
  );
}

function RowActions({ update, locale, actor, liveblog }: RowProps) {
  const m = nm(locale);
  const published = update.status === 'published';
  return (
    <div class="desk-item-actions">
      <button type="button" data-action="edit">
        {m.edit}
      </button>
      {published && can(actor, 'update.edit') ? (
        <>
          <button type="button" data-action={update.pinned ? 'unpin' : 'pin'}>
            {update.pinned ? m.unpin : m.pin}
          </button>
          <button type="button" data-action={update.keyEvent ? 'unkey' : 'key'}>
            {update.keyEvent ? m.unmarkKey : m.markKey}
          </button>
          <a href={`/newsroom/liveblogs/${liveblog.slug}/updates/${update.id}/history`}>
            {m.history}
          </a>
        </>
      ) : null}
      {update.status === 'submitted' && can(actor, 'draft.review') ? (
        <>
          <button type="button" data-action="publish-draft" class="primary">
            {m.publish}
          </button>
          <button type="button" data-action="return">
            {m.returnDraft}
          </button>
        </>
      ) : null}
      {(published && can(actor, 'update.delete')) || !published ? (
        <button type="button" data-action="delete" class="danger">
          {m.delete}
        </button>
      ) : null}
    </div>
  );
}

export function UpdateRow(props: RowProps) {
  const { update, locale } = props;
  const m = nm(locale);
  return (
    <li
      class="desk-item"
      data-update-id={update.id}
      data-status={update.status}
      data-version={versionTag(update)}
    >
      <RowMeta update={update} locale={locale} liveblog={props.liveblog} />
      {update.headline ? (
        <strong class="desk-item-headline" dir="auto">
          {update.headline}
        </strong>
      ) : null}
      <p class="desk-item-text" dir="auto">
        {blocksToText(update.blocks).slice(0, 280)}
      </p>
      {update.returnNote ? (
        <p class="desk-item-note">
          {m.returnedNote}: <bdi>{update.returnNote}</bdi>
        </p>
      ) : null}
      <RowActions {...props} />
    </li>
  );
}

/** A desk list of updates. */
export function UpdateList({
  id,
  updates,
  locale,
  actor,
  liveblog,
}: {
  id?: string;
  updates: readonly Update[];
  locale: UiLocale;
  actor: Actor;
  liveblog: Liveblog;
}) {
  return (
    <ul class="desk-list" id={id}>
      {updates.map((update) => (
        <UpdateRow
          key={update.id}
          update={update}
          locale={locale}
          actor={actor}
          liveblog={liveblog}
        />
      ))}
    </ul>
  );
}
