// The desk's "to translate" page and its link form: the counterpart's new updates, each linked
// to its translation on this page through the same service method as the API.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../platform/platform.errors.js';
import type { UpdateService } from '../update/update.service.js';
import type { StaffPages } from './newsroom.pages.js';
import { Html, LangQuery, SlugParams } from './newsroom.schema.js';
import { pm } from '../push/push.messages.js';
import { TranslationsPage } from './newsroom.translations.view.js';

export interface TranslationDeskOptions {
  readonly pages: StaffPages;
  readonly updates: Pick<UpdateService, 'toTranslate' | 'linkTranslation'>;
}

const LinkForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
    update: Type.String({ maxLength: 12 }),
    translation: Type.String({ maxLength: 12 }),
  },
  { additionalProperties: false },
);

function idOf(raw: string, field: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (id < 1 || id > 2_147_483_647)
    throw errors.validation([{ field: `/${field}`, message: 'must be an update id' }]);
  return id;
}

export const translationDeskRoutes: FastifyPluginAsyncTypebox<TranslationDeskOptions> = (
  app,
  { pages, updates },
) => {
  app.get(
    '/liveblogs/:slug/translate',
    { schema: { hide: true, params: SlugParams, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'draft.write');
      if (!session) return reply;
      const queue = await updates.toTranslate(session.actor, request.params.slug);
      const locale = pages.locale(request);
      const page = (
        <TranslationsPage locale={locale} model={{ ...queue, csrfToken: session.csrfToken }} />
      );
      return pages.render(request, reply, pm(locale).toTranslate, page);
    },
  );

  app.post(
    '/liveblogs/:slug/translations',
    { schema: { hide: true, params: SlugParams, body: LinkForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'update.edit');
      if (!session) return reply;
      const { slug } = request.params;
      await updates.linkTranslation(
        session.actor,
        slug,
        idOf(request.body.update, 'update'),
        idOf(request.body.translation, 'translation'),
      );
      return reply.redirect(`/newsroom/liveblogs/${slug}/translate`, 303);
    },
  );

  return Promise.resolve();
};
