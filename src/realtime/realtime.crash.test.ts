// The real server in child processes: a SIGKILL loses nothing, and two nodes share one stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SseReader } from '../../test/sse-client.js';
import { startServer, type ServerProcess } from '../../test/server-process.js';
import { bearer } from '../../test/helpers.js';
import {
  createPostgresSchema,
  migrateToLatest,
  openDatabase,
} from '../storage/storage.database.js';
import { loadConfig } from '../platform/platform.config.js';
import { createTokenService } from '../access/access.tokens.js';
import { createServices } from '../services.js';
import { createMemoryStore } from '../storage/storage.files.js';
import { createMemoryBus } from './realtime.bus.js';
import { systemClock } from '../platform/platform.clock.js';

interface Target {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly drop: () => Promise<void>;
}

function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-crash-'));
  return Promise.resolve({
    name: 'sqlite',
    env: { DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}` },
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}

async function postgresTarget(url: string): Promise<Target> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const drop = await createPostgresSchema(url, schema);
  return { name: 'postgres', env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, drop };
}

/** Opens the same database as the server, migrated, with an editor token. */
async function sideDoor(env: Record<string, string>) {
  const handle = openDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  await migrateToLatest(handle);
  const deps = { db: handle.db, bus: createMemoryBus(), clock: systemClock };
  const { token } = await createTokenService(deps).create('crash test', 'editor');
  return { handle, deps, token };
}

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : undefined;
const targets: (() => Promise<Target>)[] = [sqliteTarget];
if (pgUrl) targets.push(() => postgresTarget(pgUrl));

describe.each(targets.map((make, i) => ({ make, name: i === 0 ? 'sqlite' : 'postgres' })))(
  'crash safety ($name)',
  ({ make }) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('SIGKILL mid-stream: after a restart every reader resumes and gets each update exactly once', async () => {
      const target = await make();
      cleanups.push(target.drop);
      const side = await sideDoor(target.env);
      cleanups.push(() => side.handle.close());
      let server: ServerProcess = await startServer(target.env);
      cleanups.push(() => server.kill('SIGKILL'));
      const port = new URL(server.url).port;
      const api = (path: string, body: unknown) =>
        fetch(`${server.url}/api/v1${path}`, {
          method: 'POST',
          headers: { ...bearer(side.token), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await api('/liveblogs', { slug: 'crash', headline: 'اختبار الانهيار' })).status).toBe(
        201,
      );

      const readers = Array.from(
        { length: 10 },
        () => new SseReader({ url: `${server.url}/live/crash/events`, retryMs: 200 }),
      );
      cleanups.push(() => {
        for (const r of readers) r.close();
        return Promise.resolve();
      });
      await Promise.all(readers.map((r) => r.until(() => r.connects === 1 && r.events.length > 0)));

      const acknowledged = new Set<number>();
      const publish = async (text: string) => {
        try {
          const res = await api('/liveblogs/crash/updates', { text });
          if (res.status === 201) acknowledged.add(((await res.json()) as { id: number }).id);
        } catch {
          // The server died under this request: not acknowledged, may or may not have committed.
        }
      };
      for (let i = 0; i < 10; i++) await publish(`قبل ${i}`);
      // A burst in flight while the process is killed.
      const burst = Array.from({ length: 20 }, (_, i) => publish(`أثناء ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await server.kill('SIGKILL');
      await Promise.all(burst);

      // While the node is down, another node (here: this process) keeps publishing.
      const { updates } = createServices({ ...side.deps, files: createMemoryStore() });
      const actor = { kind: 'token' as const, id: null, name: 'side', role: 'editor' as const };
      for (let i = 0; i < 5; i++) {
        acknowledged.add(
          (await updates.publish(actor, 'crash', { text: `بينما الخادم متوقف ${i}` })).update.id,
        );
      }

      server = await startServer(target.env, Number(port));
      for (let i = 0; i < 5; i++) await publish(`بعد ${i}`);

      const list = await fetch(`${server.url}/api/v1/liveblogs/crash/updates?limit=100`);
      const committed = ((await list.json()) as { updates: { id: number }[] }).updates.map(
        (u) => u.id,
      );
      for (const id of acknowledged) expect(committed).toContain(id);

      await Promise.all(
        readers.map((r) =>
          r.until(
            () =>
              r.numbered().filter((e) => e.type === 'update.published').length >= committed.length,
            20_000,
          ),
        ),
      );
      for (const r of readers) {
        expect(r.connects).toBeGreaterThanOrEqual(2);
        const got = r.numbered();
        const seqs = got.map((e) => e.id ?? 0);
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i));
        const ids = got.map((e) => (JSON.parse(e.data) as { id: number }).id);
        expect(new Set(ids)).toEqual(new Set(committed));
      }
      await server.kill();
    }, 90_000);
  },
);

