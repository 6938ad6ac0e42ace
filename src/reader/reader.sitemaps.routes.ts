// What crawlers ask for besides the pages: robots.txt and the two sitemaps.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReaderService } from './reader.service.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import { cacheForReaders, listKeys } from './reader.cache.js';
import { newsSitemapXml, robotsTxt, sitemapXml } from './reader.sitemaps.presenter.js';

export interface SitemapRoutesOptions {
  readonly reader: Pick<ReaderService, 'sitemap' | 'newsSitemap'>;
  /** The address readers use: every URL in a sitemap is absolute. */
  readonly publicUrl: string;
  readonly siteName: string;
  /** How long shared caches keep the sitemaps. */
  readonly cache: CachePolicy;
}

export const sitemapRoutes: FastifyPluginAsyncTypebox<SitemapRoutesOptions> = (
  app,
  { reader, publicUrl, siteName, cache },
) => {
  app.get('/robots.txt', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(publicUrl)),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    cacheForReaders(request, reply, cache, listKeys);
    const pages = await reader.sitemap();
    return reply.type('application/xml; charset=utf-8').send(sitemapXml(pages, publicUrl));
  });

  app.get('/news-sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    cacheForReaders(request, reply, cache, listKeys);
    const pages = await reader.newsSitemap();
    return reply
      .type('application/xml; charset=utf-8')
      .send(newsSitemapXml(pages, { publicUrl, siteName }));
  });

  return Promise.resolve();
};
