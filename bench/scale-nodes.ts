// bench/scale nodes: three nodes on PostgreSQL + Redis behind nginx. Readers connect through
// nginx (which spreads them over the nodes); updates are published on the nodes in turn; one
// node is killed with -9 halfway. Its readers reconnect through nginx to the others with the
// last id they hold, and every reader must end with each committed update exactly once.
import { Agent } from 'node:https';
import { loadavg } from 'node:os';
import { SseReader } from '../test/sse-client.js';
import { startFrontDoor, type FrontDoor } from './scale-front.js';
import { ms, percentile, type ScaleResult, type Scenario } from './scale-common.js';

const SLUG = 'scale-nodes';
/** How long a reader waits before reconnecting (jittered ×0.5–1.5), as a browser's retry. */
const RETRY_MS = 250;

interface Watched {
  readonly reader: SseReader;
  /** From the kill to this reader's first event on its new connection. */
  recoveredAfter?: number;
}

/** What the publisher and the readers share: when the node was killed. */
interface Run {
  killedAt?: number;
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Opens readers through nginx in batches, each batch waiting for its first event. */
async function connectReaders(front: FrontDoor, count: number, run: Run): Promise<Watched[]> {
  const watched: Watched[] = [];
  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, () => {
      const entry: { reader?: SseReader; recoveredAfter?: number } = {};
      const reader = new SseReader({
        url: `${front.url}/live/${SLUG}/events`,
        ca: front.cert,
        // A browser keeps its TLS session and resumes it when it reconnects: so does each reader.
        agent: new Agent({ keepAlive: false, maxCachedSessions: 1 }),
        retryMs: RETRY_MS,
        onEvent: () => {
          if (run.killedAt === undefined || entry.recoveredAfter !== undefined) return;
          if (reader.connects >= 2) entry.recoveredAfter = performance.now() - run.killedAt;
        },
      });
      entry.reader = reader;
      return { entry, reader };
    });
    await Promise.all(
      batch.map(({ reader }) => reader.until(() => reader.events.length > 0, 30_000)),
    );
    watched.push(...batch.map(({ entry }) => entry as Watched));
  }
  return watched;
}

/** Publishes on the living nodes in turn and kills `victim` halfway; returns the acknowledged. */
async function publishAndKill(
  front: FrontDoor,
  size: { updates: number; pause: number },
  victim: number,
  run: Run,
): Promise<Set<number>> {
  const acknowledged = new Set<number>();
  let turn = 0;
  for (let i = 0; i < size.updates; i++) {
    if (i === Math.floor(size.updates / 2)) {
      run.killedAt = performance.now();
      void front.nodes[victim]?.kill('SIGKILL');
    }
    const alive = front.nodes.filter((_, n) => run.killedAt === undefined || n !== victim);
    const node = alive[turn++ % alive.length];
    if (!node) throw new Error('no node left');
    // A publish on a node that dies under it may fail; the database says what committed.
    try {
      const res = await front.post(node.url, `/liveblogs/${SLUG}/updates`, {
        text: `تحديث من العقدة ${String(i)}`,
      });
      if (res.status === 201) acknowledged.add(((await res.json()) as { id: number }).id);
      else await res.body?.cancel();
    } catch {
      // Not acknowledged: the node died under this request.
    }
    await sleep(size.pause);
  }
  return acknowledged;
}

async function committedIds(base: string): Promise<Set<number>> {
  const res = await fetch(`${base}/api/v1/liveblogs/${SLUG}/updates?limit=100`);
  const { updates } = (await res.json()) as { updates: { id: number }[] };
  return new Set(updates.map((update) => update.id));
}

function publishedIds(reader: SseReader): number[] {
  return reader
    .numbered()
    .filter((event) => event.type === 'update.published')
    .map((event) => (JSON.parse(event.data) as { id: number }).id);
}

/** Waits (up to 30 s) for every reader to hold as many updates as committed. */
async function settle(watched: readonly Watched[], committed: number): Promise<void> {
  await Promise.all(
    watched.map(({ reader }) =>
      reader.until(() => publishedIds(reader).length >= committed, 30_000).catch(() => undefined),
    ),
  );
}

function tally(watched: readonly Watched[], committed: ReadonlySet<number>) {
  let missed = 0;
  let duplicated = 0;
  let strangers = 0;
  for (const { reader } of watched) {
    const ids = publishedIds(reader);
    const unique = new Set(ids);
    duplicated += ids.length - unique.size;
    for (const id of committed) if (!unique.has(id)) missed++;
    for (const id of unique) if (!committed.has(id)) strangers++;
  }
  const moved = watched.filter(({ reader }) => reader.connects >= 2);
  const recovery = moved
    .map(({ recoveredAfter }) => recoveredAfter ?? Number.POSITIVE_INFINITY)
    .sort((a, b) => a - b);
  return { missed, duplicated, strangers, moved: moved.length, recovery };
}

export const scenario: Scenario = async (mode): Promise<ScaleResult> => {
  const size = mode.check
    ? { readers: 150, updates: 20, pause: 40 }
    : { readers: 3000, updates: 60, pause: 100 };
  const front = await startFrontDoor({ nodes: 3, workerConnections: 8192 });
  let watched: Watched[] = [];
  try {
    const [first, victim, last] = front.nodes;
    if (!first || !victim || !last) throw new Error('three nodes did not start');
    const made = await front.post(first.url, '/liveblogs', {
      slug: SLUG,
      headline: 'ثلاث عقد خلف الباب الأمامي',
    });
    if (made.status !== 201) throw new Error(`could not create the page: ${String(made.status)}`);
    const run: Run = {};
    watched = await connectReaders(front, size.readers, run);
    const acknowledged = await publishAndKill(front, size, 1, run);
    const committed = await committedIds(last.url);
    await settle(watched, committed.size);
    const result = tally(watched, committed);
    const { recovery } = result;
    const failures: string[] = [];
    if (result.missed > 0) failures.push(`${String(result.missed)} events missed`);
    if (result.duplicated > 0) failures.push(`${String(result.duplicated)} events duplicated`);
    if (result.strangers > 0) failures.push(`${String(result.strangers)} events never committed`);
    if (result.moved === 0) failures.push('no reader was on the killed node');
    if (recovery.some((after) => !Number.isFinite(after)))
      failures.push('a reader of the killed node did not recover');
    if ([...acknowledged].some((id) => !committed.has(id)))
      failures.push('an acknowledged update did not commit');
    const lines = [
      `3 nodes (PostgreSQL + Redis) behind nginx, ${String(size.readers)} readers through it, ` +
        `${String(committed.size)} updates published round-robin (${String(acknowledged.size)} acknowledged); ` +
        `node 2 killed -9 after ${String(Math.floor(size.updates / 2))}`,
      `node kill with ${String(result.missed)} missed and ${String(result.duplicated)} duplicated events: ` +
        `${String(result.moved)} readers reconnected through nginx with their last event id, time to recover (kill → first event on the new stream) p50 ${ms(percentile(recovery, 50))}, ` +
        `p99 ${ms(percentile(recovery, 99))}, max ${ms(recovery.at(-1) ?? Number.NaN)} ` +
        `(retry ${String(RETRY_MS)} ms ×0.5–1.5; load average ${loadavg()[0]?.toFixed(1) ?? '?'})`,
    ];
    return { lines, failures };
  } finally {
    for (const { reader } of watched) reader.close();
    await front.close();
  }
};
