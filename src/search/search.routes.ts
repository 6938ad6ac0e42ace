// Search over HTTP: the JSON API (`GET /api/v1/search`) and the reader's results page
// (`GET /search`). Thin: validate, call the search service, present or render.
// The service comes as a plugin option: `app.register(searchApiRoutes, { search })`; the page
// also takes the site name and the asset names.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../platform/platform.errors.js';
import { errorResponses } from '../platform/platform.schema.js';
import { presentSearchResults } from './search.presenter.js';
import { SearchOut, SearchPageQuerystring, SearchQuerystring } from './search.schema.js';
import { SEARCH_DEFAULT_LIMIT, type SearchQuery, type SearchService } from './search.service.js';
import { searchMessages } from '../frame/frame.search-box.js';
import { renderSearchPage } from './search.view.js';
import type { Assets } from '../platform/platform.assets.js';

export interface SearchRoutesOptions {
  readonly search: SearchService;
}

export interface SearchPageRoutesOptions extends SearchRoutesOptions {
  readonly siteName: string;
  readonly assets: Assets;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HtmlOut = Type.String({ description: 'An HTML page' });

/** A date is the whole UTC day: `from` its first millisecond, `to` its last. */
function bound(value: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (value === undefined) return undefined;
  const date = DATE_ONLY.test(value)
    ? new Date(`${value}T${field === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`)
    : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw errors.validation([{ field: `/${field}`, message: 'must be a date or a date-time' }]);
  }
  return date;
}

export function searchQueryFrom(query: SearchQuerystring): SearchQuery {
  const from = bound(query.from, 'from');
  const to = bound(query.to, 'to');
  if (from !== undefined && to !== undefined && from > to) {
    throw errors.validation([{ field: '/to', message: 'must not be before from' }]);
  }
  return {
    q: query.q,
    limit: query.limit ?? SEARCH_DEFAULT_LIMIT,
    ...(query.liveblog !== undefined && { liveblog: query.liveblog }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(query.keyEvents === true && { keyEventsOnly: true }),
  };
}

/** Register inside the `/api/v1` context. */
export const searchApiRoutes: FastifyPluginAsyncTypebox<SearchRoutesOptions> = (
  app,
  { search },
) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search updates and explainers',
        description:
          'Every word first, then (when that finds fewer than `limit`) results with some of the words, marked `allTerms: false`. Spelling variants, hamza, diacritics, Arabic-Indic digits, clitics, plurals (broken plurals included), names in Latin letters and, for a word that finds nothing, its likely typos are matched; `headline` and `snippet` are segments of the original text with the matching words flagged.',
        querystring: SearchQuerystring,
        response: { 200: SearchOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const results = await search.search(searchQueryFrom(request.query));
      return reply
        .header('cache-control', 'public, max-age=10')
        .send(presentSearchResults(results));
    },
  );
  return Promise.resolve();
};

/** Register next to the reader routes. */
export const searchPageRoutes: FastifyPluginAsyncTypebox<SearchPageRoutesOptions> = (
  app,
  { search, siteName, assets },
) => {
  app.get(
    '/search',
    { schema: { hide: true, querystring: SearchPageQuerystring, response: { 200: HtmlOut } } },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const { liveblog } = request.query;
      const results =
        q === ''
          ? undefined
          : await search.search({ q, ...(liveblog !== undefined && { liveblog }) });
      const m = searchMessages('ar');
      const html = renderSearchPage(
        {
          locale: 'ar',
          title: `${q === '' ? m.title : `${m.title}: ${q}`} | ${siteName}`,
          siteName,
          assets,
          path: request.url.slice(0, 500),
        },
        {
          locale: 'ar',
          q,
          ...(liveblog !== undefined && { liveblog }),
          ...(results !== undefined && { results }),
        },
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=10')
        .send(html);
    },
  );
  return Promise.resolve();
};
