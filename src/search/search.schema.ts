// The wire shapes of search: the query string and the results, one place.
import { Type, type Static } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import { MAX_QUERY_LENGTH } from '../frame/frame.search-box.js';

const QueryText = Type.String({
  minLength: 1,
  maxLength: MAX_QUERY_LENGTH,
  description: 'Words to look for, in any spelling: hamza, diacritics and digits do not matter',
});
const DateBound = Type.Union(
  [Type.String({ format: 'date' }), Type.String({ format: 'date-time' })],
  {
    description: 'A date (YYYY-MM-DD, UTC, the whole day included) or a date-time',
  },
);

export const SearchQuerystring = Type.Object(
  {
    q: QueryText,
    liveblog: Type.Optional(Slug),
    from: Type.Optional(DateBound),
    to: Type.Optional(DateBound),
    keyEvents: Type.Optional(Type.Boolean({ description: 'Only key events' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuerystring = Static<typeof SearchQuerystring>;

export const SearchPageQuerystring = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH })),
    liveblog: Type.Optional(Slug),
  },
  { additionalProperties: false },
);

export const SegmentOut = Type.Object(
  { text: Type.String(), match: Type.Boolean() },
  { description: 'A piece of the original text; `match` marks the words that matched' },
);

export const SearchResultOut = Type.Object({
  kind: Type.Union([Type.Literal('update'), Type.Literal('explainer')]),
  liveblog: Type.String({ description: 'The live page slug' }),
  liveblogHeadline: Type.String(),
  updateId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The update; null for an explainer section',
  }),
  url: Type.String({ description: 'Path of the update (or explainer section) on the reader site' }),
  headline: Type.Array(SegmentOut, { description: 'Empty when the update has no headline' }),
  snippet: Type.Array(SegmentOut),
  publishedAt: Type.String({ format: 'date-time' }),
  keyEvent: Type.Boolean(),
  score: Type.Number({ description: 'Higher is better; compare only within one response' }),
  allTerms: Type.Boolean({ description: 'False when the result holds only some of the words' }),
});

export const SearchOut = Type.Object({
  query: Type.String(),
  terms: Type.Array(Type.String(), { description: 'The words searched for (stop words left out)' }),
  results: Type.Array(SearchResultOut),
});
export type SearchOut = Static<typeof SearchOut>;
