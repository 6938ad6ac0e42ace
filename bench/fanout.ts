// bench/fanout: how fast a published update reaches N connected readers, and what each reader
// costs the server, for Ajil's SSE hub and, in the same run, a plain Socket.IO broadcast server.
//
//   npx tsx bench/fanout.ts                 # N = 1000, 10000, 50000
//   npx tsx bench/fanout.ts --n 10000       # one size
//
// Everything stays on loopback: the readers live in separate processes, spread over several
// 127.0.x.y source addresses; the server runs as it does in production (WORKERS processes).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/platform.config.js';
import { migrateToLatest, openDatabase } from '../src/storage/storage.database.js';
import { createTokenService } from '../src/access/access.tokens.js';
import { systemClock } from '../src/platform/platform.clock.js';
import { renderUpdateHtml } from '../src/update/update.view.js';
import { DEFAULT_DATE_STYLE } from '../src/lib/time.format.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const READERS_PER_CLIENT = 5_000; // each load process stays well under the 20,000 open files allowed here
const READERS_PER_WORKER = 15_000;
const UPDATES = 20;
const GAP_MS = 400;

const { values } = parseArgs({ options: { n: { type: 'string', multiple: true } } });
const sizes = (values.n ?? ['1000', '10000', '50000']).map(Number);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function treeRss(pid: number): number {
  let total = rssOf(pid);
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    children = [];
  }
  for (const child of children) total += treeRss(Number(child));
  return total;
}

async function waitFor(output: () => string, text: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${output()}`);
    await sleep(50);
  }
}

interface Target {
  readonly name: string;
  readonly port: number;
  readonly path: string;
  readonly mode: 'sse' | 'socketio';
  readonly server: ChildProcess;
  readonly workers: number;
  publish(index: number): Promise<void>;
  stop(): Promise<void>;
}

function startProcess(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
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

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGKILL');
  });
}

async function startAjil(n: number, port: number): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-bench-'));
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    STREAMS_PER_ADDRESS: '1000000',
    WORKERS: String(Math.max(2, Math.ceil(n / READERS_PER_WORKER))),
  };
  const handle = openDatabase(loadConfig(env));
  await migrateToLatest(handle);
  const { token } = await createTokenService({ db: handle.db, clock: systemClock }).create(
    'bench',
    'editor',
  );
  await handle.close();
  const { child, output } = startProcess(['src/server.ts'], env);
  await waitFor(output, 'Ajil is serving', child);
  const base = `http://127.0.0.1:${port}/api/v1`;
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
    server: child,
    workers: Number(env.WORKERS),
    async publish(index) {
      const res = await fetch(`${base}/liveblogs/bench/updates`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          headline: `تحديث القياس ${index}`,
          text: `نص تحديث للقياس يشبه طول التحديثات الحقيقية في صفحة التغطية. BENCH:${index}:${now()}`,
          sources: [{ name: 'رويترز', kind: 'wire' }],
        }),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status}`);
      await res.arrayBuffer();
    },
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startSocketIo(port: number): Promise<Target> {
  const { child, output } = startProcess(['bench/socketio-server.ts'], { PORT: String(port) });
  await waitFor(output, 'listening', child);
  // The same payload size as Ajil's event: the rendered update, as JSON.
  const sample = (index: number) =>
    JSON.stringify({
      id: index,
      html: renderUpdateHtml(
        {
          id: index,
          liveblogId: 1,
          headline: `تحديث القياس ${index}`,
          blocks: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: `نص تحديث للقياس يشبه طول التحديثات الحقيقية في صفحة التغطية. BENCH:${index}:${now()}`,
                },
              ],
            },
          ],
          sources: [{ name: 'رويترز', kind: 'wire' }],
          keyEvent: false,
          pinned: false,
          breaking: false,
          authorName: 'bench',
          status: 'published',
          publishedAt: new Date(),
          editedAt: null,
          deletedAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
          revision: 1,
          authorUserId: null,
          submittedAt: null,
          returnNote: null,
          scheduledAt: null,
          verification: null,
          verificationAt: null,
          verificationNote: null,
          corrections: [],
        },
        {
          slug: 'bench',
          locale: 'ar',
          timeZone: 'Asia/Muscat',
          now: new Date(),
          publicUrl: 'http://127.0.0.1:3511',
          dateStyle: DEFAULT_DATE_STYLE,
        },
      ),
    });
  return {
    name: 'socket.io',
    port,
    path: '/',
    mode: 'socketio',
    server: child,
    workers: 1,
    async publish(index) {
      const res = await fetch(`http://127.0.0.1:${port}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: sample(index) }),
      });
      await res.arrayBuffer();
    },
    stop: () => stopProcess(child),
  };
}

