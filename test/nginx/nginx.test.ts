// The front door in deploy/nginx, exercised with Debian's nginx on loopback ports: TLS and HTTP/2,
// the live stream through it (added delay measured against a direct reader), reader pages cached
// by their own headers and served while both nodes are stopped, assets and photos from disk, the
// refresh endpoint local-only, no metrics. Runs when nginx is installed (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as h2connect, type ClientHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/platform/platform.config.js';
import { migrateToLatest, openDatabase } from '../../src/storage/storage.database.js';
import { createMemoryBus } from '../../src/realtime/realtime.bus.js';
import { createDiskStore } from '../../src/storage/storage.files.js';
import { ASSET_DIR } from '../../src/platform/platform.assets.js';
import { bearer } from '../helpers.js';
import { freePort } from '../server-process.js';
import {
  makeTestCertificate,
  nginxBinary,
  startNginx,
  type NginxProcess,
} from '../nginx-process.js';
import { launchBrowser } from '../browser/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe.runIf(nginxBinary !== undefined)('nginx in front of two nodes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-nginx-'));
  const media = join(dir, 'media');
  let cert: Buffer;
  let port: number;
  let proxy: NginxProcess | undefined;
  const nodes: FastifyInstance[] = [];
  const direct: string[] = [];
  let token: string;
  let photoKey: string;
  const database = openDatabase(testConfig({ databaseUrl: `sqlite:${join(dir, 'ajil.db')}` }));

  function https(path: string, headers: Record<string, string> = {}, localAddress?: string) {
    return new Promise<Reply>((resolve, reject) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port, path, servername: 'localhost', ca: cert, headers, localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  async function startFrontDoor(): Promise<void> {
    proxy = await startNginx({ dir, upstreams: direct, httpsPort: port, mediaDir: media });
  }

  beforeAll(async () => {
    if (!existsSync(`${ASSET_DIR}manifest.json`)) {
      execFileSync(process.execPath, ['scripts/build-assets.mjs'], { cwd: root, stdio: 'ignore' });
    }
    cert = makeTestCertificate(dir);
    await migrateToLatest(database);
    const bus = createMemoryBus();
    port = await freePort();
    // Shared caches keep pages 3 s here, so the test can see a page go stale.
    const cache = { ...testConfig().cache, sMaxAge: 3, staleWhileRevalidate: 0 };
    for (let i = 0; i < 2; i++) {
      const app = await buildApp(
        testConfig({
          databaseUrl: `sqlite:${join(dir, 'ajil.db')}`,
          publicUrl: `https://localhost:${String(port)}`,
          trustProxy: 1,
          mediaDir: media,
          cache,
        }),
        { database, bus, files: createDiskStore(media) },
      );
      await app.listen({ port: 0, host: '127.0.0.1' });
      nodes.push(app);
      direct.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    }
    const [first] = nodes;
    if (!first) throw new Error('no node started');
    token = (await first.services.tokens.create('nginx test', 'editor')).token;
    const made = await fetch(`${direct[0]}/api/v1/liveblogs`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'front-door', headline: 'الباب الأمامي', timeZone: 'UTC' }),
    });
    expect(made.status).toBe(201);
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const photo = await fetch(`${direct[1]}/api/v1/photos?alt=a&credit=b`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'image/jpeg' },
      body: new Uint8Array(jpeg),
    });
    expect(photo.status).toBe(201);
    const { urls } = (await photo.json()) as { urls: { jpg: string[] } };
    photoKey = String(urls.jpg[0]?.split('/').pop());
    await startFrontDoor();
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    for (const node of nodes) await node.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('speaks TLS and HTTP/2', async () => {
    const session: ClientHttp2Session = h2connect(`https://localhost:${port}`, { ca: cert });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':path': '/live/front-door' });
        stream.on('response', (headers) => {
          resolve(Number(headers[':status']));
          stream.close();
        });
        stream.on('error', reject);
      });
      expect(status).toBe(200);
      expect(session.alpnProtocol).toBe('h2');
    } finally {
      session.close();
    }
  });

  it('keeps metrics inside, the refresh endpoint local, and sessions out of the cache', async () => {
    expect((await https('/metrics')).status).toBe(404);
    expect((await https('/_refresh/live/front-door', {}, '127.0.0.2')).status).toBe(403);
    const refreshed = await https('/_refresh/live/front-door');
    expect(refreshed.status).toBe(200);
    for (const cookie of ['ajil_session=x', 'a=1; __Host-ajil_session=x']) {
      const signedIn = await https('/live/front-door', { cookie });
      expect(signedIn.headers['x-cache-status']).toBe('BYPASS');
    }
    const signedIn = await https('/live/front-door', { cookie: '__Host-ajil_session=x' });
    // The request id nginx made reached the node (TRUST_PROXY) and came back.
    expect(signedIn.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the live stream passes through unbuffered: added delay at p99 under 50 ms', async () => {
    const arrivals = { direct: new Map<number, number>(), nginx: new Map<number, number>() };
    const record = (into: Map<number, number>) => {
      let text = '';
      return (chunk: Buffer) => {
        const now = performance.now();
        text += chunk.toString('utf8');
        for (const match of text.matchAll(/^id: (\d+)$/gm)) {
          const id = Number(match[1]);
          if (!into.has(id)) into.set(id, now);
        }
        text = text.slice(text.lastIndexOf('\n') + 1);
      };
    };
    const directRequest = httpGet(`${direct[0]}/live/front-door/events`, (res) => {
      res.on('data', record(arrivals.direct));
    });
    const session = h2connect(`https://localhost:${port}`, { ca: cert });
    const stream = session.request({
      ':path': '/live/front-door/events',
      accept: 'text/event-stream',
    });
    let head: Record<string, unknown> = {};
    stream.on('response', (headers) => (head = headers));
    stream.on('data', record(arrivals.nginx));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const count = 60;
      for (let i = 0; i < count; i++) {
        const res = await fetch(`${direct[1]}/api/v1/liveblogs/front-door/updates`, {
          method: 'POST',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          body: JSON.stringify({ text: `خبر عبر الوكيل ${i}` }),
        });
        expect(res.status).toBe(201);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const deadline = Date.now() + 10_000;
      while (arrivals.nginx.size < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(head[':status']).toBe(200);
      expect(String(head['content-type'])).toMatch(/^text\/event-stream/);
      expect(arrivals.nginx.size).toBe(count);
      const added = [...arrivals.direct]
        .map(([id, at]) => (arrivals.nginx.get(id) ?? Infinity) - at)
        .sort((a, b) => a - b);
      const at = (q: number) =>
        added[Math.min(added.length - 1, Math.floor(q * added.length))] ?? 0;
      console.log(
        `SSE through nginx (TLS, HTTP/2), ${added.length} events: added p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${(added.at(-1) ?? 0).toFixed(1)} ms`,
      );
      expect(at(0.99)).toBeLessThan(50);
    } finally {
      stream.close();
      session.close();
      directRequest.destroy();
    }
  }, 60_000);

  it('consent and commenting work in chromium on a page served from the cache', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const url = `https://localhost:${String(port)}/live/front-door`;
      // Another reader's visit fills the cache; this one is served from it.
      const other = await browser.newContext({ ignoreHTTPSErrors: true });
      await (await other.newPage()).goto(url);
      await other.close();
      const cached = await page.goto(url);
      expect(cached?.headers()['x-cache-status']).toBe('HIT');
      await expect(page.locator('.consent-banner').isVisible()).resolves.toBe(true);
      await Promise.all([page.waitForURL(url), page.click('.consent-reject')]);
      // The same cached bytes; the reader's choice hides the banner in the browser.
      const again = await page.reload();
      expect(again?.headers()['x-cache-status']).toMatch(/HIT|STALE|UPDATING/);
      await expect(page.locator('.consent-banner').isVisible()).resolves.toBe(false);
      expect((await context.cookies()).map((c) => c.name)).toEqual(['ajil_consent']);

      await page.fill('.comment-form input[name="name"]', 'قارئة من الباب الأمامي');
      await page.fill(
        '.comment-form textarea[name="text"]',
        'تعليق من صفحة جاءت من الذاكرة المؤقتة.',
      );
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>('.comment-form input[name="t"]')?.value !== '',
      );
      await page.waitForTimeout(3_100); // the form's minimum time, counted from the token
      await Promise.all([
        page.waitForURL(/comment=(pending|published)/),
        page.click('.comment-form button[type="submit"]'),
      ]);
      await expect(page.locator('.comment-notice').isVisible()).resolves.toBe(true);
      const [node] = nodes;
      if (!node) throw new Error('no node');
      const { comments } = await node.services.comments.section('front-door', 'newest');
      const held = await node.services.comments.queue({
        kind: 'user',
        id: null,
        name: 'test',
        role: 'admin',
      });
      expect([...comments, ...held].some((c) => c.text.includes('الذاكرة المؤقتة'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('serves the cached page, assets and photos while both nodes are stopped', async () => {
    const url = '/live/front-door?page=1';
    const first = await https(url, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    const second = await https(url, { 'accept-encoding': 'gzip' });
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(second.body.equals(first.body)).toBe(true);

    for (const node of nodes.splice(0)) await node.close();
    // Past the page's s-maxage (3 s): only a stale copy is left, and the nodes do not answer.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const stale = await https(url, { 'accept-encoding': 'gzip' });
    expect(stale.status).toBe(200);
    expect(stale.headers['x-cache-status']).toBe('STALE');
    expect(stale.body.equals(first.body)).toBe(true);
    // A page nobody asked for before cannot be made up.
    expect((await https('/live/front-door?page=2')).status).toBe(502);

    const manifest = JSON.parse(readFileSync(`${ASSET_DIR}manifest.json`, 'utf8')) as Record<
      string,
      string
    >;
    const asset = await https(`/assets/${manifest['live.js'] ?? ''}`, {
      'accept-encoding': 'gzip',
    });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
    const photo = await https(`/media/${photoKey}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.body.subarray(0, 2).toString('hex')).toBe('ffd8');
  }, 30_000);
});
