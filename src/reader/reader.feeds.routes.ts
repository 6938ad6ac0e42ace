// Feeds over HTTP: RSS 2.0, Atom and JSON Feed 1.1 of a live page and of the whole site, with
// ETag and Last-Modified so that feed readers polling every minute mostly get a 304.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { ReaderService } from './reader.service.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import { cacheForReaders, liveblogKeys, listKeys } from './reader.cache.js';
import {
  FEED_FORMATS,
  pageFeed,
  siteFeed,
  type FeedDocument,
  type FeedFormat,
} from './reader.feeds.presenter.js';

export interface FeedRoutesOptions {
  readonly reader: Pick<ReaderService, 'pageFeed' | 'siteFeed'>;
  /** The address readers use: every link in a feed is absolute. */
  readonly publicUrl: string;
  readonly siteName: string;
  /** How long shared caches keep feeds, sitemaps and the widget. */
  readonly cache: CachePolicy;
}

const FormatParam = Type.Enum(['rss', 'atom', 'json']);

/** ETag and Last-Modified on every feed; a matching conditional request gets 304. */
function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  format: FeedFormat,
  { input, version }: FeedDocument,
) {
  // The validators; cacheForReaders has set the lifetimes.
  const etag = `"${createHash('sha256').update(`${format}|${version}`).digest('base64url').slice(0, 27)}"`;
  const lastModified = input.updatedAt.toUTCString();
  void reply.header('etag', etag).header('last-modified', lastModified);
  const since = request.headers['if-modified-since'];
  if (
    request.headers['if-none-match'] === etag ||
    (request.headers['if-none-match'] === undefined &&
      since !== undefined &&
      Date.parse(since) >= Math.floor(input.updatedAt.getTime() / 1000) * 1000)
  ) {
    return reply.code(304).send();
  }
  return reply.type(FEED_FORMATS[format].type).send(FEED_FORMATS[format].build(input));
}

export const feedRoutes: FastifyPluginAsyncTypebox<FeedRoutesOptions> = (
  app,
  { reader, publicUrl, siteName, cache },
) => {
  app.get(
    '/live/:slug/feed.:format',
    {
      schema: {
        tags: ['feeds'],
        summary: 'RSS 2.0, Atom or JSON Feed 1.1 of a live page',
        params: Type.Object({ slug: Slug, format: FormatParam }),
      },
    },
    async (request, reply) => {
      const { liveblog, updates } = await reader.pageFeed(request.params.slug);
      const format = request.params.format;
      cacheForReaders(request, reply, cache, liveblogKeys(liveblog.id));
      return sendFeed(request, reply, format, pageFeed(liveblog, updates, format, publicUrl));
    },
  );

  app.get(
    '/feed.:format',
    {
      schema: {
        tags: ['feeds'],
        summary: 'The newest updates of every live page',
        params: Type.Object({ format: FormatParam }),
      },
    },
    async (request, reply) => {
      const { items, now } = await reader.siteFeed();
      const format = request.params.format;
      cacheForReaders(request, reply, cache, listKeys);
      return sendFeed(
        request,
        reply,
        format,
        siteFeed(items, now, format, { publicUrl, siteName }),
      );
    },
  );

  return Promise.resolve();
};
