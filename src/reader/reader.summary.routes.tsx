// The public history of a live page's «what we know so far» box: every version with its time
// and what it added and removed. The same bytes for every reader, purged with the page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import { renderDocument } from '../frame/frame.view.js';
import type { SummaryService } from '../liveblog/liveblog.summary.js';
import { SummaryHistoryPage } from '../liveblog/liveblog.summary.view.js';
import { trm } from '../update/update.trust.messages.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import { HtmlOut, type ReaderPages } from './reader.pages.js';
import { cacheForReaders, liveblogKeys } from './reader.cache.js';

export interface SummaryPageRoutesOptions {
  readonly pages: ReaderPages;
  readonly summaries: Pick<SummaryService, 'history'>;
  readonly siteName: string;
  readonly cache: CachePolicy;
}

export const summaryPageRoutes: FastifyPluginAsyncTypebox<SummaryPageRoutesOptions> = (
  app,
  { pages, summaries, siteName, cache },
) => {
  app.get(
    '/live/:slug/summary',
    {
      schema: { hide: true, params: Type.Object({ slug: Slug }), response: { 200: HtmlOut } },
    },
    async (request, reply) => {
      const { liveblog, versions, dateStyle } = await summaries.history(request.params.slug);
      const { locale, timeZone } = liveblog;
      const html = renderDocument(
        pages.frame(request, {
          locale,
          title: `${trm(locale).summaryHistoryTitle} — ${liveblog.headline} | ${siteName}`,
        }),
        <SummaryHistoryPage
          liveblog={liveblog}
          versions={versions}
          context={{ locale, timeZone, dateStyle }}
        />,
      );
      cacheForReaders(request, reply, cache, liveblogKeys(liveblog.id));
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
  return Promise.resolve();
};
