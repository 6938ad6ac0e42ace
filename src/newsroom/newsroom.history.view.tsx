// An update's history: every revision, who made it and when, newest first.
import type { UiLocale } from '../lib/i18n.messages.js';
import { formatUpdateTime } from '../lib/time.format.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { nm } from './newsroom.messages.js';

export interface RevisionView {
  readonly revision: number;
  readonly action: string;
  readonly editorName: string;
  readonly createdAt: string;
  readonly headline: string | null;
  readonly text: string;
  readonly note: string | null;
}

export function HistoryPage({
  locale,
  liveblog,
  revisions,
}: {
  locale: UiLocale;
  liveblog: Liveblog;
  revisions: readonly RevisionView[];
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.history}</h1>
      <p>
        <a href={`/newsroom/liveblogs/${liveblog.slug}`} dir="auto">
          {liveblog.headline}
        </a>
      </p>
      <ol class="revision-list">
        {revisions.map((r, i) => (
          <li key={i}>
            <p class="desk-item-meta">
              <time dateTime={r.createdAt}>
                {formatUpdateTime(new Date(r.createdAt), liveblog.timeZone, locale)}
              </time>{' '}
              · <bdi>{r.editorName}</bdi> · {r.action} · #{r.revision}
            </p>
            {r.headline ? <strong dir="auto">{r.headline}</strong> : null}
            <p dir="auto" class="revision-text">
              {r.text}
            </p>
            {r.note ? (
              <p>
                {m.returnedNote}: <bdi>{r.note}</bdi>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
