// Which reader responses show what: the surrogate keys each cacheable response carries, and
// for a change to a live page, the keys and the paths that shared caches must let go of.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  cacheKeys,
  sharePublicly,
  type CacheChange,
  type CachePolicy,
  type PageChange,
} from '../platform/platform.cache.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { hasSessionCookie } from '../access/access.session.js';

const FEED_FORMATS = ['rss', 'atom', 'json'] as const;

/** The keys of a live page's own responses (its pages, feeds, widget): the page. */
export function liveblogKeys(liveblogId: number): string[] {
  return [cacheKeys.liveblog(liveblogId)];
}

/** The keys of one update's permalink: the update and the page it belongs to. */
export function updateKeys(liveblogId: number, updateId: number): string[] {
  return [cacheKeys.liveblog(liveblogId), cacheKeys.update(updateId)];
}

/** The keys of the site-wide lists (front page, site feeds, sitemaps). */
export const listKeys: readonly string[] = [cacheKeys.lists];

/**
 * What to purge after a change: the page's key and each changed update's, and the paths that
 * show them for caches keyed by address (nginx) — the page, its feeds, its widget, each
 * permalink, and the site-wide lists, whose newest entries and times move with every change.
 */
export function cacheChangeFor(change: PageChange): CacheChange {
  const page = liveblogPath(change.slug);
  const keys = [
    cacheKeys.liveblog(change.liveblogId),
    ...change.updateIds.map((id) => cacheKeys.update(id)),
    cacheKeys.lists,
  ];
  const paths = [
    page,
    ...FEED_FORMATS.map((format) => `${page}/feed.${format}`),
    `/embed/${encodeURIComponent(change.slug)}`,
    `${page}/summary`,
    ...change.updateIds.map((id) => `${page}/updates/${String(id)}`),
    // The other first pages of the stream: the views (liveblog.controls.view.tsx) and the lite page.
    `${page}?filter=key`,
    `${page}?sort=oldest`,
    `${page}?filter=key&sort=oldest`,
    `${page}/lite`,
    '/',
    ...FEED_FORMATS.map((format) => `/feed.${format}`),
    '/sitemap.xml',
    '/news-sitemap.xml',
  ];
  return { keys, paths };
}

/**
 * The cache headers of a reader response: the same bytes for every anonymous reader, so public
 * with its keys; a request from a signed-in member of staff gets a private copy that never fills
 * a shared cache (nginx and CDNs also skip the cache for it; this is the second line).
 */
export function cacheForReaders(
  request: FastifyRequest,
  reply: FastifyReply,
  policy: CachePolicy,
  keys: readonly string[],
): void {
  if (hasSessionCookie(request)) {
    void reply.header('cache-control', 'private, no-store');
    return;
  }
  sharePublicly(reply, policy, keys);
}
