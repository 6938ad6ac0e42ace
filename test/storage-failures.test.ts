// Class 9 of the hardening issue: storage failures (disk full, I/O errors, a busy database, a
// database that cannot be reached) answer 503 with Retry-After and a message in both languages,
// in JSON and in HTML, never 500 — here with real failures, not imitations.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { bearer, buildTestApp, engines, type TestApp } from './helpers.js';
import { createMemoryStore } from '../src/storage/storage.files.js';
import {
  createPostgresSchema,
  migrateToLatest,
  openDatabase,
  sql,
} from '../src/storage/storage.database.js';
import { testConfig } from '../src/platform/platform.config.js';
import { isStorageFailure } from '../src/platform/platform.errors.js';

function expect503Json(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(res.statusCode).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.json()).toMatchObject({
    error: {
      code: 'storage_unavailable',
      messages: { ar: expect.any(String) as unknown, en: expect.any(String) as unknown },
    },
  });
}

describe('a full disk (SQLITE_FULL)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    token = await t.token('editor');
    await t.app.services.liveblogs.create(
      { kind: 'user', id: null, name: 'x', role: 'editor' },
      { slug: 'full', headline: 'قبل امتلاء القرص' },
    );
    // The database may not grow by a single page more: the next write that needs one fails.
    const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(t.app.database.db);
    await sql
      .raw(`PRAGMA max_page_count = ${pages.rows[0]?.page_count ?? 1}`)
      .execute(t.app.database.db);
  });
  afterAll(() => t.close());

  it('an API write answers 503 with Retry-After and a bilingual message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/full/updates',
      headers: bearer(token),
      payload: { text: 'نص طويل '.repeat(2000) },
    });
    expect503Json(res);
  });

  it('a form post answers a 503 page with Retry-After', async () => {
    // The reader opens the page (the same bytes for everyone), then starts writing.
    expect((await t.app.inject('/live/full')).statusCode).toBe(200);
    const formToken = (await t.app.inject('/live/full/comments/token')).json<{ token: string }>()
      .token;
    const res = await t.app.inject({
      method: 'POST',
      url: '/live/full/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        name: 'قارئ',
        text: 'تعليق '.repeat(300),
        t: formToken,
      }).toString(),
    });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  });
});

describe('a busy database (SQLITE_BUSY after the busy time-out)', () => {
  let dir: string;
  let app: FastifyInstance;
  let other: SQLite.Database;
  let token: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ajil-busy-'));
    const config = testConfig({ databaseUrl: `sqlite:${join(dir, 'ajil.db')}` });
    const handle = openDatabase(config);
    app = await buildApp(config, { database: handle, files: createMemoryStore() });
    token = (await app.services.tokens.create('busy', 'editor')).token;
    await sql.raw('PRAGMA busy_timeout = 100').execute(handle.db);
    // Another process holds the write lock and does not let go.
    other = new SQLite(join(dir, 'ajil.db'));
    other.exec('BEGIN EXCLUSIVE');
  });
  afterAll(async () => {
    other.exec('ROLLBACK');
    other.close();
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a write answers 503, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(token),
      payload: { slug: 'busy', headline: 'مشغول' },
    });
    expect503Json(res);
  });
});

describe.each(engines().filter((engine) => engine.name === 'postgres'))(
  'PostgreSQL out of reach (connection refused, connection cut)',
  () => {
    let proxy: net.Server;
    const sockets = new Set<net.Socket>();
    let app: FastifyInstance;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      // The app reaches PostgreSQL through a small TCP relay that the test can pull away.
      const target = new URL(process.env.DATABASE_URL ?? '');
      proxy = net.createServer((client) => {
        const server = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(server);
        client.pipe(server).pipe(client);
        const end = () => {
          client.destroy();
          server.destroy();
        };
        client.on('error', end).on('close', end);
        server.on('error', end).on('close', end);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const port = (proxy.address() as net.AddressInfo).port;
      const schema = `t_unreach_${Date.now().toString(36)}`;
      drop = await createPostgresSchema(target.toString(), schema);
      const via = new URL(target);
      via.hostname = '127.0.0.1';
      via.port = String(port);
      const config = testConfig({
        databaseUrl: via.toString(),
        databaseEngine: 'postgres',
        databaseSchema: schema,
      });
      const handle = openDatabase(config);
      await migrateToLatest(handle);
      app = await buildApp(config, { database: handle, files: createMemoryStore() });
      await app.services.liveblogs.create(
        { kind: 'user', id: null, name: 'x', role: 'editor' },
        { slug: 'away', headline: 'قاعدة البيانات بعيدة' },
      );
      proxy.close();
      for (const socket of sockets) socket.destroy();
    });
    afterAll(async () => {
      await app.close().catch(() => undefined);
      await drop();
    });

    it('JSON and HTML both answer 503 with Retry-After', async () => {
      expect503Json(await app.inject('/api/v1/liveblogs/away'));
      const html = await app.inject('/live/away');
      expect(html.statusCode).toBe(503);
      expect(Number(html.headers['retry-after'])).toBeGreaterThan(0);
      expect(html.body).toContain('حاول مجددًا');
    });
  },
);

describe('which errors are storage failures', () => {
  it('recognises the engines’ codes, also wrapped as a cause', () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_IOERR',
      'SQLITE_IOERR_WRITE',
      'SQLITE_BUSY',
      'SQLITE_CANTOPEN',
      'ECONNREFUSED',
      '53100',
      '57P03',
      '08006',
    ])
      expect(isStorageFailure(Object.assign(new Error('x'), { code }))).toBe(true);
    expect(
      isStorageFailure(
        new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'SQLITE_FULL' }) }),
      ),
    ).toBe(true);
    expect(
      isStorageFailure(
        new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe(true);
    expect(isStorageFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505', '22021', undefined])
      expect(isStorageFailure(Object.assign(new Error('x'), { code }))).toBe(false);
  });
});
