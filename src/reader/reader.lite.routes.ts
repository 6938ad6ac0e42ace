// The lite page, `/live/:slug/lite`: text only, cacheable like every reader page (the same bytes
// for everyone, the page's surrogate key, from memory like the page), purged with the page
// (reader.cache.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { ReaderService } from './reader.service.js';
import { HtmlOut } from './reader.pages.js';
import { liveblogKeys } from './reader.cache.js';
import type { PageSender } from './reader.page-cache.js';
import { renderLitePage } from './reader.lite.view.js';

export interface LitePageRoutesOptions {
  readonly reader: Pick<ReaderService, 'livePage'>;
  readonly siteName: string;
  readonly publicUrl: string;
  /** Sends a live page's own responses, from memory for anonymous readers. */
  readonly sender: PageSender;
}

export const litePageRoutes: FastifyPluginAsyncTypebox<LitePageRoutesOptions> = (
  app,
  { reader, siteName, publicUrl, sender },
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
      const { slug } = request.params;
      await sender.send(slug, request, reply, liveblogKeys, async () => {
        const model = await reader.livePage(slug, request.query.page ?? 1);
        return renderLitePage({ model, siteName, publicUrl });
      });
      return reply;
    },
  );
  return Promise.resolve();
};
