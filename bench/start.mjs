// How long `npm start` takes until the server answers: starts it with a fresh port (and the
// data folder given, or a temporary one), polls /healthz, prints the milliseconds and stops it.
// Run it twice: the first start may build; the second must not (issue: "under 3 s").
//   node bench/start.mjs [--data DIR] [--runs N]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string', default: '1' } },
});
const data = values.data ?? mkdtempSync(join(tmpdir(), 'ajil-start-'));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function once() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${join(data, 'ajil.db')}`,
      MEDIA_DIR: join(data, 'media'),
    },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no answer within 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const runs = Number(values.runs);
for (let i = 0; i < runs; i++) {
  console.log(`start ${i + 1}: answered after ${Math.round(await once())} ms`);
}
