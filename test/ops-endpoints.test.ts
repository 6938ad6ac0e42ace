// The operator's endpoints: /healthz answers without the database, /readyz fails while the
// database (or Redis) cannot be reached or migrations are pending, and /metrics is never open
// on the reader port.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from './helpers.js';
import { SseReader } from './sse-client.js';
import { startTcpProxy } from './tcp-proxy.js';
import { freePort, startServer } from './server-process.js';
import { testConfig } from '../src/platform/platform.config.js';
import { buildApp } from '../src/app.js';
import { createMemoryStore } from '../src/storage/storage.files.js';
import {
  createPostgresSchema,
  migrateToLatest,
  openDatabase,
  sql,
} from '../src/storage/storage.database.js';
import { startMetricsServer } from '../src/platform/platform.ops.js';

const TOKEN = randomBytes(24).toString('base64url');

describe('/healthz and /readyz on SQLite', () => {
  it('ready while the database answers; /readyz fails once it is closed, /healthz does not', async () => {
    const t = await buildTestApp();
    try {
      const ready = await t.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', migrations: 'ok', redis: 'not configured' },
      });
      expect(ready.headers['cache-control']).toBe('no-store');

      await t.app.database.close();
      const down = await t.app.inject({ url: '/readyz' });
      expect(down.statusCode).toBe(503);
      const body = down.json<{ error: Record<string, unknown> }>();
      expect(body.error).toMatchObject({
        code: 'not_ready',
        details: [
          { field: 'database', message: 'unreachable' },
          { field: 'migrations', message: 'unknown' },
        ],
        requestId: String(down.headers['x-request-id']),
      });
      const alive = await t.app.inject({ url: '/healthz' });
      expect(alive.statusCode).toBe(200);
      expect(alive.json()).toEqual({ status: 'ok' });
    } finally {
      await t.app.close();
    }
  });

  it('is not ready while a migration is pending', async () => {
    const t = await buildTestApp();
    try {
      await sql`delete from kysely_migration where name = '2026-11-29-0009-translations'`.execute(
        t.app.database.db,
      );
      const res = await t.app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json<{ error: { details: unknown[] } }>().error.details).toEqual([
        { field: 'migrations', message: '1 pending' },
      ]);
    } finally {
      await t.close();
    }
  });
});

const postgresUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
describe.runIf(postgresUrl?.startsWith('postgres'))('/readyz on PostgreSQL and Redis', () => {
  it('fails while the database or Redis is unreachable, and recovers', async () => {
    const url = new URL(postgresUrl ?? '');
    const dbProxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const dropSchema = await createPostgresSchema(postgresUrl ?? '', schema);
    url.hostname = '127.0.0.1';
    url.port = String(dbProxy.port);
    const config = testConfig({
      databaseUrl: url.toString(),
      databaseEngine: 'postgres',
      databaseSchema: schema,
    });
    const r = redisUrl ? new URL(redisUrl) : undefined;
    const redisProxy = r ? await startTcpProxy(r.hostname, Number(r.port || 6379)) : undefined;
    const handle = openDatabase(config);
    await migrateToLatest(handle);
    const app = await buildApp(
      {
        ...config,
        ...(redisProxy && { redisUrl: `redis://127.0.0.1:${redisProxy.port}` }),
      },
      { database: handle, files: createMemoryStore() },
    );
    try {
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
      await dbProxy.cut();
      const down = await app.inject({ url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json<{ error: { details: unknown[] } }>().error.details).toContainEqual({
        field: 'database',
        message: 'unreachable',
      });
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      await dbProxy.restore();
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);

      if (redisProxy) {
        await redisProxy.cut();
        const noRedis = await app.inject({ url: '/readyz' });
        expect(noRedis.statusCode).toBe(503);
        expect(noRedis.json<{ error: { details: unknown[] } }>().error.details).toEqual([
          { field: 'redis', message: 'unreachable' },
        ]);
      }
    } finally {
      await app.close();
      await handle.close();
      await dbProxy.close();
      await redisProxy?.close();
      await dropSchema();
    }
  });
});

