// bench/scale cdn: a burst of page requests through nginx's cache in front of two nodes. The
// nodes' own request logs say what reached the origin: at most one request per page per cache
// lifetime (s-maxage). Then an update is published, and nginx's refresh (CACHE_PURGE=nginx) must
// make the next request get the new bytes from the cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startFrontDoor, type FrontDoor, type Seeding } from './scale-front.js';
import { ms, ratio, type ScaleResult, type Scenario } from './scale-common.js';

const SLUG = 'scale-cdn';
const PAGES = [
  `/live/${SLUG}`,
  `/live/${SLUG}?filter=key`,
  `/live/${SLUG}?sort=oldest`,
  `/live/${SLUG}?page=2`,
  `/live/${SLUG}/feed.atom`,
];

interface Size {
  /** The nodes' CACHE_S_MAXAGE: how long nginx keeps a page fresh. */
  readonly sMaxAge: number;
  /** How long the burst lasts (wrk), or how many requests it makes (the node client). */
  readonly seconds: number;
  readonly requests: number;
  readonly connections: number;
}

interface Reply {
  readonly status: number;
  readonly cache: string;
  readonly body: Buffer;
  /** As sent (gzip). */
  readonly raw: Buffer;
}

function get(front: FrontDoor, agent: Agent, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, front.url);
    request(url, { agent, ca: front.cert, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        resolve({
          status: res.statusCode ?? 0,
          cache: String(res.headers['x-cache-status']),
          body,
          raw,
        });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** The check run's burst: `requests` over `connections` keep-alive sockets, from this process. */
async function nodeBurst(front: FrontDoor, size: Size): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: size.connections });
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < size.requests) {
      const path = PAGES[next++ % PAGES.length] ?? '/';
      if ((await get(front, agent, path)).status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: size.connections }, worker));
  agent.destroy();
  return failed;
}

/** wrk over these paths in turn (gzip asked for); its requests per second. */
function wrk(front: FrontDoor, size: Size, paths: readonly string[], seconds: number): number {
  if (!existsSync('/usr/bin/wrk') && !existsSync('/usr/local/bin/wrk'))
    throw new Error('the full cdn run needs wrk installed (the check run does not)');
  const script = join(front.dir, 'burst.lua');
  writeFileSync(
    script,
    `local paths = { ${paths.map((path) => JSON.stringify(path)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept-Encoding"] = "gzip" })
end
`,
  );
  const out = execFileSync(
    'wrk',
    ['-t2', `-c${String(size.connections)}`, `-d${String(seconds)}s`, '-s', script, front.url],
    { encoding: 'utf8' },
  );
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
}

/** The page requests each node logged between two instants (epoch ms). */
function originRequests(front: FrontDoor, from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of front.nodes) {
    for (const line of node.output().split('\n')) {
      if (!line.includes('"incoming request"')) continue;
      const entry = JSON.parse(line) as { time: number; req?: { url?: string } };
      const url = entry.req?.url ?? '';
      if (entry.time < from || entry.time > to || !PAGES.includes(url)) continue;
      counts.set(url, (counts.get(url) ?? 0) + 1);
    }
  }
  return counts;
}

/** nginx's cache status for each logged page request between two instants (epoch ms). */
function cacheStatuses(front: FrontDoor, from: number, to: number) {
  let served = 0;
  let total = 0;
  let refreshes = 0;
  for (const line of front.nginx.accessLog().split('\n')) {
    const [time, status, uri] = line.split(' ');
    const at = Number(time) * 1000;
    if (!uri || at < from || at > to) continue;
    if (uri.startsWith('/_refresh/')) refreshes++;
    if (!PAGES.includes(uri)) continue;
    total++;
    if (status === 'HIT' || status === 'UPDATING' || status === 'STALE') served++;
  }
  return { served, total, refreshes };
}

async function seed(front: Seeding): Promise<void> {
  const base = front.nodes[0]?.url ?? '';
  const made = await front.post(base, '/liveblogs', {
    slug: SLUG,
    headline: 'صفحة أمام الذاكرة المؤقتة',
  });
  if (made.status !== 201) throw new Error(`could not create the page: ${String(made.status)}`);
  for (let i = 0; i < 30; i++) {
    const res = await front.post(base, `/liveblogs/${SLUG}/updates`, {
      text: `تحديث رقم ${String(i)} قبل الموجة`,
      ...(i % 5 === 0 && { keyEvent: true }),
    });
    if (res.status !== 201) throw new Error(`could not publish: ${String(res.status)}`);
    await res.body?.cancel();
  }
}

/** The refreshes of `path` nginx has logged since an instant (epoch ms). */
function refreshesOf(front: FrontDoor, path: string, since: number): number {
  return front.nginx
    .accessLog()
    .split('\n')
    .filter((line) => {
      const [time, , uri] = line.split(' ');
      return uri === `/_refresh${path}` && Number(time) * 1000 >= since;
    }).length;
}

/**
 * Publishes one update, waits (up to 10 s) for nginx to log the node's refreshes of the live
 * page (one per encoding it keeps), then asks once: the answer must come from the cache, new.
 */
