// How a live page's own responses (its numbered and filtered pages, permalinks, the lite page)
// reach readers: from this worker's page cache at the page's current version, rendered once per
// version and address however many ask; signed-in staff get a fresh private copy instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachePolicy } from '../platform/platform.cache.js';
import type { PageCache } from '../platform/platform.page-cache.js';
import { hasSessionCookie } from '../access/access.session.js';
import type { ReaderService } from './reader.service.js';
import { cacheForReaders } from './reader.cache.js';

export interface PageSender {
  /** Sends the HTML `render` makes for the live page `slug`, with the keys of `keys(page id)`. */
  send(
    slug: string,
    request: FastifyRequest,
    reply: FastifyReply,
    keys: (liveblogId: number) => string[],
    render: () => Promise<string>,
  ): Promise<void>;
}

export function createPageSender({
  reader,
  pageCache,
  cache,
}: {
  readonly reader: Pick<ReaderService, 'pageVersion'>;
  readonly pageCache: PageCache;
  readonly cache: CachePolicy;
}): PageSender {
  return {
    async send(slug, request, reply, keys, render) {
      void reply.type('text/html; charset=utf-8');
      if (hasSessionCookie(request)) {
        const html = await render();
        cacheForReaders(request, reply, cache, []);
        await reply.send(html);
        return;
      }
      const { liveblogId, version } = await reader.pageVersion(slug);
      const page = await pageCache.page(`${String(liveblogId)} ${request.url}`, version, render);
      cacheForReaders(request, reply, cache, keys(liveblogId));
      await pageCache.send(request, reply, page);
    },
  };
}
