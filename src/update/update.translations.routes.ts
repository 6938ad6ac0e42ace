// JSON API v1 for Arabic ⇄ English links between updates: set or clear an update's translation
// (an update of the counterpart page), and the desk's "to translate" queue.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { SlugParams } from '../liveblog/liveblog.schema.js';
import { UpdateOut, UpdateParams } from './update.schema.js';
import { presentUpdate } from './update.presenter.js';
import type { UpdateService } from './update.service.js';

export interface TranslationRoutesOptions {
  readonly updates: Pick<UpdateService, 'linkTranslation' | 'toTranslate'>;
  readonly publicUrl: string;
}

const TranslationBody = Type.Object(
  {
    translation: Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()], {
      description:
        'The id of the update on the counterpart page that translates this one; null unlinks',
    }),
  },
  { additionalProperties: false },
);

const QueueOut = Type.Object({
  liveblog: Type.String(),
  counterpart: Type.Union([Type.String(), Type.Null()]),
  updates: Type.Array(UpdateOut),
});

/** Register inside the `/api/v1` context. */
export const translationRoutes: FastifyPluginAsyncTypebox<TranslationRoutesOptions> = (
  app,
  { updates, publicUrl },
) => {
  const tags = ['translations'];
  const security = [{ bearer: [] }];

  app.put(
    '/liveblogs/:slug/updates/:id/translation',
    {
      schema: {
        tags,
        security,
        summary: 'Link an update to its translation on the counterpart page (both ways)',
        params: UpdateParams,
        body: TranslationBody,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request) => {
      const { update, liveblog } = await updates.linkTranslation(
        request.actor,
        request.params.slug,
        request.params.id,
        request.body.translation,
      );
      return presentUpdate(update, liveblog, publicUrl);
    },
  );

  app.get(
    '/liveblogs/:slug/to-translate',
    {
      schema: {
        tags,
        security,
        summary: "The counterpart page's updates not yet linked to a translation here",
        params: SlugParams,
        response: { 200: QueueOut, ...errorResponses },
      },
    },
    async (request) => {
      const { liveblog, counterpart, queue } = await updates.toTranslate(
        request.actor,
        request.params.slug,
      );
      return {
        liveblog: liveblog.slug,
        counterpart: counterpart?.slug ?? null,
        updates: counterpart ? queue.map((u) => presentUpdate(u, counterpart, publicUrl)) : [],
      };
    },
  );

  return Promise.resolve();
};
