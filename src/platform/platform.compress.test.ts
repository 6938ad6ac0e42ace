import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { get, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { ASSET_DIR } from './platform.assets.js';

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

describe('compression', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A fresh clone has no built assets; build them once (a second build is not needed).
    if (!existsSync(`${ASSET_DIR}manifest.json`)) {
      execFileSync(process.execPath, ['scripts/build-assets.mjs'], { stdio: 'ignore' });
    }
    t = await buildTestApp();
    const editor = await t.token('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'compressed-page', headline: 'صفحة مضغوطة', timeZone: 'Asia/Muscat' },
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < 6; i++) {
      const published = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/compressed-page/updates',
        headers: bearer(editor),
        payload: { text: `التحديث رقم ${i}: ${'وصل الوفد إلى مسقط لبدء المحادثات. '.repeat(12)}` },
      });
      expect(published.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  // Bodies that are the same bytes on every request, so the decoded copy can be compared.
  const stable = [
    ['JSON (API)', '/api/v1/liveblogs/compressed-page/updates'],
    ['JSON (OpenAPI)', '/api/docs/json'],
    ['RSS feed', '/live/compressed-page/feed.rss'],
    ['JSON Feed', '/live/compressed-page/feed.json'],
    ['Atom feed (site)', '/feed.atom'],
  ] as const;

  it.each(stable)('%s: brotli and gzip decode to the uncompressed bytes', async (_name, url) => {
    const plain = await t.app.inject({ url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip'] as const) {
      const packed = await t.app.inject({ url, headers: { 'accept-encoding': encoding } });
      expect(packed.statusCode).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(decode(encoding, packed.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
  });

  it('a small body goes out as it is, still marked as varying by encoding', async () => {
    const small = await t.app.inject({ url: '/sitemap.xml', headers: { 'accept-encoding': 'br' } });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(String(small.headers.vary)).toMatch(/accept-encoding/i);
  });

  it('prefers brotli, then gzip, and never an encoding the client did not offer', async () => {
    const url = '/api/docs/json';
    const both = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(both.headers['content-encoding']).toBe('br');
    const deflateOnly = await t.app.inject({ url, headers: { 'accept-encoding': 'deflate' } });
    expect(deflateOnly.headers['content-encoding']).toBeUndefined();
    JSON.parse(deflateOnly.body);
  });

  it('HTML reader pages are compressed and keep their own Vary entries', async () => {
    const page = await t.app.inject({
      url: '/live/compressed-page',
      headers: { 'accept-encoding': 'br' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    const vary = String(page.headers.vary).toLowerCase();
    expect(vary).toContain('accept-encoding');
    // The same bytes for every reader (ADR 0011): nothing varies by cookie.
    expect(vary).not.toContain('cookie');
    const html = decode('br', page.rawPayload).toString('utf8');
    expect(html).toContain('صفحة مضغوطة');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('built assets are sent precompressed, decoding to the file on disk, cached for a year', async () => {
    const manifest = JSON.parse(readFileSync(`${ASSET_DIR}manifest.json`, 'utf8')) as Record<
      string,
      string
    >;
    for (const name of ['live.js', 'app.css']) {
      const file = manifest[name] ?? '';
      const onDisk = readFileSync(`${ASSET_DIR}${file}`);
      for (const encoding of ['br', 'gzip', undefined] as const) {
        const res = await t.app.inject({
          url: `/assets/${file}`,
          headers: encoding ? { 'accept-encoding': encoding } : {},
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(String(res.headers['content-type'])).toMatch(/javascript|css/);
        expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control']).toContain('immutable');
        expect(decode(encoding, res.rawPayload).equals(onDisk)).toBe(true);
      }
      // The copy on disk is the one sent: compressed at build time, not per request.
      const br = readFileSync(`${ASSET_DIR}${file}.br`);
      const sent = await t.app.inject({
        url: `/assets/${file}`,
        headers: { 'accept-encoding': 'br' },
      });
      expect(sent.rawPayload.equals(br)).toBe(true);
    }
  });

  it('the live stream is not compressed and each event arrives on its own', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // A reader that offers brotli and gzip, as browsers do.
    let text = '';
    let headers: IncomingHttpHeaders = {};
    const request = get(
      `${base}/live/compressed-page/events`,
      { headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' } },
      (res) => {
        headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
      },
    );
    const published = () => text.split('event: update.published').length - 1;
    const waitFor = async (test: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out with: ${text.slice(-300)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      await waitFor(() => text.includes('event: ready'));
      expect(headers['content-type']).toMatch(/^text\/event-stream/);
      expect(headers['content-encoding']).toBeUndefined();
      const editor = await t.token('editor');
      const post = (body: string) =>
        fetch(`${base}/api/v1/liveblogs/compressed-page/updates`, {
          method: 'POST',
          headers: { ...bearer(editor), 'content-type': 'application/json' },
          body: JSON.stringify({ text: body }),
        });
      expect((await post('الأول')).status).toBe(201);
      // The first event is readable before the second is published: nothing holds it back.
      await waitFor(() => published() === 1);
      expect(text).toContain('الأول');
      expect((await post('الثاني')).status).toBe(201);
      await waitFor(() => published() === 2);
    } finally {
      request.destroy();
    }
  });
});
