// The outward shape of search results in the JSON API, and where each result lives.
import { explainerAnchor, liveblogPath } from '../liveblog/liveblog.presenter.js';
import { permalinkPath } from '../update/update.paths.js';
import type { SearchHit, SearchResults } from './search.service.js';
import type { SearchOut } from './search.schema.js';

/** `/live/<slug>/updates/<id>#update-<id>`, or `/live/<slug>#background-<n>` for the explainer. */
export function hitPath(hit: SearchHit): string {
  if (hit.updateId !== null) return permalinkPath(hit.liveblog.slug, hit.updateId);
  return `${liveblogPath(hit.liveblog.slug)}#${explainerAnchor(hit.section ?? 0)}`;
}

export function presentSearchResults(results: SearchResults): SearchOut {
  return {
    query: results.query,
    terms: results.terms,
    results: results.hits.map((hit) => ({
      kind: hit.kind,
      liveblog: hit.liveblog.slug,
      liveblogHeadline: hit.liveblog.headline,
      updateId: hit.updateId,
      url: hitPath(hit),
      headline: hit.headline.map((segment) => ({ ...segment })),
      snippet: hit.snippet.map((segment) => ({ ...segment })),
      publishedAt: hit.publishedAt.toISOString(),
      keyEvent: hit.keyEvent,
      score: hit.score,
      allTerms: hit.allTerms,
    })),
  };
}
