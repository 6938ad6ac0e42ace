// The reader's controls over the stream, as plain links so they work without JavaScript: every
// update or the key events only, newest or oldest first. Each view is an address of its own
// (`?filter=key`, `?sort=oldest`, with `?page=N`), drawn by the server, and the numbered pages
// keep the view. The parameters are always written in one order, so a shared cache keeps one
// copy of each view.
import { t, type UiLocale } from '../lib/i18n.messages.js';
import { readerText } from '../lib/i18n.reader.messages.js';
import { liveblogPath } from './liveblog.presenter.js';
import type { StreamView } from './liveblog.view.js';

/** The address of a page of a view of the stream. */
export function streamHref(slug: string, view: StreamView | undefined, page = 1): string {
  const query = new URLSearchParams();
  if (view?.keyEventsOnly) query.set('filter', 'key');
  if (view?.oldestFirst) query.set('sort', 'oldest');
  if (view?.verification) query.set('verification', view.verification);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${liveblogPath(slug)}?${search}` : liveblogPath(slug);
}

function Choice({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

export function StreamControls({
  slug,
  locale,
  view,
}: {
  slug: string;
  locale: UiLocale;
  view: StreamView;
}) {
  const r = readerText(locale);
  return (
    <nav class="stream-controls" aria-label={r.streamControls}>
      <ul class="stream-filter">
        <Choice
          href={streamHref(slug, { ...view, keyEventsOnly: false })}
          current={!view.keyEventsOnly}
          label={r.allUpdates}
        />
        <Choice
          href={streamHref(slug, { ...view, keyEventsOnly: true })}
          current={view.keyEventsOnly}
          label={r.keyEventsOnly}
        />
      </ul>
      <ul class="stream-sort">
        <Choice
          href={streamHref(slug, { ...view, oldestFirst: false })}
          current={!view.oldestFirst}
          label={r.newestFirst}
        />
        <Choice
          href={streamHref(slug, { ...view, oldestFirst: true })}
          current={view.oldestFirst}
          label={r.oldestFirst}
        />
      </ul>
    </nav>
  );
}

/**
 * Newer and older pages of the view. Oldest first, the next page holds later updates, so the
 * words follow the order: "newer" always points at later updates.
 */
export function Pagination({
  slug,
  locale,
  view,
  page,
  pageCount,
}: {
  slug: string;
  locale: UiLocale;
  view: StreamView;
  page: number;
  pageCount: number;
}) {
  const m = t(locale);
  if (pageCount <= 1) return null;
  const previous = view.oldestFirst ? m.olderPage : m.newerPage;
  const next = view.oldestFirst ? m.newerPage : m.olderPage;
  return (
    <nav class="pagination" aria-label={m.pageOf(page, pageCount)}>
      {page > 1 ? (
        <a rel="prev" href={streamHref(slug, view, page - 1)}>
          {previous}
        </a>
      ) : null}
      <span>{m.pageOf(page, pageCount)}</span>
      {page < pageCount ? (
        <a rel="next" href={streamHref(slug, view, page + 1)}>
          {next}
        </a>
      ) : null}
    </nav>
  );
}
