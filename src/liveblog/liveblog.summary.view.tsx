// «ما نعرفه حتى الآن»: the summary box at the top of the live page (the same markup in the
// page and in the live event that replaces it), and its public history, each version with its
// time and what it added and removed.
import { renderToString } from 'preact-render-to-string';
import { formatUpdateTime, formatTimeZoneName, toIsoString } from '../lib/time.format.js';
import { directionOf } from '../lib/i18n.messages.js';
import { trm } from '../update/update.trust.messages.js';
import type { UpdateContext } from '../update/update.view.js';
import type { Liveblog, SummaryVersion } from './liveblog.types.js';
import { liveblogPath } from './liveblog.presenter.js';

export function summaryPath(slug: string): string {
  return `${liveblogPath(slug)}/summary`;
}

type TimeContext = Pick<UpdateContext, 'locale' | 'timeZone' | 'dateStyle'>;

function VersionTime({ at, context }: { at: Date; context: TimeContext }) {
  return (
    <time dateTime={toIsoString(at)}>
      {formatUpdateTime(at, context.timeZone, context.locale, context.dateStyle)}{' '}
      <span class="time-zone">{formatTimeZoneName(context.timeZone, context.locale)}</span>
    </time>
  );
}

/** The box; present but hidden while the summary is empty, so a live event can fill it. */
export function SummaryBox({
  summary,
  context,
}: {
  summary: SummaryVersion | undefined;
  context: UpdateContext;
}) {
  const m = trm(context.locale);
  const points = summary?.points ?? [];
  if (!summary || points.length === 0) return <section id="summary" class="summary-box" hidden />;
  return (
    <section id="summary" class="summary-box" aria-labelledby="summary-title">
      <h2 id="summary-title">{m.summary}</h2>
      <ul class="summary-points">
        {points.map((point, i) => (
          <li key={i} dir="auto">
            {point}
          </li>
        ))}
      </ul>
      <p class="summary-meta">
        {m.summaryChanged}: <VersionTime at={summary.at} context={context} /> ·{' '}
        <a href={summaryPath(context.slug)}>{m.summaryHistory}</a>
      </p>
    </section>
  );
}

export function renderSummaryHtml(
  summary: SummaryVersion | undefined,
  context: UpdateContext,
): string {
  return renderToString(<SummaryBox summary={summary} context={context} />);
}

/** What a version added to, and removed from, the one before it (point by point). */
export function summaryDiff(
  version: SummaryVersion,
  before: SummaryVersion | undefined,
): { added: string[]; removed: string[] } {
  const old = new Set(before?.points ?? []);
  const now = new Set(version.points);
  return {
    added: version.points.filter((point) => !old.has(point)),
    removed: [...old].filter((point) => !now.has(point)),
  };
}

function VersionItem({
  version,
  before,
  context,
}: {
  version: SummaryVersion;
  before: SummaryVersion | undefined;
  context: TimeContext;
}) {
  const m = trm(context.locale);
  const { added, removed } = summaryDiff(version, before);
  return (
    <li class="summary-version" id={`summary-version-${version.id}`}>
      <h2>
        <VersionTime at={version.at} context={context} />
      </h2>
      {version.points.length === 0 ? <p>{m.summaryCleared}</p> : null}
      {added.length > 0 ? (
        <div class="summary-added">
          <h3>{m.summaryAdded}</h3>
          <ul>
            {added.map((point, i) => (
              <li key={i} dir="auto">
                <ins>{point}</ins>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {removed.length > 0 ? (
        <div class="summary-removed">
          <h3>{m.summaryRemoved}</h3>
          <ul>
            {removed.map((point, i) => (
              <li key={i} dir="auto">
                <del>{point}</del>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/** The public history: every version, newest first, with its time and its changes. */
export function SummaryHistoryPage({
  liveblog,
  versions,
  context,
}: {
  liveblog: Liveblog;
  versions: readonly SummaryVersion[];
  context: TimeContext;
}) {
  const m = trm(context.locale);
  return (
    <div class="summary-history" lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
      <h1>{m.summaryHistoryTitle}</h1>
      <p>
        <a href={liveblogPath(liveblog.slug)}>
          {m.backToPage}: <bdi>{liveblog.headline}</bdi>
        </a>
      </p>
      <ol class="summary-versions" reversed>
        {versions.map((version, i) => (
          <VersionItem
            key={version.id}
            version={version}
            before={versions[i + 1]}
            context={context}
          />
        ))}
      </ol>
    </div>
  );
}
