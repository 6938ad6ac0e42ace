// Shared caches (a CDN, nginx): what a cacheable reader response says about itself, and how the
// caches are told that something changed. A response names what it shows by surrogate keys (the
// site, a live page, an update); after a change commits, the keys and the paths that show it are
// purged. Ground floor: it knows ids and paths, never a live page or an update.
import type { FastifyReply } from 'fastify';

export const cacheKeys = {
  site: 'site',
  /** The site-wide lists (front page, site feeds, sitemaps): they move with every change. */
  lists: 'lists',
  liveblog: (id: number): string => `liveblog-${String(id)}`,
  update: (id: number): string => `update-${String(id)}`,
} as const;

/** How long shared caches may keep a reader page, in seconds. */
export interface CachePolicy {
  /** Fresh in a shared cache (CDN, nginx). Purges make a long one safe. */
  readonly sMaxAge: number;
  /** Served while the cache fetches a fresh copy in the background. */
  readonly staleWhileRevalidate: number;
  /** Served while the origin is down or failing. */
  readonly staleIfError: number;
}

/** A short browser lifetime: the live page refreshes itself over the stream. */
const BROWSER_MAX_AGE = 5;

export function publicCacheControl(policy: CachePolicy): string {
  return [
    'public',
    `max-age=${String(Math.min(BROWSER_MAX_AGE, policy.sMaxAge))}`,
    `s-maxage=${String(policy.sMaxAge)}`,
    `stale-while-revalidate=${String(policy.staleWhileRevalidate)}`,
    `stale-if-error=${String(policy.staleIfError)}`,
  ].join(', ');
}

/**
 * Marks a response as the same bytes for every anonymous reader: public cache headers and its
 * surrogate keys in both spellings CDNs read (Fastly's Surrogate-Key, Cloudflare's Cache-Tag).
 */
export function sharePublicly(
  reply: FastifyReply,
  policy: CachePolicy,
  keys: readonly string[],
): void {
  const all = [cacheKeys.site, ...keys.filter((key) => key !== cacheKeys.site)];
  void reply
    .header('cache-control', publicCacheControl(policy))
    .header('surrogate-key', all.join(' '))
    .header('cache-tag', all.join(','));
}

/** What changed: the keys of the responses that show it, and their paths (for caches by URL). */
export interface CacheChange {
  readonly keys: readonly string[];
  readonly paths: readonly string[];
}

/** Called after a change commits; never throws and never delays the writer. */
export type CachePurger = (change: CacheChange) => void;

export type PurgeMode = 'none' | 'url' | 'nginx';

export interface PurgeSettings {
  readonly mode: PurgeMode;
  /**
   * `url`: the purge API to POST to; `{keys}` in it is replaced by the space-separated keys,
   * and the body is `{"tags": [...], "keys": [...]}` with a Surrogate-Key header as well.
   * `nginx`: the site's own https address as nginx serves it, reached over loopback (the
   * refresh location answers only there, and its cache key holds the scheme and host);
   * `/_refresh` and the path are added, once per encoding nginx keeps.
   */
  readonly url?: string | undefined;
  /** Sent as `Authorization: Bearer …` to the purge API, when set. */
  readonly token?: string | undefined;
  /** Give up on one purge request after this long. */
  readonly timeoutMs?: number;
}

export interface PurgeLog {
  warn(details: Record<string, unknown>, message: string): void;
}

type Send = (url: string, init: RequestInit) => Promise<Response>;

/** The encodings nginx's cache keeps apart (its `$ajil_encoding` map). */
const NGINX_ENCODINGS = ['br', 'gzip', 'identity'] as const;

function requestsFor(settings: PurgeSettings, change: CacheChange): [string, RequestInit][] {
  const base = settings.url ?? '';
  const auth: Record<string, string> = settings.token
    ? { authorization: `Bearer ${settings.token}` }
    : {};
  if (settings.mode === 'nginx') {
    // nginx keeps one copy per encoding (see deploy/nginx/ajil.conf): refresh each of them.
    const root = base.replace(/\/+$/, '');
    return change.paths.flatMap((path) =>
      NGINX_ENCODINGS.map((encoding): [string, RequestInit] => [
        `${root}/_refresh${path}`,
        { method: 'GET', headers: { ...auth, 'accept-encoding': encoding } },
      ]),
    );
  }
  const keys = [...change.keys];
  const url = base.replace('{keys}', encodeURIComponent(keys.join(' ')));
  const init: RequestInit = {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'surrogate-key': keys.join(' ') },
    body: JSON.stringify({ tags: keys, keys }),
  };
  return [[url, init]];
}

/** The purger the settings ask for; `none` does nothing. */
export function createCachePurger(
  settings: PurgeSettings,
  log: PurgeLog,
  send: Send = fetch,
): CachePurger {
  if (settings.mode === 'none' || !settings.url) return () => undefined;
  const timeoutMs = settings.timeoutMs ?? 5_000;
  return (change) => {
    if (change.keys.length === 0 && change.paths.length === 0) return;
    for (const [url, init] of requestsFor(settings, change)) {
      send(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
        .then(async (response) => {
          await response.body?.cancel();
          if (!response.ok) log.warn({ url, status: response.status }, 'cache purge refused');
        })
        .catch((error: unknown) => {
          log.warn({ url, err: String(error) }, 'cache purge failed');
        });
    }
  };
}

/** A change readers can see on one live page, told after it commits. */
export interface PageChange {
  readonly liveblogId: number;
  readonly slug: string;
  /** The updates whose own responses changed too (none for a change to the page itself). */
  readonly updateIds: readonly number[];
}

/** Told after every committed change readers can see; never throws. */
export type PageChanged = (change: PageChange) => void;
