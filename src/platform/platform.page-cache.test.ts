import Fastify from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptedEncoding, createPageCache, createVersionMemo } from './platform.page-cache.js';

const html = (n: number) => `<!doctype html><p>${'صفحة التغطية '.repeat(200)}${String(n)}</p>`;

describe('page cache', () => {
  it('renders once per key and version, however many ask at the same moment', async () => {
    const cache = createPageCache({ maxBytes: 1_000_000 });
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return html(renders);
    };
    const pages = await Promise.all(
      Array.from({ length: 50 }, () => cache.page('a', 'v1', render)),
    );
    expect(renders).toBe(1);
    expect(new Set(pages).size).toBe(1);
    await cache.page('a', 'v1', render);
    expect(renders).toBe(1);
    const newer = await cache.page('a', 'v2', render);
    expect(renders).toBe(2);
    expect(newer.identity.toString()).toBe(html(2));
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 51 });
  });

  it('keeps the newer version when an older render ends after it', async () => {
    const cache = createPageCache({ maxBytes: 1_000_000 });
    let renders = 0;
    const slow = cache.page('a', 'v1', async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return html(1);
    });
    await cache.page('a', 'v2', () => Promise.resolve(html((renders += 1))));
    await slow;
    const again = await cache.page('a', 'v2', () => Promise.resolve(html((renders += 1))));
    expect(renders).toBe(2);
    expect(again.version).toBe('v2');
  });

  it('keeps a failed render out, and the next ask renders again', async () => {
    const cache = createPageCache({ maxBytes: 1_000_000 });
    await expect(cache.page('a', 'v1', () => Promise.reject(new Error('gone')))).rejects.toThrow();
    const page = await cache.page('a', 'v1', () => Promise.resolve(html(1)));
    expect(page.identity.toString()).toBe(html(1));
  });

  it('lets the least recently used pages go past its byte budget', async () => {
    const size = Buffer.byteLength(html(1));
    const cache = createPageCache({ maxBytes: size * 2 + 10 });
    let renders = 0;
    const render = () => Promise.resolve(html(++renders));
    await cache.page('a', 'v', render);
    await cache.page('b', 'v', render);
    await cache.page('a', 'v', render); // a is now the most recent
    await cache.page('c', 'v', render); // b goes
    expect(cache.stats().entries).toBe(2);
    await cache.page('a', 'v', render);
    expect(renders).toBe(3);
    await cache.page('b', 'v', render);
    expect(renders).toBe(4);
  });

  it('with no memory, renders every time', async () => {
    const cache = createPageCache({ maxBytes: 0 });
    let renders = 0;
    const render = () => Promise.resolve(html(++renders));
    await cache.page('a', 'v', render);
    await cache.page('a', 'v', render);
    expect(renders).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });

  it('answers in the best accepted encoding, each with its own validator, and 304 on a match', async () => {
    const cache = createPageCache({ maxBytes: 1_000_000 });
    const app = Fastify();
    app.get('/', async (request, reply) => {
      const page = await cache.page('a', 'v1', () => Promise.resolve(html(1)));
      void reply.type('text/html; charset=utf-8');
      return cache.send(request, reply, page);
    });
    const ask = (headers: Record<string, string>) => app.inject({ url: '/', headers });
    const br = await ask({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(html(1));
    const gz = await ask({ 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(html(1));
    const plain = await ask({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(html(1));
    const tags = new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]);
    expect(tags.size).toBe(3);
    const again = await ask({ 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await ask({
      'accept-encoding': 'gzip',
      'if-none-match': String(br.headers.etag),
    });
    expect(other.statusCode).toBe(200);
    await app.close();
  });

  it('reads Accept-Encoding as browsers and proxies send it', () => {
    expect(acceptedEncoding(undefined)).toBe('identity');
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('BR')).toBe('br');
    expect(acceptedEncoding('*')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBe('identity');
    expect(acceptedEncoding('gzip;q=0')).toBe('identity');
  });
});

describe('version memo', () => {
  it('asks once per lifetime, again at once after a doorbell, and keeps no failure', async () => {
    let time = 0;
    let reads = 0;
    let fail = false;
    const memo = createVersionMemo(
      (key: string) => {
        reads += 1;
        return fail ? Promise.reject(new Error('no')) : Promise.resolve({ key, n: reads });
      },
      1_000,
      () => time,
    );
    expect(await memo.get('a')).toEqual({ key: 'a', n: 1 });
    time = 999;
    expect((await memo.get('a')).n).toBe(1);
    time = 1_000;
    expect((await memo.get('a')).n).toBe(2);
    memo.forget((value) => value.key === 'b');
    expect((await memo.get('a')).n).toBe(2);
    memo.forget((value) => value.key === 'a');
    expect((await memo.get('a')).n).toBe(3);
    fail = true;
    await expect(memo.get('z')).rejects.toThrow();
    fail = false;
    expect((await memo.get('z')).n).toBe(5);
  });
});
