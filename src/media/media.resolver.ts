// Fills in the photo and embed blocks a client sent: photos from their stored record (so the
// sizes and credit are ours, not the client's), embeds from the URL (provider recognised; the
// title read through the guarded fetch when the site answers, the host name otherwise).
import type { Db } from '../storage/storage.database.js';
import { errors } from '../platform/platform.errors.js';
import { safeFetch, vetUrl, type SafeFetchOptions } from '../platform/platform.fetch.js';
import type { Block } from '../blocks/blocks.schema.js';
import { createPhotoRepository } from './media.repository.js';

type ImageBlock = Extract<Block, { type: 'image' }>;
type EmbedBlock = Extract<Block, { type: 'embed' }>;

export function recogniseEmbed(raw: string): Pick<EmbedBlock, 'provider' | 'videoId' | 'site'> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtu.be' || host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id =
      host === 'youtu.be'
        ? url.pathname.slice(1)
        : (url.searchParams.get('v') ??
          /^\/(?:shorts|embed|live)\/([^/]+)/.exec(url.pathname)?.[1] ??
          '');
    if (/^[A-Za-z0-9_-]{11}$/.test(id))
      return { provider: 'youtube', videoId: id, site: 'YouTube' };
  }
  if ((host === 'x.com' || host === 'twitter.com') && /^\/[^/]+\/status\/\d+/.test(url.pathname)) {
    return { provider: 'x', site: 'X' };
  }
  return { provider: 'link', site: host };
}

function titleFrom(html: string): string | undefined {
  const og = /<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']{1,300})["']/i.exec(
    html,
  )?.[1];
  const title = og ?? /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1];
  return title
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

export interface MediaResolverOptions {
  /** Read titles (and the preview image) over the network (off in tests and offline newsrooms). */
  readonly fetchTitles: boolean;
  /** Keeps a link's preview image as our own photo. */
  readonly thumbnails?: (
    bytes: Buffer,
    alt: string,
    credit: string,
  ) => Promise<{ id: string; width: number } | undefined>;
  /** For tests: the fetcher's resolver and address rules. */
  readonly fetch?: Pick<SafeFetchOptions, 'resolver' | 'forbidden'>;
}

function imageFrom(html: string, base: string): string | undefined {
  const raw = /<meta[^>]+property=["']og:image["'][^>]+content=["']([^"']{1,2000})["']/i.exec(
    html,
  )?.[1];
  if (!raw) return undefined;
  try {
    const url = new URL(raw.replace(/&amp;/g, '&'), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function createMediaResolver(db: Db, options: MediaResolverOptions = { fetchTitles: true }) {
  // A link is fetched once per process: autosaves and edits reuse its title and preview.
  const photos = createPhotoRepository();
  const previews = new Map<string, Pick<EmbedBlock, 'title' | 'thumbnail' | 'thumbnailWidth'>>();
  async function image(block: ImageBlock): Promise<ImageBlock> {
    const row = await photos.findById(db, block.photoId);
    if (!row)
      throw errors.validation([{ field: '/blocks', message: `unknown photo ${block.photoId}` }]);
    return {
      type: 'image',
      photoId: row.id,
      alt: block.alt?.trim() ? block.alt.trim() : row.alt,
      caption: block.caption?.trim() ?? row.caption,
      credit: row.credit,
      width: row.width,
      height: row.height,
      widths: row.widths,
    };
  }

  async function embed(block: EmbedBlock): Promise<EmbedBlock> {
    const recognised = recogniseEmbed(block.url);
    const known = previews.get(block.url);
    if (known) return { type: 'embed', url: block.url, ...recognised, ...known };
    let title = block.title?.trim();
    let thumbnail: { id: string; width: number } | undefined;
    if (options.fetchTitles) {
      try {
        await vetUrl(block.url, options.fetch?.resolver, options.fetch?.forbidden);
        const page = await safeFetch(block.url, {
          timeoutMs: 3_000,
          maxBytes: 512 * 1024,
          ...options.fetch,
        });
        if (page.contentType.includes('html')) {
          const html = page.body.toString('utf8');
          title ??= titleFrom(html);
          const image = imageFrom(html, page.url);
          if (image && options.thumbnails) {
            const picture = await safeFetch(image, {
              timeoutMs: 3_000,
              maxBytes: 5 * 1024 * 1024,
              ...options.fetch,
            });
            thumbnail = await options.thumbnails(
              picture.body,
              title ?? recognised.site ?? '',
              recognised.site ?? '',
            );
          }
        }
      } catch {
        // The card still works with the site's name and no picture.
      }
    }
    const preview = {
      title: title ?? recognised.site ?? block.url,
      ...(thumbnail && { thumbnail: thumbnail.id, thumbnailWidth: thumbnail.width }),
    };
    if (previews.size > 1000) previews.clear();
    previews.set(block.url, preview);
    return { type: 'embed', url: block.url, ...recognised, ...preview };
  }

  return {
    async resolve(blocks: readonly Block[]): Promise<Block[]> {
      const out: Block[] = [];
      for (const block of blocks) {
        if (block.type === 'image') out.push(await image(block));
        else if (block.type === 'embed') out.push(await embed(block));
        else out.push(block);
      }
      return out;
    },
  };
}

export type MediaResolver = ReturnType<typeof createMediaResolver>;
