// JSON API v1 for updates. Thin: validate (schemas), call the service, return the presenter.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { SlugParams } from '../liveblog/liveblog.schema.js';
import {
  CreateUpdateBody,
  ListUpdatesQuery,
  PatchUpdateBody,
  UpdateListOut,
  UpdateOut,
  UpdateParams,
} from './update.schema.js';
import { presentUpdate } from './update.presenter.js';

export const updateRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { updates } = app.services;
  const publicUrl = app.config.publicUrl;
  const tags = ['updates'];
  const security = [{ bearer: [] }];

  app.post(
    '/liveblogs/:slug/updates',
    {
      schema: {
        tags,
        security,
        summary: 'Publish an update',
        description:
          'Send `text` (plain text: blank lines split paragraphs, URLs become links) or `blocks`.',
        params: SlugParams,
        body: CreateUpdateBody,
        response: { 201: UpdateOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { update, liveblog } = await updates.publish(
        request.actor,
        request.params.slug,
        request.body,
      );
      return reply
        .code(201)
        .header('location', `/api/v1/liveblogs/${liveblog.slug}/updates/${update.id}`)
        .send(presentUpdate(update, liveblog, publicUrl));
    },
  );

  app.get(
    '/liveblogs/:slug/updates',
    {
      schema: {
        tags,
        summary: 'Published updates, newest first',
        params: SlugParams,
        querystring: ListUpdatesQuery,
        response: { 200: UpdateListOut, ...errorResponses },
      },
    },
    async (request) => {
      const result = await updates.list(
        request.params.slug,
        request.query.before,
        request.query.limit ?? 20,
      );
      return {
        updates: result.updates.map((update) => presentUpdate(update, result.liveblog, publicUrl)),
        nextBefore: result.nextBefore,
      };
    },
  );

  app.get(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        summary: 'One published update',
        params: UpdateParams,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request) => {
      const { update, liveblog } = await updates.get(request.params.slug, request.params.id);
      return presentUpdate(update, liveblog, publicUrl);
    },
  );

  app.patch(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit an update (readers see «تم التحديث»), pin or unpin it, flag it',
        params: UpdateParams,
        body: PatchUpdateBody,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request) => {
      const { update, liveblog } = await updates.edit(
        request.actor,
        request.params.slug,
        request.params.id,
        request.body,
      );
      return presentUpdate(update, liveblog, publicUrl);
    },
  );

  app.delete(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an update; open pages remove it at once',
        params: UpdateParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await updates.remove(request.actor, request.params.slug, request.params.id);
      return reply.code(204).send(null);
    },
  );

  return Promise.resolve();
};
