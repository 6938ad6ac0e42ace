// Fetching a URL someone pasted, without letting it reach inside our network: http(s) on the
// standard ports only; the name is resolved once and every address checked against the IANA
// special-purpose registries (loopback, private, link-local and cloud metadata, CGNAT, multicast,
// documentation, site-local, v4 carried in v6, ...); the connection goes to
// the address we checked (no second lookup to rebind); each redirect is checked the same way;
// time and size are capped.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from './platform.errors.js';
import { isRefusedAddress } from './platform.fetch.ranges.js';

export const refusedUrl = (why: string) =>
  new AppError(400, 'url_refused', {
    ar: 'لا يمكن جلب هذا الرابط.',
    en: `This address cannot be fetched (${why}).`,
  });

/**
 * True for any address a server-side fetch must never reach: every special-purpose range of the
 * IANA registries, multicast, v4 carried in v6, and everything outside global unicast (see
 * platform.fetch.ranges.ts).
 */
export function isForbiddenAddress(address: string): boolean {
  return isRefusedAddress(address);
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((r) => r.address);

export interface FetchedPage {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface SafeFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly resolver?: Resolver;
  /** Which addresses are refused (tests may allow one loopback address to stand for the web). */
  readonly forbidden?: (address: string) => boolean;
}

/** Checks a URL and resolves its host once; returns the address to connect to. */
export async function vetUrl(
  raw: string,
  resolver: Resolver = systemResolver,
  forbidden: (address: string) => boolean = isForbiddenAddress,
): Promise<{ url: URL; address: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refusedUrl('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refusedUrl('scheme');
  if (url.username || url.password) throw refusedUrl('credentials');
  if (url.port && url.port !== '80' && url.port !== '443' && forbidden === isForbiddenAddress)
    throw refusedUrl('port');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await Promise.race([
        resolver(host).catch(() => []),
        new Promise<string[]>((resolve) =>
          setTimeout(() => {
            resolve([]);
          }, 3_000).unref(),
        ),
      ]);
  if (addresses.length === 0) throw refusedUrl('no address');
  if (addresses.some(forbidden)) throw refusedUrl('private address');
  return { url, address: addresses[0] ?? '' };
}

export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const deadline = Date.now() + timeoutMs;
  let current = raw;
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const { url, address } = await vetUrl(current, options.resolver, options.forbidden);
    const response = await new Promise<{
      status: number;
      location?: string;
      contentType: string;
      body: Buffer;
    }>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.get(
        url,
        {
          // Connect to the address we checked, whatever DNS says now.
          lookup: ((
            _host: string,
            opts: { all?: boolean },
            callback: (...args: unknown[]) => void,
          ) => {
            if (opts.all) callback(null, [{ address, family: isIP(address) }]);
            else callback(null, address, isIP(address));
          }) as unknown as http.RequestOptions['lookup'],
          headers: { 'user-agent': 'Ajil link preview', accept: 'text/html,application/xhtml+xml' },
          timeout: Math.max(1, deadline - Date.now()),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              request.destroy();
              reject(refusedUrl('too large'));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              ...(res.headers.location !== undefined && { location: res.headers.location }),
              contentType: res.headers['content-type'] ?? '',
              body: Buffer.concat(chunks),
            });
          });
        },
      );
      request.on('timeout', () => {
        request.destroy();
        reject(refusedUrl('time'));
      });
      // The whole exchange, not only the silences between bytes, must end by the deadline.
      const cap = setTimeout(
        () => {
          request.destroy();
          reject(refusedUrl('time'));
        },
        Math.max(1, deadline - Date.now()),
      );
      cap.unref();
      request.on('close', () => {
        clearTimeout(cap);
      });
      request.on('error', () => {
        reject(refusedUrl('unreachable'));
      });
    });
    if (response.status >= 300 && response.status < 400 && response.location) {
      current = new URL(response.location, url).toString();
      continue;
    }
    return {
      url: url.toString(),
      status: response.status,
      contentType: response.contentType,
      body: response.body,
    };
  }
  throw refusedUrl('too many redirects');
}
