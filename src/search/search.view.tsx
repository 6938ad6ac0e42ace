// The reader's search results page. Plain HTML: a GET form and links, no script. Matches are
// <mark>ed from the segments the service returns; Preact escapes every piece of text.
import type { ComponentChildren } from 'preact';
import { directionOf, type UiLocale } from '../lib/i18n.messages.js';
import { formatUpdateTime, plural } from '../lib/time.format.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { renderDocument, type PageFrame } from '../frame/frame.view.js';
import type { Segment } from './search.highlight.js';
import { hitPath } from './search.presenter.js';
import { SearchBox, searchMessages } from '../frame/frame.search-box.js';
import type { SearchHit, SearchResults } from './search.service.js';

function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

function Result({ hit, locale }: { hit: SearchHit; locale: UiLocale }) {
  const m = searchMessages(locale);
  const page = hit.liveblog;
  const title: ComponentChildren =
    hit.headline.length > 0 ? <Highlighted segments={hit.headline} /> : page.headline;
  return (
    <li class="search-result">
      <h2 class="search-result-title" dir="auto">
        <a href={hitPath(hit)}>{title}</a>
      </h2>
      <p class="search-result-meta">
        {hit.kind === 'explainer' ? <span class="badge">{m.background}</span> : null}
        {hit.keyEvent ? <span class="badge badge-key">{m.keyEvent}</span> : null} {m.inPage}{' '}
        <a href={liveblogPath(page.slug)} lang={page.locale} dir={directionOf(page.locale)}>
          <bdi>{page.headline}</bdi>
        </a>
        {hit.kind === 'update' ? (
          <>
            {' · '}
            <time dateTime={hit.publishedAt.toISOString()}>
              {formatUpdateTime(hit.publishedAt, page.timeZone, locale)}
            </time>
          </>
        ) : null}
      </p>
      <p class="search-snippet" dir="auto" lang={page.locale}>
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}

export interface SearchPageModel {
  readonly locale: UiLocale;
  readonly q: string;
  readonly liveblog?: string;
  /** Absent before the reader has searched. */
  readonly results?: SearchResults;
}

export function SearchPage({ model }: { model: SearchPageModel }) {
  const m = searchMessages(model.locale);
  const hits = model.results?.hits ?? [];
  const full = hits.filter((hit) => hit.allTerms);
  const partial = hits.filter((hit) => !hit.allTerms);
  return (
    <div class="search-page">
      <h1>{m.title}</h1>
      <SearchBox locale={model.locale} q={model.q} liveblog={model.liveblog} id="search-page-q" />
      {model.liveblog ? (
        <p class="search-scope">
          {m.thisPageOnly} <a href={`/search?q=${encodeURIComponent(model.q)}`}>{m.allPages}</a>
        </p>
      ) : null}
      {model.results === undefined ? null : hits.length === 0 ? (
        <p class="search-empty">{m.noResults(model.q)}</p>
      ) : (
        <>
          <p class="search-count" role="status">
            {plural(model.locale, hits.length, m.results)}
          </p>
          {full.length > 0 ? (
            <ol class="search-results">
              {full.map((hit) => (
                <Result
                  key={`${hit.kind}-${hit.updateId ?? hit.section}`}
                  hit={hit}
                  locale={model.locale}
                />
              ))}
            </ol>
          ) : null}
          {partial.length > 0 ? (
            <section aria-labelledby="search-partial">
              <h2 id="search-partial" class="search-partial-title">
                {m.partial}
              </h2>
              <ol class="search-results">
                {partial.map((hit) => (
                  <Result
                    key={`${hit.kind}-${hit.updateId ?? hit.section}`}
                    hit={hit}
                    locale={model.locale}
                  />
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The results page. Search pages are not for search engines: `noindex`. */
export function renderSearchPage(frame: PageFrame, model: SearchPageModel): string {
  return renderDocument(
    { ...frame, head: <meta name="robots" content="noindex" /> },
    <SearchPage model={model} />,
  );
}
