// The pages a reader reads: the front page, a live page with its numbered older pages, and the
// permalink of an update (which opens the page that holds it, focused on that update).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { t } from '../lib/i18n.messages.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import { renderDocument } from '../frame/frame.view.js';
import { CommentsSection } from '../comment/comment.view.js';
import type { ReaderService } from './reader.service.js';
import { HtmlOut, type ReaderPages } from './reader.pages.js';
import { FrontPage } from './reader.view.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import type { PageSender } from './reader.page-cache.js';
import { VERIFICATION_STATES } from '../update/update.types.js';
import { SHARE_TARGETS, shareTargetUrl } from '../update/update.share.view.js';
import { updateUrlPath } from '../update/update.paths.js';
import { cacheForReaders, liveblogKeys, listKeys, updateKeys } from './reader.cache.js';

export interface LivePageRoutesOptions {
  readonly pages: ReaderPages;
  readonly reader: Pick<ReaderService, 'frontPage' | 'livePageWithComments' | 'permalink'>;
  readonly siteName: string;
  /** How long shared caches keep these pages. */
  readonly cache: CachePolicy;
  /** Sends a live page's own responses, from memory for anonymous readers. */
  readonly sender: PageSender;
}

export const livePageRoutes: FastifyPluginAsyncTypebox<LivePageRoutesOptions> = (
  app,
  { pages, reader, siteName, cache, sender },
) => {
  app.get('/', { schema: { hide: true, response: { 200: HtmlOut } } }, async (request, reply) => {
    const liveblogs = await reader.frontPage();
    const html = renderDocument(
      pages.frame(request, { locale: 'ar', title: `${siteName} — ${t('ar').siteTagline}` }),
      <FrontPage liveblogs={liveblogs} locale="ar" />,
    );
    cacheForReaders(request, reply, cache, listKeys);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/live/:slug',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          // The reader's view of the stream (liveblog.controls.view.tsx): a linkable address.
          filter: Type.Optional(Type.Enum(['key'])),
          sort: Type.Optional(Type.Enum(['newest', 'oldest'])),
          order: Type.Optional(Type.Enum(['newest', 'oldest'])),
          comment: Type.Optional(Type.Enum(['pending', 'published'])),
          verification: Type.Optional(Type.Enum([...VERIFICATION_STATES])),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      await sender.send(request.params.slug, request, reply, liveblogKeys, async () => {
        const { model, comments } = await reader.livePageWithComments(
          request.params.slug,
          request.query.page ?? 1,
          request.query.order === 'oldest' ? 'oldest' : 'newest',
          {
            keyEventsOnly: request.query.filter === 'key',
            oldestFirst: request.query.sort === 'oldest',
            verification: request.query.verification,
          },
        );
        const notice =
          request.query.comment === 'pending' || request.query.comment === 'published'
            ? request.query.comment
            : undefined;
        // The same bytes for every reader, the comment notice included (it is in the address).
        const withComments = comments
          ? { ...model, comments: <CommentsSection model={{ ...comments, notice }} /> }
          : model;
        return pages.livePage(request, withComments);
      });
      return reply;
    },
  );

  app.get(
    '/live/:slug/updates/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({
          slug: Slug,
          id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const keys = (liveblogId: number) => updateKeys(liveblogId, id);
      await sender.send(slug, request, reply, keys, async () => {
        const { model, update } = await reader.permalink(slug, id);
        return pages.livePage(request, model, update);
      });
      return reply;
    },
  );

  // A share link of an update (update.share.view.tsx ShareMenu): redirects to the platform with the
  // update's title and address, so the page itself carries only this short path.
  app.get(
    '/live/:slug/updates/:id/share/:target',
    {
      schema: {
        hide: true,
        params: Type.Object({
          slug: Slug,
          id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
          target: Type.Enum([...SHARE_TARGETS]),
        }),
      },
    },
    async (request, reply) => {
      const { slug, id, target } = request.params;
      const { model, update } = await reader.permalink(slug, id);
      cacheForReaders(request, reply, cache, updateKeys(model.liveblog.id, update.id));
      const url = `${model.context.publicUrl}${updateUrlPath(slug, update.id)}`;
      return reply.redirect(shareTargetUrl(target, update, url), 302);
    },
  );

  return Promise.resolve();
};
