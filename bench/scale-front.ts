// The front door for bench/scale's nodes and cdn scenarios: real nodes (src/server.ts, one
// process each) on PostgreSQL + Redis, behind Debian's nginx with the site from deploy/nginx.
// Each run gets its own PostgreSQL schema and temporary directory, removed by close().
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/platform/platform.config.js';
import { ASSET_DIR } from '../src/platform/platform.assets.js';
import { systemClock } from '../src/platform/platform.clock.js';
import { createTokenService } from '../src/access/access.tokens.js';
import { createMemoryBus } from '../src/realtime/realtime.bus.js';
import {
  createPostgresSchema,
  migrateToLatest,
  openDatabase,
} from '../src/storage/storage.database.js';
import { freePort, startServer, type ServerProcess } from '../test/server-process.js';
import {
  makeTestCertificate,
  nginxBinary,
  startNginx,
  type NginxProcess,
} from '../test/nginx-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface FrontDoorOptions {
  readonly nodes: number;
  /** More variables for every node (cache lifetimes, log level). */
  readonly env?: Record<string, string>;
  readonly workerConnections?: number;
  readonly accessLogFormat?: string;
  /**
   * Runs once the nodes are up and before nginx starts, so nginx's cache starts cold (the
   * nodes' refreshes of it fail quietly meanwhile).
   */
  readonly seed?: (door: Seeding) => Promise<void>;
}

/** What a seed may use: the nodes and the editor's POST. */
export type Seeding = Pick<FrontDoor, 'nodes' | 'post'>;

export interface FrontDoor {
  /** nginx's https address (the certificate names 127.0.0.1). */
  readonly url: string;
  readonly cert: Buffer;
  /** This run's temporary directory (removed by close). */
  readonly dir: string;
  readonly nodes: readonly ServerProcess[];
  readonly nginx: NginxProcess;
  /** An editor's API token. */
  readonly token: string;
  /** POSTs JSON to a node (its own address, or nginx's). */
  post(base: string, path: string, body: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** The database and Redis of `.ci/run` unless the environment names others. */
function services(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/test';
  return { databaseUrl, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
}

/** A fresh schema, migrated, with an editor token made through the side door. */
async function freshSchema(databaseUrl: string) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const drop = await createPostgresSchema(databaseUrl, schema);
  const env = { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema };
  const handle = openDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  try {
    await migrateToLatest(handle);
    const deps = { db: handle.db, bus: createMemoryBus(), clock: systemClock };
    const { token } = await createTokenService(deps).create('bench/scale', 'editor');
    return { env, token, drop };
  } finally {
    await handle.close();
  }
}

export async function startFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  if (nginxBinary === undefined)
    throw new Error('the nodes and cdn scenarios need nginx installed');
  if (!existsSync(`${ASSET_DIR}manifest.json`)) {
    execFileSync(process.execPath, ['scripts/build-assets.mjs'], { cwd: root, stdio: 'ignore' });
  }
  const { databaseUrl, redisUrl } = services();
  const dir = mkdtempSync(join(tmpdir(), 'ajil-scale-'));
  const cert = makeTestCertificate(dir);
  const database = await freshSchema(databaseUrl);
  const port = await freePort();
  const url = `https://127.0.0.1:${String(port)}`;
  const env = {
    ...database.env,
    REDIS_URL: redisUrl,
    PUBLIC_URL: url,
    TRUST_PROXY: '1',
    WORKERS: '1',
    MEDIA_DIR: join(dir, 'media'),
    // Every reader here comes from one loopback address.
    STREAMS_PER_ADDRESS: '1000000',
    // Changes refresh nginx's copies through its local refresh location, as in production.
    CACHE_PURGE: 'nginx',
    CACHE_PURGE_URL: url,
    NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
    ...options.env,
  };
  const nodes: ServerProcess[] = [];
  const post: FrontDoor['post'] = (base, path, body) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${database.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let nginx: NginxProcess | undefined;
  const close = async () => {
    await nginx?.stop();
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    nodes.push(
      ...(await Promise.all(Array.from({ length: options.nodes }, () => startServer(env)))),
    );
    await options.seed?.({ nodes, post });
    nginx = await startNginx({
      dir,
      upstreams: nodes.map((node) => node.url),
      httpsPort: port,
      mediaDir: env.MEDIA_DIR,
      ...(options.workerConnections !== undefined && {
        workerConnections: options.workerConnections,
      }),
      ...(options.accessLogFormat !== undefined && { accessLogFormat: options.accessLogFormat }),
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url,
    cert,
    dir,
    nodes,
    nginx,
    token: database.token,
    post,
    close,
  };
}
