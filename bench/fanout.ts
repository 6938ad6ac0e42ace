// bench/fanout: how fast a published update reaches N connected readers, and what each reader
// costs the server, for Ajil's SSE hub and, in the same run, a plain Socket.IO broadcast server.
//
//   npx tsx bench/fanout.ts                 # N = 1000, 10000, 50000
//   npx tsx bench/fanout.ts --n 10000       # one size
//
// Everything stays on loopback: the readers live in separate processes, spread over several
// 127.0.x.y source addresses; the server runs as it does in production (WORKERS processes).
// The harness (servers, reader processes, waiting for the tail) is shared with bench/scale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderUpdateHtml } from '../src/update/update.view.js';
import { DEFAULT_DATE_STYLE } from '../src/lib/time.format.js';
import {
  READERS_PER_CLIENT,
  benchText,
  measure,
  root,
  sleep,
  startAjil,
  startProcess,
  stopProcess,
  waitFor,
  type Result,
  type Target,
} from './fanout-harness.js';
import { freePort } from '../test/server-process.js';

const UPDATES = 20;
const GAP_MS = 400;
const SETTLE_MS = 30_000;

const { values } = parseArgs({ options: { n: { type: 'string', multiple: true } } });
const sizes = (values.n ?? ['1000', '10000', '50000']).map(Number);

async function startSocketIo(port: number): Promise<Target> {
  const started = startProcess(['bench/socketio-server.ts'], { PORT: String(port) });
  await waitFor(started, 'listening');
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
                  text: benchText(index),
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
          publicUrl: `http://127.0.0.1:${String(port)}`,
          dateStyle: DEFAULT_DATE_STYLE,
        },
      ),
    });
  return {
    name: 'socket.io',
    port,
    path: '/',
    mode: 'socketio',
    server: started.child,
    workers: 1,
    async publish(index) {
      const res = await fetch(`http://127.0.0.1:${port}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: sample(index) }),
      });
      await res.arrayBuffer();
    },
    stop: () => stopProcess(started.child),
  };
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const kib = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : 'n/a';

function line(r: Result): string {
  return (
    `${r.name.padEnd(9)} readers ${r.connected}/${r.n}` +
    `  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  max ${fmt(r.max)}` +
    `  memory ${kib(r.bytesPerReader)}/reader  (${r.workers} process${r.workers > 1 ? 'es' : ''}, ${r.delivered} deliveries, ${r.missing} missing, ${r.duplicated} duplicated` +
    (r.drops > 0 ? `, ${r.drops} streams cut and resumed` : '') +
    `${r.publishFailures > 0 ? `, ${r.publishFailures} publishes failed` : ''})`
  );
}

const results: { n: number; ajil: Result; peer: Result; ratio: number }[] = [];
process.stdout.write(
  `bench/fanout on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${UPDATES} updates ${GAP_MS} ms apart\n`,
);
let clientBase = 10;
const options = () => ({ updates: UPDATES, gapMs: GAP_MS, settleMs: SETTLE_MS, clientBase });
for (const n of sizes) {
  const ajil = await startAjil(n, await freePort());
  let ajilResult: Result;
  try {
    ajilResult = await measure(ajil, n, options());
  } finally {
    await ajil.stop();
  }
  clientBase += Math.ceil(n / READERS_PER_CLIENT) + 1;
  await sleep(2000);
  const peer = await startSocketIo(await freePort());
  let peerResult: Result;
  try {
    peerResult = await measure(peer, n, options());
  } finally {
    await peer.stop();
  }
  clientBase += Math.ceil(n / READERS_PER_CLIENT) + 1;
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