const redisUrl = process.env.REDIS_URL;
describe.runIf(pgUrl && redisUrl)('two nodes sharing PostgreSQL and Redis', () => {
  it('a reader on one node sees what is published on the other at once', async () => {
    if (!pgUrl || !redisUrl) return;
    const target = await postgresTarget(pgUrl);
    const env = { ...target.env, REDIS_URL: redisUrl, LIVE_SWEEP_MS: '600000' };
    const side = await sideDoor(env);
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    const reader = new SseReader({ url: `${a.url}/live/nodes/events`, retryMs: 200 });
    try {
      const create = await fetch(`${b.url}/api/v1/liveblogs`, {
        method: 'POST',
        headers: { ...bearer(side.token), 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'nodes', headline: 'عقدتان' }),
      });
      expect(create.status).toBe(201);
      await reader.until(() => reader.events.some((e) => e.type === 'ready'));
      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        const res = await fetch(`${b.url}/api/v1/liveblogs/nodes/updates`, {
          method: 'POST',
          headers: { ...bearer(side.token), 'content-type': 'application/json' },
          body: JSON.stringify({ text: `من العقدة الثانية ${i}` }),
        });
        const { id } = (await res.json()) as { id: number };
        // The sweep is set to 10 minutes: only the Redis doorbell can deliver this quickly.
        await reader.until(
          () => reader.numbered().some((e) => e.data.includes(`"id":${id},`)),
          2_000,
        );
        latencies.push(Date.now() - started);
      }
      expect(Math.max(...latencies)).toBeLessThan(2_000);
    } finally {
      reader.close();
      await Promise.all([a.kill(), b.kill()]);
      await side.handle.close();
      await target.drop();
    }
  }, 60_000);
});

describe('WORKERS=2 on one machine, woken through the primary', () => {
  it('readers on either worker get updates published through either worker at once', async () => {
    const target = await sqliteTarget();
    const env = { ...target.env, WORKERS: '2', LIVE_SWEEP_MS: '600000' };
    const side = await sideDoor(env);
    const server = await startServer(env);
    const readers: SseReader[] = [];
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${server.url}/api/v1${path}`, {
          method: 'POST',
          headers: {
            ...bearer(side.token),
            'content-type': 'application/json',
            connection: 'close',
          },
          body: JSON.stringify(body),
        });
      expect((await post('/liveblogs', { slug: 'workers', headline: 'عمّال' })).status).toBe(201);
      for (let i = 0; i < 6; i++)
        readers.push(new SseReader({ url: `${server.url}/live/workers/events` }));
      await Promise.all(
        readers.map((r) => r.until(() => r.events.some((e) => e.type === 'ready'))),
      );
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await post('/liveblogs/workers/updates', { text: `تحديث ${i}` });
        ids.push(((await res.json()) as { id: number }).id);
      }
      await Promise.all(
        readers.map((r) =>
          r.until(
            () => r.numbered().filter((e) => e.type === 'update.published').length >= 6,
            3_000,
          ),
        ),
      );
      for (const r of readers) {
        expect(r.numbered().map((e) => (JSON.parse(e.data) as { id: number }).id)).toEqual(ids);
      }
    } finally {
      for (const r of readers) r.close();
      await server.kill();
      await side.handle.close();
      await target.drop();
    }
  }, 60_000);
});
