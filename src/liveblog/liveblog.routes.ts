// JSON API v1 for live pages. Thin: validate (schemas), call the service, return the presenter.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { IdempotencyKeyHeaders, idempotentResponses } from '../access/access.idempotency.js';
import {
  CreateLiveblogBody,
  ExplainerBody,
  LiveblogOut,
  PatchLiveblogBody,
  SlugParams,
} from './liveblog.schema.js';
import { presentLiveblog } from './liveblog.presenter.js';
import type { LiveblogService } from './liveblog.service.js';

export interface LiveblogRoutesOptions {
  readonly liveblogs: LiveblogService;
  /** The address readers use, for the absolute `url` of each page. */
  readonly publicUrl: string;
}

/** Register inside the `/api/v1` context. */
export const liveblogRoutes: FastifyPluginAsyncTypebox<LiveblogRoutesOptions> = (
  app,
  { liveblogs, publicUrl },
) => {
  const tags = ['live pages'];
  const security = [{ bearer: [] }];

  app.post(
    '/liveblogs',
    {
      schema: {
        tags,
        security,
        summary: 'Create a live page',
        headers: IdempotencyKeyHeaders,
        body: CreateLiveblogBody,
        response: { 201: LiveblogOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request, reply) => {
      const { liveblog, explainer } = await liveblogs.create(request.actor, request.body);
      return reply
        .code(201)
        .header('location', `/api/v1/liveblogs/${liveblog.slug}`)
        .send(presentLiveblog(liveblog, explainer, publicUrl));
    },
  );

  app.get(
    '/liveblogs/:slug',
    {
      schema: {
        tags,
        summary: 'A live page with its explainer',
        params: SlugParams,
        response: { 200: LiveblogOut, ...errorResponses },
      },
    },
    async (request) => {
      const { liveblog, explainer } = await liveblogs.get(request.params.slug);
      return presentLiveblog(liveblog, explainer, publicUrl);
    },
  );

  app.patch(
    '/liveblogs/:slug',
    {
      schema: {
        tags,
        security,
        summary: 'Change the headline, standfirst, status, time zone or coverage times',
        params: SlugParams,
        body: PatchLiveblogBody,
        response: { 200: LiveblogOut, ...errorResponses },
      },
    },
    async (request) => {
      const { liveblog, explainer } = await liveblogs.change(
        request.actor,
        request.params.slug,
        request.body,
      );
      return presentLiveblog(liveblog, explainer, publicUrl);
    },
  );

  app.put(
    '/liveblogs/:slug/explainer',
    {
      schema: {
        tags,
        security,
        summary: 'Replace the background explainer (ordered, titled sections)',
        params: SlugParams,
        body: ExplainerBody,
        response: { 200: LiveblogOut, ...errorResponses },
      },
    },
    async (request) => {
      const { liveblog, explainer } = await liveblogs.replaceExplainer(
        request.actor,
        request.params.slug,
        request.body,
      );
      return presentLiveblog(liveblog, explainer, publicUrl);
    },
  );

  return Promise.resolve();
};
