// bench/scale, readers: 100,000 readers of one live page receiving 20 updates from Ajil (as
// many workers as the 20,000-files-per-process limit requires) and, in the same run, 100,000
// more receiving the same event bytes from a raw Node SSE broadcast (bench/sse-floor-server)
// with the same worker count. Both sets of readers are connected at once and the two servers'
// updates are published in turn, so that whatever else this shared machine is doing weighs on
// both alike; each update reaches every reader before the next is published, so each figure is
// one fan-out, not a queue of them. The figure is the ratio of the two p99s: the reader
// processes compete with the servers for the cores, and the floor suffers the same.
// Check mode (CI): 2,000 readers and 5 updates, correctness only.
import {
  measureTogether,
  MARK,
  markOf,
  startAjil,
  startProcess,
  stopProcess,
  waitFor,
  workersFor,
  type Result,
  type Target,
} from './fanout-harness.js';
import { freePort } from '../test/server-process.js';
import { ms, ratio, type ScaleMode, type ScaleResult } from './scale-common.js';

const FULL = { readers: 100_000, updates: 20, settleMs: 60_000 };
const CHECK = { readers: 2_000, updates: 5, settleMs: 20_000 };
/** The pause after every reader has an update, before the next target's. */
const GAP_MS = 200;
const TARGET_RATIO = 1.3;

async function startFloor(n: number, sample: string): Promise<Target> {
  const [port, controlPort] = [await freePort(), await freePort()];
  const workers = workersFor(n);
  const started = startProcess(['bench/sse-floor-server.ts'], {
    PORT: String(port),
    CONTROL_PORT: String(controlPort),
    WORKERS: String(workers),
  });
  await waitFor(started, 'floor listening');
  // Ajil's own event text with a fresh mark: the same bytes, give or take a digit of the time.
  const mark = new RegExp(`${MARK}:\\d+:\\d+(?:\\.\\d+)?`);
  return {
    name: 'raw sse',
    port,
    path: '/events',
    mode: 'sse',
    server: started.child,
    workers,
    async publish(index) {
      const data = sample.replace(mark, markOf(index));
      const res = await fetch(`http://127.0.0.1:${String(controlPort)}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'update.published', data }),
      });
      if (res.status !== 201) throw new Error(`floor publish failed: ${res.status}`);
      await res.arrayBuffer();
    },
    stop: () => stopProcess(started.child),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function line(r: Result): string {
  return (
    `${r.name.padEnd(7)} ${r.connected.toLocaleString('en')} readers (${String(r.workers)} workers)` +
    `  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  ${kib(r.bytesPerReader)}/reader` +
    `  ${r.delivered.toLocaleString('en')} delivered, ${String(r.missing)} missing, ${String(r.duplicated)} duplicated` +
    (r.drops > 0 ? `, ${String(r.drops)} streams cut and resumed` : '') +
    (r.failed > 0 ? `, ${String(r.failed)} could not connect` : '') +
    `  (settled ${(r.settleMs / 1000).toFixed(1)} s after the last publish)`
  );
}

function faultsOf(r: Result): string[] {
  const faults: string[] = [];
  if (r.failed > 0) faults.push(`${r.name}: ${String(r.failed)} readers could not connect`);
  if (r.missing > 0) faults.push(`${r.name}: ${String(r.missing)} deliveries missing`);
  if (r.duplicated > 0) faults.push(`${r.name}: ${String(r.duplicated)} deliveries duplicated`);
  if (r.publishFailures > 0)
    faults.push(`${r.name}: ${String(r.publishFailures)} publishes failed`);
  return faults;
}

export async function scenario(mode: ScaleMode): Promise<ScaleResult> {
  const size = mode.check ? CHECK : FULL;
  const n = size.readers;
  const options = {
    updates: size.updates,
    gapMs: GAP_MS,
    settleMs: size.settleMs,
    clientBase: 10,
    drainEach: true,
  };
  const ajil = await startAjil(n, await freePort());
  let floor: Target | undefined;
  let results: Result[];
  try {
    // One update first, so that the floor can send the very bytes Ajil sends.
    await ajil.publish(options.updates + 20);
    const sample = (await ajil.pageEvents()).at(-1);
    if (sample === undefined) throw new Error('Ajil sent no event to copy');
    floor = await startFloor(n, sample);
    results = await measureTogether([ajil, floor], n, options);
  } finally {
    await ajil.stop();
    await floor?.stop();
  }
  const [ours, raw] = results as [Result, Result];
  const lines = [
    `${String(size.updates)} updates each, published in turn, each reaching every reader before the next; readers on both at once`,
    line(ours),
    line(raw),
    ...[ours, raw].map(
      (r) =>
        `${r.name.padEnd(7)} slowest delivery per update: ${r.slowest.map((v) => v.toFixed(0)).join(' ')} ms`,
    ),
  ];
  const failures = [...faultsOf(ours), ...faultsOf(raw).map((fault) => `floor: ${fault}`)];
  const p99Ratio = ours.p99 / raw.p99;
  lines.push(
    `p99 ratio ajil / raw sse = ${ratio(p99Ratio)} (wanted ≤ ${ratio(TARGET_RATIO)})` +
      (mode.check ? ', not judged in a check run' : ''),
  );
  if (!mode.check && !(p99Ratio <= TARGET_RATIO)) {
    failures.push(`p99 ratio ${ratio(p99Ratio)} above ${ratio(TARGET_RATIO)}`);
  }
  return { lines, failures };
}