async function freshAfterPublish(front: FrontDoor, base: string) {
  const text = `تحديث بعد الموجة ${String(Date.now())}`;
  const since = Date.now();
  const res = await front.post(base, `/liveblogs/${SLUG}/updates`, { text });
  if (res.status !== 201) throw new Error(`could not publish: ${String(res.status)}`);
  await res.body?.cancel();
  const page = PAGES[0] ?? '/';
  while (refreshesOf(front, page, since) < 3 && Date.now() - since < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const refreshed = Date.now() - since;
  const agent = new Agent({ keepAlive: false });
  try {
    const reply = await get(front, agent, page);
    return { refreshed, shows: reply.body.includes(text), cache: reply.cache };
  } finally {
    agent.destroy();
  }
}

/** The burst: the node client (check run) or wrk (full run); when it ran and how fast. */
async function burst(front: FrontDoor, size: Size, check: boolean) {
  const from = Date.now();
  const started = performance.now();
  const failed = check ? await nodeBurst(front, size) : 0;
  const wrkRate = check ? 0 : wrk(front, size, PAGES, size.seconds);
  const seconds = (performance.now() - started) / 1000;
  const to = Date.now();
  // Give nginx a moment to write the last lines of its log.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { from, to, seconds, failed, perSecond: check ? size.requests / seconds : wrkRate };
}

/**
 * The floor for the full run: the same nginx sending the live page's gzip bytes from a file
 * on disk (its photo location, under MEDIA_DIR), with wrk, for half the burst's time.
 */
async function staticFloor(front: FrontDoor, size: Size): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  const page = await get(front, agent, PAGES[0] ?? '/');
  agent.destroy();
  const name = `${'0'.repeat(20)}-1.jpg`;
  mkdirSync(join(front.dir, 'media'), { recursive: true });
  writeFileSync(join(front.dir, 'media', name), page.raw);
  return wrk(front, size, [`/media/${name}`], Math.max(5, size.seconds / 2));
}

function judge(
  origin: ReadonlyMap<string, number>,
  allowed: number,
  failed: number,
  refreshes: number,
  fresh: { shows: boolean; cache: string },
): string[] {
  const failures: string[] = [];
  if (failed > 0) failures.push(`${String(failed)} page requests failed`);
  for (const page of PAGES) {
    const count = origin.get(page) ?? 0;
    if (count > allowed)
      failures.push(
        `${page} reached the origin ${String(count)} times (at most ${String(allowed)})`,
      );
    if (count === 0) failures.push(`${page} never reached the origin (not logged?)`);
  }
  // A refresh in the window would be counted as the burst's: the count would not be honest.
  if (refreshes > 0) failures.push(`${String(refreshes)} refreshes during the burst`);
  if (!fresh.shows) failures.push('the request after the refresh did not show the update');
  if (fresh.cache !== 'HIT') failures.push(`the refreshed page came as ${fresh.cache}, not HIT`);
  return failures;
}

export const scenario: Scenario = async (mode): Promise<ScaleResult> => {
  const size: Size = mode.check
    ? { sMaxAge: 60, seconds: 0, requests: 1_000, connections: 50 }
    : { sMaxAge: 10, seconds: 20, requests: 0, connections: 200 };
  const front = await startFrontDoor({
    nodes: 2,
    env: { LOG_LEVEL: 'info', CACHE_S_MAXAGE: String(size.sMaxAge) },
    accessLogFormat: '$msec $upstream_cache_status $request_uri',
    seed,
  });
  try {
    const [first] = front.nodes;
    if (!first) throw new Error('no node started');
    const run = await burst(front, size, mode.check);
    const origin = originRequests(front, run.from, run.to);
    const { served, total, refreshes } = cacheStatuses(front, run.from, run.to);
    // Each copy is fresh for s-maxage from when it came: one fetch at the start, one per lifetime.
    const allowed = 1 + Math.floor(run.seconds / size.sMaxAge);
    const fresh = await freshAfterPublish(front, first.url);
    const failures = judge(origin, allowed, run.failed, refreshes, fresh);
    const lines = [
      `${String(total)} requests for ${String(PAGES.length)} pages through nginx's cache in ${run.seconds.toFixed(1)} s ` +
        `(${run.perSecond.toFixed(0)} req/s, ${mode.check ? 'node client' : 'wrk'}, ${String(size.connections)} connections, gzip), ` +
        `s-maxage ${String(size.sMaxAge)} s: origin saw at most ${String(Math.max(0, ...origin.values()))} per page ` +
        `(allowed ${String(allowed)}), ${String([...origin.values()].reduce((a, b) => a + b, 0))} in all; ` +
        `hit ratio ${((total > 0 ? served / total : Number.NaN) * 100).toFixed(3)}% (${String(total - served)} not from the cache)`,
      `a publish: nginx refreshed the live page ${ms(fresh.refreshed)} after it; the next request ` +
        `${fresh.shows ? 'showed the update' : 'did NOT show the update'} from the cache (${fresh.cache})`,
    ];
    if (!mode.check) {
      const floor = await staticFloor(front, size);
      lines.push(
        `nginx's cache ${run.perSecond.toFixed(0)} req/s against the same nginx sending the page's bytes ` +
          `from a file ${floor.toFixed(0)} req/s: ${ratio(run.perSecond / floor)}`,
      );
    }
    return { lines, failures };
  } finally {
    await front.close();
  }
};
