// Fetching a URL someone pasted, without letting it reach inside our network: http(s) on the
// standard ports only; the name is resolved once and every address checked (loopback, private,
// link-local and cloud metadata, CGNAT, multicast, IPv4-mapped ones too); the connection goes to
// the address we checked (no second lookup to rebind); each redirect is checked the same way;
// time and size are capped.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from './platform.errors.js';

export const refusedUrl = (why: string) =>
  new AppError(400, 'url_refused', {
    ar: 'لا يمكن جلب هذا الرابط.',
    en: `This address cannot be fetched (${why}).`,
  });

function ipv4Parts(address: string): number[] | undefined {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255)
    ? parts
    : undefined;
}

/** True for any address a server-side fetch must never reach. */
export function isForbiddenAddress(address: string): boolean {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return isForbiddenAddress(mapped[1]);
  const v4 = ipv4Parts(lower);
  if (v4) {
    const [a = 0, b = 0] = v4;
    return (
      a === 0 || // "this" network
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) || // CGNAT
      (a === 169 && b === 254) || // link-local, cloud metadata
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0 && v4[2] === 0) || // IETF protocol assignments (192.0.0.0/24)
      (a === 198 && (b === 18 || b === 19)) || // benchmarking
      a >= 224 // multicast, reserved, broadcast
    );
  }
  if (isIP(lower) === 6) {
    return (
      lower === '::' ||
      lower === '::1' ||
      lower.startsWith('fe8') ||
      lower.startsWith('fe9') ||
      lower.startsWith('fea') ||
      lower.startsWith('feb') || // link-local
      lower.startsWith('fc') ||
      lower.startsWith('fd') || // unique local
      lower.startsWith('ff') || // multicast
      lower.startsWith('64:ff9b') || // NAT64 can reach IPv4 inside
      lower.startsWith('::ffff:') ||
      lower.startsWith('2002:') || // 6to4 carries an IPv4 address
      /^2001:0{0,4}:/.test(lower) || // Teredo
      /^::\d+\.\d+\.\d+\.\d+$/.test(lower) || // IPv4-compatible
      lower.startsWith('2001:db8')
    );
  }
  return true; // not an address we understand: refuse
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
