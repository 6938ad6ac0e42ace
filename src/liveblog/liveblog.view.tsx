// The reader's live page: header, explainer, key events, pinned update and the stream.
// Updates themselves are drawn by update.view.tsx, the one update renderer.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  dayKey,
  plural,
  formatUpdateTime,
  formatTimeZoneName,
  toIsoString,
} from '../lib/time.format.js';
import { t } from '../lib/i18n.messages.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import type { PublishedUpdate, Verification } from '../update/update.types.js';
import {
  CorrectionsList,
  VerificationFilter,
  type PageCorrection,
} from '../update/update.trust.view.js';
import { trm } from '../update/update.trust.messages.js';
import { SummaryBox } from './liveblog.summary.view.js';
import { BlocksView, UpdateArticle, type UpdateContext } from '../update/update.view.js';
import { KeyEventItem } from '../update/update.share.view.js';
import type { ExplainerSection, Liveblog, SummaryVersion } from './liveblog.types.js';
import { explainerAnchor, liveblogPath } from './liveblog.presenter.js';
import { Pagination, StreamControls } from './liveblog.controls.view.js';
import { readerText } from '../lib/i18n.reader.messages.js';
import { FollowControl } from '../push/push.view.js';

export function ExplainerView({
  liveblog,
  explainer,
}: {
  liveblog: Liveblog;
  explainer: readonly ExplainerSection[];
}) {
  const m = t(liveblog.locale);
  if (explainer.length === 0) return <section id="explainer" class="explainer" hidden />;
  // The contents list stays in view; each section folds, so a phone reader reaches the latest
  // updates at once. Following a contents link opens the section it points to.
  return (
    <section class="explainer" id="explainer" aria-labelledby="explainer-title">
      <h2 id="explainer-title">{m.background}</h2>
      <nav class="explainer-contents" aria-label={m.contents}>
        <ol>
          {explainer.map((section) => (
            <li key={section.position}>
              <a href={`#${explainerAnchor(section.position)}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {explainer.map((section) => (
        <details
          key={section.position}
          id={explainerAnchor(section.position)}
          class="explainer-section"
        >
          <summary dir="auto">{section.title}</summary>
          <div dir="auto">
            <BlocksView blocks={section.blocks} />
          </div>
        </details>
      ))}
    </section>
  );
}

export function renderExplainerHtml(
  liveblog: Liveblog,
  explainer: readonly ExplainerSection[],
): string {
  return renderToString(<ExplainerView liveblog={liveblog} explainer={explainer} />);
}

/** A reader's view of the stream: every update or the key events only, newest or oldest first. */
export interface StreamView {
  readonly keyEventsOnly: boolean;
  readonly oldestFirst: boolean;
  /** Only the updates in one verification state. */
  readonly verification?: Verification | undefined;
}

export const DEFAULT_VIEW: StreamView = { keyEventsOnly: false, oldestFirst: false };

export interface LivePageModel {
  readonly liveblog: Liveblog;
  readonly explainer: readonly ExplainerSection[];
  readonly keyEvents: readonly { update: PublishedUpdate; href: string }[];
  readonly pinned: PublishedUpdate | undefined;
  readonly updates: readonly PublishedUpdate[];
  /** Which updates the stream holds and in which order (the page's address says). */
  readonly view?: StreamView;
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly lastUpdatedAt: Date | null;
  /** How this page's updates are drawn (its date style, the moment of rendering, the links). */
  readonly context: UpdateContext;
  /** The comments section (page 1 only), drawn by comment.view.tsx. */
  readonly comments?: ComponentChildren;
  /** «What we know so far» (first page only). */
  readonly summary?: SummaryVersion | undefined;
  /** The page's corrections ledger, newest first. */
  readonly corrections?: readonly PageCorrection[];
  /** The reader's filter: only updates in this verification state. */
  readonly verification?: Verification;
}

/**
 * Whether the update at `i` opens a day: its day differs from the update above it, or it is the
 * first update of an older page (whose reader has not seen the day named yet).
 */
function startsDay(
  updates: readonly PublishedUpdate[],
  i: number,
  page: number,
  timeZone: string,
): boolean {
  const update = updates[i];
  if (!update) return false;
  const above = updates[i - 1];
  if (!above) return page > 1;
  return dayKey(above.publishedAt, timeZone) !== dayKey(update.publishedAt, timeZone);
}

export function LivePage({ model }: { model: LivePageModel }) {
  const { liveblog, page, context } = model;
  const m = t(liveblog.locale);
  const view = model.view ?? DEFAULT_VIEW;
  const firstPage = page === 1 && !view.keyEventsOnly && !view.oldestFirst;
  return (
    <div class="live-page" data-status={liveblog.status}>
      <header class="live-header">
        <p class="live-header-status">
          <StatusBadge liveblog={liveblog} locale={liveblog.locale} />
          {model.lastUpdatedAt ? (
            <span class="last-updated">
              {m.lastUpdated}:{' '}
              <time dateTime={toIsoString(model.lastUpdatedAt)} id="last-updated">
                {formatUpdateTime(
                  model.lastUpdatedAt,
                  liveblog.timeZone,
                  liveblog.locale,
                  context.dateStyle,
                )}
              </time>{' '}
              <span class="time-zone">
                {formatTimeZoneName(liveblog.timeZone, liveblog.locale)}
              </span>
            </span>
          ) : null}
        </p>
        <h1 id="live-headline" dir="auto">
          {liveblog.headline}
        </h1>
        {liveblog.standfirst ? (
          <p class="standfirst" id="live-standfirst" dir="auto">
            {liveblog.standfirst}
          </p>
        ) : null}
      </header>
      {firstPage ? <SummaryBox summary={model.summary} context={context} /> : null}

      <div class="live-layout">
        <aside class="live-aside">
          {firstPage ? <ExplainerView liveblog={liveblog} explainer={model.explainer} /> : null}
          <section
            class="key-events"
            aria-labelledby="key-events-title"
            hidden={model.keyEvents.length === 0}
          >
            <h2 id="key-events-title">{m.keyEvents}</h2>
            <ol id="key-events-list">
              {model.keyEvents.map(({ update, href }) => (
                <KeyEventItem key={update.id} update={update} context={context} href={href} />
              ))}
            </ol>
          </section>
        </aside>

        <div class="live-stream-column">
          {firstPage ? (
            <section
              class="pinned"
              id="pinned"
              aria-label={m.pinned}
              hidden={model.pinned === undefined}
            >
              {model.pinned ? (
                <UpdateArticle update={model.pinned} context={context} variant="pinned" />
              ) : null}
            </section>
          ) : null}

          <section class="stream" aria-labelledby="stream-title">
            <h2 id="stream-title">
              {m.latestUpdates}{' '}
              <span class="update-count">
                ({plural(liveblog.locale, model.total, m.updatesCount, context.dateStyle.digits)})
              </span>
            </h2>
            <StreamControls slug={liveblog.slug} locale={liveblog.locale} view={view} />
            <p id="live-connection" class="live-connection" role="status" hidden />
            <div id="catch-up" class="catch-up" hidden />
            <div id="new-updates-pill" class="new-updates-pill" hidden>
              <button type="button" class="new-updates-button" />
            </div>
            <div id="live-announcer" class="visually-hidden" aria-live="polite" />
            <div id="updates" class="updates" data-page={page} data-total={model.total}>
              {model.updates.map((update, i) => (
                <UpdateArticle
                  key={update.id}
                  update={update}
                  context={context}
                  dayStart={startsDay(model.updates, i, page, context.timeZone)}
                />
              ))}
            </div>
            {model.total === 0 ? (
              <p class="no-updates">
                {model.verification
                  ? trm(liveblog.locale).noneInState
                  : view.keyEventsOnly
                    ? readerText(liveblog.locale).noKeyEventsYet
                    : m.noUpdatesYet}
              </p>
            ) : null}
          </section>

          {/* Older updates before the comments: the story goes on above the conversation. */}
          <Pagination
            slug={liveblog.slug}
            locale={liveblog.locale}
            view={view}
            page={page}
            pageCount={model.pageCount}
          />

          {/* Below the stream on purpose: on a phone the newest update comes first. */}
          <FollowControl liveblog={liveblog} />
          <VerificationFilter
            path={liveblogPath(liveblog.slug)}
            context={context}
            active={model.verification}
          />
          <p class="lite-link">
            <a href={`${liveblogPath(liveblog.slug)}/lite`}>
              {readerText(liveblog.locale).litePage}
            </a>
          </p>

          <CorrectionsList items={model.corrections ?? []} context={context} />

          {model.comments}
        </div>
      </div>
    </div>
  );
}

export function StatusBadge({ liveblog, locale }: { liveblog: Liveblog; locale: UiLocale }) {
  const m = t(locale);
  const label = { live: m.live, ended: m.ended, scheduled: m.scheduled, archived: m.archived }[
    liveblog.status
  ];
  return <span class={`badge status-badge status-${liveblog.status}`}>{label}</span>;
}
