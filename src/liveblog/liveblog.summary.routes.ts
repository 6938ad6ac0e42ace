// JSON API v1 for the «what we know so far» box: read it with its history, replace it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { SlugParams } from './liveblog.schema.js';
import type { SummaryService } from './liveblog.summary.js';
import type { SummaryVersion } from './liveblog.types.js';

export const SummaryBody = Type.Object(
  {
    text: Type.String({
      maxLength: 4000,
      description: 'One point a line (at most 12); an empty text hides the box',
    }),
  },
  { additionalProperties: false },
);

const SummaryVersionOut = Type.Object({
  text: Type.String(),
  points: Type.Array(Type.String()),
  at: Type.String(),
});

export const SummaryOut = Type.Object({
  summary: Type.Union([SummaryVersionOut, Type.Null()]),
  history: Type.Array(SummaryVersionOut),
});

type VersionOut = Static<typeof SummaryVersionOut>;

export function presentSummaryVersion(version: SummaryVersion): VersionOut {
  return { text: version.text, points: [...version.points], at: version.at.toISOString() };
}

export interface SummaryRoutesOptions {
  readonly summaries: SummaryService;
}

/** Register inside the `/api/v1` context. */
export const summaryRoutes: FastifyPluginAsyncTypebox<SummaryRoutesOptions> = (
  app,
  { summaries },
) => {
  const tags = ['live pages'];

  app.get(
    '/liveblogs/:slug/summary',
    {
      schema: {
        tags,
        summary: '«What we know so far»: the box as it stands and every version, newest first',
        params: SlugParams,
        response: { 200: SummaryOut, ...errorResponses },
      },
    },
    async (request) => {
      const { versions } = await summaries.history(request.params.slug);
      const newest = versions[0];
      return {
        summary: newest ? presentSummaryVersion(newest) : null,
        history: versions.map(presentSummaryVersion),
      };
    },
  );

  app.put(
    '/liveblogs/:slug/summary',
    {
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Replace «what we know so far»; open pages show it at once',
        params: SlugParams,
        body: SummaryBody,
        response: { 200: SummaryOut, ...errorResponses },
      },
    },
    async (request) => {
      await summaries.set(request.actor, request.params.slug, request.body.text);
      const { versions } = await summaries.history(request.params.slug);
      const newest = versions[0];
      return {
        summary: newest ? presentSummaryVersion(newest) : null,
        history: versions.map(presentSummaryVersion),
      };
    },
  );

  return Promise.resolve();
};
