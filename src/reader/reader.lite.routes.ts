// The lite page, `/live/:slug/lite`: text only, cacheable like every reader page (the same bytes
// for everyone, the page's surrogate key), purged with the page (reader.cache.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import type { ReaderService } from './reader.service.js';
import { HtmlOut } from './reader.pages.js';
import { cacheForReaders, liveblogKeys } from './reader.cache.js';
import { renderLitePage } from './reader.lite.view.js';

export interface LitePageRoutesOptions {
  readonly reader: Pick<ReaderService, 'livePage'>;
  readonly siteName: string;
  readonly publicUrl: string;
  readonly cache: CachePolicy;
}

export const litePageRoutes: FastifyPluginAsyncTypebox<LitePageRoutesOptions> = (
  app,
  { reader, siteName, publicUrl, cache },
) => {
  app.get(
    '/live/:slug/lite',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const model = await reader.livePage(request.params.slug, request.query.page ?? 1);
      cacheForReaders(request, reply, cache, liveblogKeys(model.liveblog.id));
      return reply
        .type('text/html; charset=utf-8')
        .send(renderLitePage({ model, siteName, publicUrl }));
    },
  );
  return Promise.resolve();
};
