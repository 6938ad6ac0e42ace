// What bench/fanout and bench/scale's readers scenario share: starting a server as it runs in
// production, holding N readers on real sockets in separate load processes, publishing marked
// updates and collecting when each reader saw each one (waiting until every delivery has
// arrived or a settle deadline has passed, so a slow tail is not counted as missing).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/platform/platform.config.js';
import { migrateToLatest, openDatabase } from '../src/storage/storage.database.js';
import { createTokenService } from '../src/access/access.tokens.js';
import { systemClock } from '../src/platform/platform.clock.js';
import { stopChild } from '../test/server-process.js';
import type { Progress, ReaderCommand, ReaderMode, Report } from './fanout-readers.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** Each load process stays well under the 20,000 open files allowed per process here. */
export const READERS_PER_CLIENT = 5_000;
/** Each server process likewise (its sockets, plus the database and the rest). */
export const READERS_PER_WORKER = 15_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.timeOrigin + performance.now();

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The resident memory of a process and all its children (a cluster primary and its workers). */
export function treeRss(pid: number): number {
  let total = rssOf(pid);
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${String(pid)}/task/${String(pid)}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    children = [];
  }
  for (const child of children) total += treeRss(Number(child));
  return total;
}

export interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
}

export function startProcess(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function waitFor({ child, output }: Started, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${output()}`);
    await sleep(50);
  }
}

/** Stops a benchmark process at once (nothing of it is kept). */
export const stopProcess = (child: ChildProcess): Promise<void> => stopChild(child, 'SIGKILL');

/** An editor's API token in a fresh database at `env`'s DATABASE_URL, migrated first. */
export async function benchToken(env: Record<string, string>): Promise<string> {
  const handle = openDatabase(loadConfig(env));
  await migrateToLatest(handle);
  const { token } = await createTokenService({ db: handle.db, clock: systemClock }).create(
    'bench',
    'editor',
  );
  await handle.close();
  return token;
}

/** A server under test: where its readers connect and how an update is published to it. */
export interface Target {
  readonly name: string;
  readonly port: number;
  readonly path: string;
  readonly mode: ReaderMode;
  readonly server: ChildProcess;
  readonly workers: number;
  /** Publishes update `index`; its text carries <MARK>:<index>:<time sent>. */
  publish(index: number): Promise<void>;
  stop(): Promise<void>;
}

export const workersFor = (readers: number) => Math.max(2, Math.ceil(readers / READERS_PER_WORKER));

/**
 * The word before <index>:<time sent> in a benchmark update. Arabic, so that the renderer's
 * isolation of Latin runs (<bdi>) leaves the mark in one piece.
 */
export const MARK = 'علامة';
export const markOf = (index: number) => `${MARK}:${String(index)}:${String(now())}`;
export const benchText = (index: number) =>
  `نص تحديث للقياس يشبه طول التحديثات الحقيقية في صفحة التغطية. ${markOf(index)}`;

/** Ajil as in production: WORKERS processes sharing the port, SQLite, one live page. */
export async function startAjil(
  n: number,
  port: number,
): Promise<Target & { pageEvents(): Promise<string[]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-bench-'));
  const workers = workersFor(n);
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    STREAMS_PER_ADDRESS: '1000000',
    WORKERS: String(workers),
  };
  const token = await benchToken(env);
  const started = startProcess(['src/server.ts'], env);
  await waitFor(started, 'Ajil is serving');
  const origin = `http://127.0.0.1:${String(port)}`;
  const base = `${origin}/api/v1`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/liveblogs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ slug: 'bench', headline: 'قياس التوزيع', timeZone: 'Asia/Muscat' }),
  });
  if (created.status !== 201) throw new Error(`could not create the page: ${created.status}`);
  return {
    name: 'ajil',
    port,
    path: '/live/bench/events',
    mode: 'sse',
    server: started.child,
    workers,
    async publish(index) {
      const res = await fetch(`${base}/liveblogs/bench/updates`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          headline: `تحديث القياس ${String(index)}`,
          text: benchText(index),
          sources: [{ name: 'رويترز', kind: 'wire' }],
        }),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status}`);
      await res.arrayBuffer();
    },
    /** The `data:` text of each update.published event of the page, as its readers got it. */
    async pageEvents() {
      const res = await fetch(`${origin}/live/bench/updates.json?after=0`);
      const body = (await res.json()) as { events: { type: string; data: unknown }[] };
      return body.events
        .filter((event) => event.type === 'update.published')
        .map((event) => JSON.stringify(event.data));
    },
    async stop() {
      await stopProcess(started.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Result {
  readonly name: string;
  readonly n: number;
  readonly connected: number;
  readonly failed: number;
  readonly delivered: number;
  readonly missing: number;
  readonly duplicated: number;
  /** Streams the server cut after they were open (each resumed from its last id). */
  readonly drops: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly bytesPerReader: number;
  readonly workers: number;
  readonly publishFailures: number;
  /** From the last publish until every delivery had arrived (or the deadline passed). */
  readonly settleMs: number;
  /** Per update, in publish order: its slowest delivery (ms). */
  readonly slowest: readonly number[];
}

/** How long the untracked warm-up updates are given to reach everyone, in a drained run. */
const WARM_UP_END_MS = 8_000;

export interface MeasureOptions {
  readonly updates: number;
  readonly gapMs: number;
  /** The longest wait after the last publish for deliveries still on their way. */
  readonly settleMs: number;
  /** The third byte of the load processes' 127.0.x.y addresses starts here. */
  readonly clientBase: number;
  /**
   * Wait (up to settleMs) until every reader has each update before the next is published, so
   * each figure is one fan-out and not a queue of them (and targets measured in turn never
   * overlap). gapMs is then the pause after the wait.
   */
  readonly drainEach?: boolean;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function ask<T extends Progress | Report>(child: ChildProcess, command: ReaderCommand): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (message: T) => {
      resolve(message);
    });
    child.send(command);
  });
}

async function openReaders(target: Target, n: number, options: MeasureOptions) {
  const clientCount = Math.ceil(n / READERS_PER_CLIENT);
  const clients: ChildProcess[] = [];
  const opened: Promise<Progress>[] = [];
  for (let c = 0; c < clientCount; c++) {
    const count = Math.floor(n / clientCount) + (c < n % clientCount ? 1 : 0);
    const child = fork(join(root, 'bench/fanout-readers.ts'), [], {
      execArgv: ['--import', 'tsx'],
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    clients.push(child);
    const third = String(options.clientBase + c);
    opened.push(
      ask<Progress>(child, {
        kind: 'start',
        mode: target.mode,
        port: target.port,
        path: target.path,
        count,
        sourceAddresses: Array.from({ length: 4 }, (_, i) => `127.0.${third}.${String(i + 1)}`),
        updates: options.updates,
        mark: MARK,
      }),
    );
  }
  const reports = await Promise.all(opened);
  return {
    clients,
    connected: reports.reduce((sum, r) => sum + r.connected, 0),
    failed: reports.reduce((sum, r) => sum + r.failed, 0),
  };
}

/**
 * Waits until no connected reader is missing an update (of the first `upTo`, when given), or the
 * deadline passes.
 */
async function settle(
  clients: readonly ChildProcess[],
  deadlineMs: number,
  upTo?: number,
  pollMs = 250,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const progress = await Promise.all(
      clients.map((child) =>
        ask<Progress>(
          child,
          upTo === undefined ? { kind: 'progress' } : { kind: 'progress', upTo },
        ),
      ),
    );
    const missing = progress.reduce((sum, p) => sum + p.missing, 0);
    const elapsed = performance.now() - started;
    if (missing === 0 || elapsed > deadlineMs) return elapsed;
    await sleep(pollMs);
  }
}

interface Opened {
  readonly target: Target;
  readonly clients: ChildProcess[];
  readonly connected: number;
  readonly failed: number;
  readonly bytesPerReader: number;
  publishFailures: number;
}

async function open(target: Target, n: number, options: MeasureOptions): Promise<Opened> {
  await sleep(1500);
  const baseline = treeRss(target.server.pid ?? 0);
  const { clients, connected, failed } = await openReaders(target, n, options);
  await sleep(3000);
  const loaded = treeRss(target.server.pid ?? 0);
  const bytesPerReader = connected > 0 ? (loaded - baseline) / connected : Number.NaN;
  return { target, clients, connected, failed, bytesPerReader, publishFailures: 0 };
}

async function publish(opened: Opened, index: number): Promise<void> {
  try {
    await opened.target.publish(index);
  } catch (error) {
    opened.publishFailures++;
    process.stderr.write(
      `${opened.target.name}: publish ${String(index)} failed: ${String(error)}\n`,
    );
  }
}

async function collect(opened: Opened, n: number, settleMs: number): Promise<Result> {
  const samples: number[] = [];
  const slowest: number[] = [];
  let missing = 0;
  let duplicated = 0;
  let drops = 0;
  for (const child of opened.clients) {
    const report = await ask<Report>(child, { kind: 'report' });
    for (const latency of report.latencies) samples.push(latency);
    report.slowest.forEach((value, i) => (slowest[i] = Math.max(slowest[i] ?? 0, value)));
    missing += report.missing;
    duplicated += report.duplicated;
    drops += report.drops;
    child.send({ kind: 'stop' } satisfies ReaderCommand);
  }
  const sorted = Float64Array.from(samples).sort();
  return {
    name: opened.target.name,
    n,
    connected: opened.connected,
    failed: opened.failed,
    delivered: samples.length,
    missing,
    duplicated,
    drops,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    bytesPerReader: opened.bytesPerReader,
    workers: opened.target.workers,
    publishFailures: opened.publishFailures,
    settleMs,
    slowest,
  };
}

/**
 * N readers on each target at once, and the targets' updates published in turn (one to each,
 * gapMs apart), so that on a shared machine every target meets the same conditions.
 */
export async function measureTogether(
  targets: readonly Target[],
  n: number,
  options: MeasureOptions,
): Promise<Result[]> {
  const opened: Opened[] = [];
  for (const [t, target] of targets.entries()) {
    const clientBase = options.clientBase + t * (Math.ceil(n / READERS_PER_CLIENT) + 1);
    opened.push(await open(target, n, { ...options, clientBase }));
  }
  // Two warm-up updates each (not recorded) so that no server is measured cold.
  for (let i = -2; i < options.updates; i++) {
    for (const each of opened) {
      await publish(each, i < 0 ? options.updates + 10 + i : i);
      if (options.drainEach === true && i >= 0)
        await settle(each.clients, options.settleMs, i + 1, 50);
      if (i < options.updates - 1 || each !== opened[opened.length - 1]) await sleep(options.gapMs);
    }
    // Warm-ups are not tracked: when each update is to be one fan-out, give them time to end.
    if (i === -1 && options.drainEach === true) await sleep(WARM_UP_END_MS);
  }
  const settled = await Promise.all(opened.map((each) => settle(each.clients, options.settleMs)));
  const results: Result[] = [];
  for (const [t, each] of opened.entries()) results.push(await collect(each, n, settled[t] ?? 0));
  return results;
}

export async function measure(target: Target, n: number, options: MeasureOptions): Promise<Result> {
  const [result] = await measureTogether([target], n, options);
  if (!result) throw new Error('no result');
  return result;
}