describe('/metrics', () => {
  it('is not served on the reader port without a token configured', async () => {
    const t = await buildTestApp();
    try {
      const res = await t.app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(404);
      // The 404 page, not the metrics (whose every line names an ajil_ series or # HELP).
      expect(res.body).not.toMatch(/^(# HELP|ajil_)/m);
    } finally {
      await t.close();
    }
  });

  it('with a metrics port, is not served on the reader port even with the token', async () => {
    const t = await buildTestApp(undefined, {}, { metricsPort: 9464, metricsToken: TOKEN });
    try {
      const res = await t.app.inject({ url: '/metrics', headers: bearer(TOKEN) });
      expect(res.statusCode).toBe(404);
      // The 404 page, not the metrics (whose every line names an ajil_ series or # HELP).
      expect(res.body).not.toMatch(/^(# HELP|ajil_)/m);
    } finally {
      await t.close();
    }
  });

  describe.each(engines())('with a token on the reader port ($name)', (engine) => {
    let t: TestApp;
    let base: string;
    beforeAll(async () => {
      t = await buildTestApp(engine, {}, { metricsToken: TOKEN, streamsPerAddress: 1 });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    afterAll(() => t.close());

    it.each([
      ['no header', {}],
      ['a wrong token', bearer(`${TOKEN}x`)],
      ['another scheme', { authorization: `Basic ${TOKEN}` }],
    ])('refuses %s with 401 in the JSON error shape', async (_name, headers) => {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error.code).toBe('metrics_token_required');
      expect(Object.keys(body.error.messages as object)).toEqual(['ar', 'en']);
      expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('serves readers per page, deliveries, latency, database timings, rate limits, loop lag', async () => {
      const editor = await t.token('editor');
      const made = await fetch(`${base}/api/v1/liveblogs`, {
        method: 'POST',
        headers: { ...bearer(editor), 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'metered', headline: 'مقاس', timeZone: 'Asia/Muscat' }),
      });
      expect(made.status).toBe(201);
      const reader = new SseReader({ url: `${base}/live/metered/events`, reconnect: false });
      try {
        await reader.until(() => reader.events.some((e) => e.type === 'ready'));
        // One stream per address here: a second one is rate limited.
        expect((await fetch(`${base}/live/metered/events`)).status).toBe(429);
        const published = await fetch(`${base}/api/v1/liveblogs/metered/updates`, {
          method: 'POST',
          headers: { ...bearer(editor), 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'خبر للقياس' }),
        });
        expect(published.status).toBe(201);
        await reader.until(() => reader.numbered().length === 1);

        const res = await fetch(`${base}/metrics`, { headers: bearer(TOKEN) });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        const text = await res.text();
        const id = String(t.app.hub.readersByPage()[0]?.[0]);
        expect(text).toContain(`ajil_live_page_readers{liveblog="${id}"} 1`);
        expect(text).toMatch(/^ajil_live_readers 1$/m);
        expect(text).toMatch(/^ajil_live_deliveries_total 1$/m);
        expect(text).toMatch(/^ajil_live_delivery_latency_seconds_count 1$/m);
        expect(text).toMatch(
          /^ajil_db_query_duration_seconds_count\{kind="select",outcome="ok"\} [1-9]/m,
        );
        expect(text).toMatch(
          /^ajil_db_query_duration_seconds_count\{kind="insert",outcome="ok"\} [1-9]/m,
        );
        expect(text).toContain('ajil_rate_limited_total{route="/live/:slug/events"} 1');
        expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
        expect(text).toMatch(/^ajil_http_request_duration_seconds_count\{method="POST"/m);
      } finally {
        reader.close();
      }
    });
  });

  it('the metrics port serves /metrics and nothing else', async () => {
    const port = await freePort();
    const server = await startMetricsServer({ metricsPort: port, metricsHost: '127.0.0.1' }, () =>
      Promise.resolve('ajil_example 1\n'),
    );
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('ajil_example 1\n');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('the real server with two workers: the sum of both on METRICS_PORT, none on the reader port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajil-metrics-'));
    const metricsPort = await freePort();
    const server = await startServer({
      DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
      WORKERS: '2',
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
      REDIS_URL: '',
    });
    try {
      for (let i = 0; i < 6; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const open = await fetch(`${server.url}/metrics`, { headers: bearer(TOKEN) });
      expect(open.status).toBe(404);
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      // Six requests, spread over the workers, summed by the primary.
      expect(text).toMatch(
        /^ajil_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 6$/m,
      );
      expect(text).toMatch(/^ajil_live_readers 0$/m);
    } finally {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
