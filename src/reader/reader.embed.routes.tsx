// The widget over HTTP: `/embed/:slug` (to be framed by partner sites) and `/oembed`, which
// hands out the snippet for a live page of ours.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Assets } from '../platform/platform.assets.js';
import { errors, things } from '../platform/platform.errors.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { ReaderService } from './reader.service.js';
import { embedSnippet, renderEmbedDocument } from './reader.embed.view.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import { cacheForReaders, liveblogKeys } from './reader.cache.js';

const Colour = Type.String({ pattern: '^[0-9a-fA-F]{6}$', description: 'A hex colour without #' });

export interface EmbedRoutesOptions {
  readonly reader: Pick<ReaderService, 'livePage'>;
  readonly liveblogs: Pick<LiveblogService, 'bySlug'>;
  /** The address readers use: the widget's links, and which URLs oEmbed answers for. */
  readonly publicUrl: string;
  readonly siteName: string;
  readonly assets: Assets;
  /** How long shared caches keep the widget. */
  readonly cache: CachePolicy;
}

export const embedRoutes: FastifyPluginAsyncTypebox<EmbedRoutesOptions> = (
  app,
  { reader, liveblogs, publicUrl, siteName, assets, cache },
) => {
  app.get(
    '/embed/:slug',
    {
      schema: {
        tags: ['widget'],
        summary: 'The live widget for partner sites (to be framed)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(
          {
            accent: Type.Optional(Colour),
            background: Type.Optional(Colour),
            text: Type.Optional(Colour),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const model = await reader.livePage(request.params.slug, 1);
      const html = renderEmbedDocument({
        model,
        accent: request.query.accent ?? 'b3121f',
        background: request.query.background ?? 'ffffff',
        text: request.query.text ?? '1a1a1a',
        siteName,
        assets,
      });
      cacheForReaders(request, reply, cache, liveblogKeys(model.liveblog.id));
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/oembed',
    {
      schema: {
        tags: ['widget'],
        summary: 'oEmbed for live pages',
        querystring: Type.Object(
          {
            url: Type.String({ maxLength: 2000 }),
            format: Type.Optional(Type.Enum(['json'])),
            maxwidth: Type.Optional(Type.Integer({ minimum: 100, maximum: 4000 })),
            maxheight: Type.Optional(Type.Integer({ minimum: 100, maximum: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      let slug: string | undefined;
      try {
        const url = new URL(request.query.url);
        if (url.origin === new URL(publicUrl).origin)
          slug = /^\/live\/([a-z0-9-]+)/.exec(url.pathname)?.[1];
      } catch {
        slug = undefined;
      }
      if (!slug) throw errors.notFound(things.liveblog);
      const liveblog = await liveblogs.bySlug(slug);
      const width = request.query.maxwidth ?? 600;
      const height = Math.min(request.query.maxheight ?? 600, 600);
      return {
        version: '1.0',
        type: 'rich',
        provider_name: siteName,
        provider_url: publicUrl,
        title: liveblog.headline,
        width,
        height,
        html: embedSnippet(publicUrl, liveblog.slug, liveblog.headline),
      };
    },
  );

  return Promise.resolve();
};