interface Result {
  readonly name: string;
  readonly n: number;
  readonly connected: number;
  readonly failed: number;
  readonly delivered: number;
  readonly missing: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly bytesPerReader: number;
  readonly workers: number;
  readonly publishFailures: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(target: Target, n: number, clientBase: number): Promise<Result> {
  await sleep(1500);
  const baseline = treeRss(target.server.pid ?? 0);
  const clientCount = Math.ceil(n / READERS_PER_CLIENT);
  const clients: ChildProcess[] = [];
  const connectedReports: Promise<{ connected: number; failed: number }>[] = [];
  for (let c = 0; c < clientCount; c++) {
    const count = Math.floor(n / clientCount) + (c < n % clientCount ? 1 : 0);
    const child = fork(join(root, 'bench/fanout-readers.ts'), [], {
      execArgv: ['--import', 'tsx'],
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    clients.push(child);
    connectedReports.push(
      new Promise((resolve) => {
        child.on('message', (message: { kind: string; connected: number; failed: number }) => {
          if (message.kind === 'connected') resolve(message);
        });
      }),
    );
    const sourceAddresses = Array.from({ length: 4 }, (_, i) => `127.0.${clientBase + c}.${i + 1}`);
    child.send({
      kind: 'start',
      mode: target.mode,
      port: target.port,
      path: target.path,
      count,
      sourceAddresses,
      updates: UPDATES,
    });
  }
  const reports = await Promise.all(connectedReports);
  const connected = reports.reduce((sum, r) => sum + r.connected, 0);
  const failed = reports.reduce((sum, r) => sum + r.failed, 0);
  await sleep(3000);
  const loaded = treeRss(target.server.pid ?? 0);

  // Two warm-up updates (not recorded) so that neither server is measured cold.
  let publishFailures = 0;
  for (let i = -2; i < UPDATES; i++) {
    try {
      await target.publish(i < 0 ? UPDATES + 10 + i : i);
    } catch (error) {
      publishFailures++;
      process.stderr.write(`${target.name}: publish ${i} failed: ${String(error)}\n`);
    }
    await sleep(GAP_MS);
  }
  await sleep(3000);
  const samples: number[] = [];
  let missing = 0;
  for (const child of clients) {
    const report = await new Promise<(number | null)[][]>((resolve) => {
      child.once('message', (message: { kind: string; latencies: (number | null)[][] }) => {
        resolve(message.latencies);
      });
      child.send({ kind: 'report' });
    });
    for (const row of report) {
      for (const value of row) {
        // NaN (never received) crosses the IPC channel as null.
        if (value === null || Number.isNaN(value)) missing++;
        else samples.push(value);
      }
    }
    child.send({ kind: 'stop' });
  }
  // Readers that never connected have no row: count only connected readers' misses.
  missing -= failed * UPDATES;
  const sorted = Float64Array.from(samples).sort();
  return {
    name: target.name,
    n,
    connected,
    failed,
    delivered: samples.length,
    missing: Math.max(0, missing),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    bytesPerReader: connected > 0 ? (loaded - baseline) / connected : Number.NaN,
    workers: target.workers,
    publishFailures,
  };
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const kib = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : 'n/a';

function line(r: Result): string {
  return (
    `${r.name.padEnd(9)} readers ${r.connected}/${r.n}` +
    `  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  max ${fmt(r.max)}` +
    `  memory ${kib(r.bytesPerReader)}/reader  (${r.workers} process${r.workers > 1 ? 'es' : ''}, ${r.delivered} deliveries, ${r.missing} missing` +
    `${r.publishFailures > 0 ? `, ${r.publishFailures} publishes failed` : ''})`
  );
}

const results: { n: number; ajil: Result; peer: Result; ratio: number }[] = [];
process.stdout.write(
  `bench/fanout on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${UPDATES} updates ${GAP_MS} ms apart\n`,
);
let base = 10;
for (const n of sizes) {
  const ajil = await startAjil(n, 3510);
  let ajilResult: Result;
  try {
    ajilResult = await measure(ajil, n, base);
  } finally {
    await ajil.stop();
  }
  base += Math.ceil(n / READERS_PER_CLIENT) + 1;
  await sleep(2000);
  const peer = await startSocketIo(3511);
  let peerResult: Result;
  try {
    peerResult = await measure(peer, n, base);
  } finally {
    await peer.stop();
  }
  base += Math.ceil(n / READERS_PER_CLIENT) + 1;
  const ratio = ajilResult.p99 / peerResult.p99;
  results.push({ n, ajil: ajilResult, peer: peerResult, ratio });
  process.stdout.write(
    `N=${n}\n  ${line(ajilResult)}\n  ${line(peerResult)}\n  p99 ratio ajil/socket.io = ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}\n`,
  );
  await sleep(2000);
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/fanout.json'), JSON.stringify(results, null, 2));
process.exit(0);
