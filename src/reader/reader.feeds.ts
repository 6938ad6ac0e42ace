// What machines read: JSON-LD LiveBlogPosting for search engines, RSS 2.0, Atom and JSON Feed 1.1
// per live page and for the whole site, robots.txt, the sitemap and the Google News sitemap.
// Every string that goes into XML passes through xml(); into JSON through JSON.stringify.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { blocksToText } from '../blocks/blocks.schema.js';
import { type PublishedUpdate } from '../update/update.types.js';
import { createUpdateRepository } from '../update/update.repository.js';
import { type Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { permalinkPath, updateAnchor } from '../update/update.view.js';
import { Slug } from '../liveblog/liveblog.schema.js';

const FEED_SIZE = 50;

export function xml(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** JSON safe inside <script type="application/ld+json">: no "</script>" can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

function titleOf(update: PublishedUpdate): string {
  if (update.headline) return update.headline;
  const text = blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

/** The largest JPEG of the first photo in an update, as an absolute URL. */
export function firstImageUrl(update: PublishedUpdate, publicUrl: string): string | undefined {
  for (const block of update.blocks) {
    if (block.type === 'image' && block.widths && block.widths.length > 0) {
      return `${publicUrl}/media/${block.photoId}-${block.widths[block.widths.length - 1] ?? 0}.jpg`;
    }
  }
  return undefined;
}

function modifiedOf(update: PublishedUpdate): Date {
  return update.editedAt ?? update.publishedAt;
}

export interface StructuredDataInput {
  readonly liveblog: Liveblog;
  readonly updates: readonly PublishedUpdate[];
  readonly canonicalUrl: string;
  readonly publicUrl: string;
  readonly siteName: string;
  readonly lastUpdatedAt: Date | null;
}

/** schema.org LiveBlogPosting with its updates as BlogPosting items. */
export function liveBlogPosting(input: StructuredDataInput): Record<string, unknown> {
  const { liveblog, canonicalUrl } = input;
  const published = liveblog.coverageStartAt ?? liveblog.createdAt;
  const modified = input.lastUpdatedAt ?? liveblog.updatedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: liveblog.headline,
    description: liveblog.standfirst || liveblog.headline,
    url: canonicalUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonicalUrl },
    inLanguage: liveblog.locale,
    datePublished: published.toISOString(),
    dateModified: modified.toISOString(),
    coverageStartTime: published.toISOString(),
    ...(liveblog.coverageEndAt && { coverageEndTime: liveblog.coverageEndAt.toISOString() }),
    publisher: {
      '@type': 'Organization',
      name: input.siteName,
      url: input.publicUrl,
      logo: { '@type': 'ImageObject', url: `${input.publicUrl}/logo.png`, width: 512, height: 512 },
    },
    liveBlogUpdate: input.updates.map((update) => ({
      '@type': 'BlogPosting',
      headline: titleOf(update),
      articleBody: blocksToText(update.blocks),
      datePublished: update.publishedAt.toISOString(),
      dateModified: modifiedOf(update).toISOString(),
      author: { '@type': 'Person', name: update.authorName },
      ...(firstImageUrl(update, input.publicUrl) && {
        image: firstImageUrl(update, input.publicUrl),
      }),
      url: `${canonicalUrl}#${updateAnchor(update.id)}`,
      mainEntityOfPage: `${canonicalUrl}#${updateAnchor(update.id)}`,
      publisher: { '@type': 'Organization', name: input.siteName },
    })),
  };
}

interface FeedItem {
  readonly update: PublishedUpdate;
  readonly liveblog: Liveblog;
}

interface FeedInput {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly homeUrl: string;
  readonly selfUrl: string;
  readonly items: readonly FeedItem[];
  readonly updatedAt: Date;
  readonly publicUrl: string;
}

function itemUrl(input: FeedInput, item: FeedItem): string {
  return `${input.publicUrl}${permalinkPath(item.liveblog.slug, item.update.id)}`;
}

function itemId(input: FeedInput, item: FeedItem): string {
  return `${input.publicUrl}/live/${item.liveblog.slug}/updates/${item.update.id}`;
}

export function rss(input: FeedInput): string {
  const items = input.items
    .map(
      (item) => `<item>
<title>${xml(titleOf(item.update))}</title>
<link>${xml(itemUrl(input, item))}</link>
<guid isPermaLink="false">${xml(itemId(input, item))}</guid>
<pubDate>${item.update.publishedAt.toUTCString()}</pubDate>
<description>${xml(blocksToText(item.update.blocks))}</description>
<dc:creator>${xml(item.update.authorName)}</dc:creator>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(input.title)}</title>
<link>${xml(input.homeUrl)}</link>
<description>${xml(input.description)}</description>
<language>${xml(input.language)}</language>
<lastBuildDate>${input.updatedAt.toUTCString()}</lastBuildDate>
<atom:link href="${xml(input.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function atom(input: FeedInput): string {
  const entries = input.items
    .map(
      (item) => `<entry>
<title>${xml(titleOf(item.update))}</title>
<link rel="alternate" href="${xml(itemUrl(input, item))}"/>
<id>${xml(itemId(input, item))}</id>
<published>${item.update.publishedAt.toISOString()}</published>
<updated>${modifiedOf(item.update).toISOString()}</updated>
<author><name>${xml(item.update.authorName)}</name></author>
<content type="text">${xml(blocksToText(item.update.blocks))}</content>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(input.language)}">
<title>${xml(input.title)}</title>
<subtitle>${xml(input.description)}</subtitle>
<link rel="alternate" href="${xml(input.homeUrl)}"/>
<link rel="self" href="${xml(input.selfUrl)}"/>
<id>${xml(input.homeUrl)}</id>
<updated>${input.updatedAt.toISOString()}</updated>
${entries}
</feed>
`;
}

export function jsonFeed(input: FeedInput): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    home_page_url: input.homeUrl,
    feed_url: input.selfUrl,
    description: input.description,
    language: input.language,
    items: input.items.map((item) => ({
      id: itemId(input, item),
      url: itemUrl(input, item),
      title: titleOf(item.update),
      content_text: blocksToText(item.update.blocks),
      date_published: item.update.publishedAt.toISOString(),
      date_modified: modifiedOf(item.update).toISOString(),
      authors: [{ name: item.update.authorName }],
      language: item.liveblog.locale,
    })),
  });
}

const FORMATS = {
  rss: { type: 'application/rss+xml; charset=utf-8', build: rss },
  atom: { type: 'application/atom+xml; charset=utf-8', build: atom },
  json: { type: 'application/feed+json; charset=utf-8', build: jsonFeed },
} as const;
type Format = keyof typeof FORMATS;

/** ETag and Last-Modified on every feed; a matching conditional request gets 304. */
function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  format: Format,
  input: FeedInput,
  version: string,
) {
  const etag = `"${createHash('sha256').update(`${format}|${version}`).digest('base64url').slice(0, 27)}"`;
  const lastModified = input.updatedAt.toUTCString();
  void reply
    .header('etag', etag)
    .header('last-modified', lastModified)
    .header('cache-control', 'public, max-age=60');
  const since = request.headers['if-modified-since'];
  if (
    request.headers['if-none-match'] === etag ||
    (request.headers['if-none-match'] === undefined &&
      since !== undefined &&
      Date.parse(since) >= Math.floor(input.updatedAt.getTime() / 1000) * 1000)
  ) {
    return reply.code(304).send();
  }
  return reply.type(FORMATS[format].type).send(FORMATS[format].build(input));
}

export const feedRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { publicUrl, siteName } = app.config;
  const db = app.database.db;
  const updates = createUpdateRepository();
  const liveblogs = createLiveblogRepository();
  const FormatParam = Type.Enum(['rss', 'atom', 'json']);

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
      const liveblog = await app.services.liveblogs.bySlug(request.params.slug);
      const list = await updates.listPublished(db, liveblog.id, 0, FEED_SIZE);
      const newest = list.reduce(
        (max, u) => Math.max(max, modifiedOf(u).getTime()),
        liveblog.updatedAt.getTime(),
      );
      const format = request.params.format;
      return sendFeed(
        request,
        reply,
        format,
        {
          title: liveblog.headline,
          description: liveblog.standfirst || liveblog.headline,
          language: liveblog.locale,
          homeUrl: `${publicUrl}${liveblogPath(liveblog.slug)}`,
          selfUrl: `${publicUrl}${liveblogPath(liveblog.slug)}/feed.${format}`,
          items: list.map((update) => ({ update, liveblog })),
          updatedAt: new Date(newest),
          publicUrl,
        },
        `${liveblog.id}|${liveblog.lastSeq}|${liveblog.updatedAt.toISOString()}`,
      );
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
      const list = await updates.latestAcross(db, FEED_SIZE);
      const pages = new Map<number, Liveblog>();
      for (const update of list) {
        if (!pages.has(update.liveblogId)) {
          const liveblog = await liveblogs.findById(db, update.liveblogId);
          if (liveblog) pages.set(liveblog.id, liveblog);
        }
      }
      const items = list.flatMap((update) => {
        const liveblog = pages.get(update.liveblogId);
        return liveblog ? [{ update, liveblog }] : [];
      });
      const newest = items.reduce((max, i) => Math.max(max, modifiedOf(i.update).getTime()), 0);
      const format = request.params.format;
      return sendFeed(
        request,
        reply,
        format,
        {
          title: siteName,
          description: siteName,
          language: 'ar',
          homeUrl: `${publicUrl}/`,
          selfUrl: `${publicUrl}/feed.${format}`,
          items,
          updatedAt: new Date(newest || app.clock.now().getTime()),
          publicUrl,
        },
        items.map((i) => `${i.update.id}:${i.update.revision}`).join(','),
      );
    },
  );

  app.get('/robots.txt', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nAllow: /\nDisallow: /newsroom\nDisallow: /api/\nDisallow: /consent\n\nSitemap: ${publicUrl}/sitemap.xml\nSitemap: ${publicUrl}/news-sitemap.xml\n`,
      ),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const pages = await liveblogs.listForFrontPage(db, 5000);
    const urls = [
      `<url><loc>${xml(`${publicUrl}/`)}</loc></url>`,
      ...pages.map(
        (liveblog) =>
          `<url><loc>${xml(`${publicUrl}${liveblogPath(liveblog.slug)}`)}</loc><lastmod>${liveblog.updatedAt.toISOString()}</lastmod></url>`,
      ),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      );
  });

  app.get('/news-sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const since = app.clock.now().getTime() - 2 * 24 * 3600 * 1000;
    const pages = (await liveblogs.listForFrontPage(db, 1000)).filter(
      (liveblog) =>
        (liveblog.coverageStartAt ?? liveblog.createdAt).getTime() >= since ||
        liveblog.updatedAt.getTime() >= since,
    );
    const urls = pages.map(
      (liveblog) =>
        `<url><loc>${xml(`${publicUrl}${liveblogPath(liveblog.slug)}`)}</loc><news:news><news:publication><news:name>${xml(siteName)}</news:name><news:language>${liveblog.locale}</news:language></news:publication><news:publication_date>${(liveblog.coverageStartAt ?? liveblog.createdAt).toISOString()}</news:publication_date><news:title>${xml(liveblog.headline)}</news:title></news:news></url>`,
    );
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      );
  });

  // The publisher logo named in the structured data: our own mark, drawn as a PNG once at start.
  app.get('/logo.png', { schema: { hide: true } }, (_request, reply) =>
    reply.type('image/png').header('cache-control', 'public, max-age=86400').send(LOGO_PNG),
  );

  return Promise.resolve();
};

/** A 512×512 red square: a plain, valid PNG built without image libraries. */
const LOGO_PNG = solidPng(512, 512, [0xb3, 0x12, 0x1f]);

/** PNG's CRC-32, for the chunks below (also used by tests that craft PNG files). */
export function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
