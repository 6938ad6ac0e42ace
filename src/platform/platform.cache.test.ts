// The purger against a real stand-in purge endpoint: what each mode sends, and that a failing
// or missing endpoint is logged, never thrown at the writer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCachePurger, publicCacheControl, type PurgeLog } from './platform.cache.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('the cache purger', () => {
  let server: Server;
  let base: string;
  let status = 200;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        });
        response.statusCode = status;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );

  const quiet: PurgeLog = { warn: () => undefined };
  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('url mode POSTs the keys in the body, the header and the address template', async () => {
    received.length = 0;
    const purge = createCachePurger(
      { mode: 'url', url: `${base}/purge?tags={keys}`, token: 's3cret' },
      quiet,
    );
    purge({ keys: ['liveblog-3', 'update-9'], paths: ['/live/x'] });
    await until(() => received.length === 1);
    const [hit] = received;
    expect(hit?.method).toBe('POST');
    expect(hit?.url).toBe('/purge?tags=liveblog-3%20update-9');
    expect(hit?.headers['surrogate-key']).toBe('liveblog-3 update-9');
    expect(hit?.headers.authorization).toBe('Bearer s3cret');
    expect(JSON.parse(hit?.body ?? '{}')).toEqual({
      tags: ['liveblog-3', 'update-9'],
      keys: ['liveblog-3', 'update-9'],
    });
  });

  it('nginx mode asks the refresh location for each path, once per encoding it keeps', async () => {
    received.length = 0;
    const purge = createCachePurger({ mode: 'nginx', url: `${base}/` }, quiet);
    purge({ keys: ['liveblog-3'], paths: ['/live/x', '/feed.rss'] });
    await until(() => received.length === 6);
    expect(
      received.map((r) => `${r.method} ${r.url} ${String(r.headers['accept-encoding'])}`).sort(),
    ).toEqual([
      'GET /_refresh/feed.rss br',
      'GET /_refresh/feed.rss gzip',
      'GET /_refresh/feed.rss identity',
      'GET /_refresh/live/x br',
      'GET /_refresh/live/x gzip',
      'GET /_refresh/live/x identity',
    ]);
  });

  it('a refusing or unreachable endpoint is logged, and the caller is never thrown at', async () => {
    const warnings: string[] = [];
    const log: PurgeLog = { warn: (_details, message) => warnings.push(message) };
    status = 503;
    createCachePurger({ mode: 'url', url: base }, log)({ keys: ['site'], paths: [] });
    createCachePurger({ mode: 'url', url: 'http://127.0.0.1:9/' }, log)({ keys: ['x'], paths: [] });
    await until(() => warnings.length === 2);
    status = 200;
    expect(warnings.sort()).toEqual(['cache purge failed', 'cache purge refused']);
  });

  it('none sends nothing', async () => {
    received.length = 0;
    createCachePurger({ mode: 'none', url: base }, quiet)({ keys: ['site'], paths: ['/'] });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(0);
  });

  it('public pages stay briefly in browsers and as configured in shared caches', () => {
    expect(publicCacheControl({ sMaxAge: 60, staleWhileRevalidate: 30, staleIfError: 86400 })).toBe(
      'public, max-age=5, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400',
    );
  });
});
