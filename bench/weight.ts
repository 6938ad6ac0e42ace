// bench/weight: how many bytes a reader's phone pulls over the wire on a cold load.
//
//   npx tsx bench/weight.ts
//
// The app is built in this process on a temporary SQLite file with the Arabic demo seeded and
// listens on a free port (assets are built first when public/build is missing). Debian's
// chromium then opens the demo's live page, the front page and the widget, each in a fresh
// context (cold cache) with a 360×800 phone viewport; the browser sends its own Accept-Encoding,
// so compression is measured as readers get it. Bytes are what Chromium reports as transferred
// (headers and compressed body, CDP encodedDataLength), summed per kind of resource. The run
// ends with the targets of issue 14: the live page ≤ 60 KB in all and ≤ 15 KB of JavaScript.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { seedDemo } from '../src/demo/demo.seed.js';
import { systemClock } from '../src/platform/platform.clock.js';
import { loadConfig } from '../src/platform/platform.config.js';
import { createMemoryBus } from '../src/realtime/realtime.bus.js';
import { launchBrowser } from '../test/browser/browser.js';

const KINDS = ['html', 'js', 'css', 'font', 'image', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Weight = Record<Kind | 'total', number>;

const TARGETS = { liveTotalKB: 60, liveJsKB: 15 };
/** After the load event, time for late requests (fonts, lazy images, the live stream). */
const SETTLE_MS = 1500;
const PHONE = {
  viewport: { width: 360, height: 800 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/130.0.0.0 Mobile Safari/537.36',
};

/** By Chromium's resource type, so a 404 page for the favicon counts as other, not as HTML. */
const KIND_OF_TYPE: Record<string, Kind> = {
  Document: 'html',
  Script: 'js',
  Stylesheet: 'css',
  Font: 'font',
  Image: 'image',
};

interface Seen {
  kind: Kind;
  bytes: number;
}

/** Opens one URL in a fresh phone context and sums the bytes transferred per kind. */
async function weigh(browser: Browser, url: string): Promise<Weight> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const seen = new Map<string, Seen>();
  cdp.on('Network.responseReceived', (event) => {
    const kind = KIND_OF_TYPE[event.type] ?? 'other';
    seen.set(event.requestId, { kind, bytes: seen.get(event.requestId)?.bytes ?? 0 });
  });
  // A response still streaming at the end (the live event stream) counts what has arrived so far;
  // a finished one counts its full transfer, headers included.
  cdp.on('Network.dataReceived', (event) => {
    const entry = seen.get(event.requestId);
    if (entry) entry.bytes += event.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = seen.get(event.requestId);
    if (entry) entry.bytes = event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${String(response?.status())}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(SETTLE_MS);
  await context.close();

  const weight: Weight = { html: 0, js: 0, css: 0, font: 0, image: 0, other: 0, total: 0 };
  for (const { kind, bytes } of seen.values()) {
    weight[kind] += bytes;
    weight.total += bytes;
  }
  return weight;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printTable(rows: [string, Weight][]): void {
  const columns = ['total', ...KINDS] as const;
  const header = ['page'.padEnd(12), ...columns.map((c) => c.padStart(8))].join('');
  process.stdout.write(`\nKB transferred, cold cache, 360×800 phone\n${header}\n`);
  for (const [name, weight] of rows) {
    const cells = columns.map((c) => kb(weight[c]).padStart(8));
    process.stdout.write(`${name.padEnd(12)}${cells.join('')}\n`);
  }
}

function verdict(label: string, measuredBytes: number, targetKB: number): void {
  const ratio = measuredBytes / 1024 / targetKB;
  const met = ratio <= 1 ? 'met' : 'not met';
  process.stdout.write(
    `${label} ≤ ${String(targetKB)} KB: ${met} (${kb(measuredBytes)} KB, ${ratio.toFixed(2)}× the target)\n`,
  );
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(join(root, 'public/build/manifest.json'))) {
    process.stdout.write('Building the browser assets…\n');
    const built = spawnSync(process.execPath, ['scripts/build-assets.mjs'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('building the assets failed');
  }

  const dir = mkdtempSync(join(tmpdir(), 'ajil-weight-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
  });
  const app = await buildApp(config);
  let browser: Browser | undefined;
  try {
    const bus = createMemoryBus();
    const slug = await seedDemo({ db: app.database.db, bus, clock: systemClock });
    await bus.close();
    if (slug === undefined) throw new Error('the demo was not seeded');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;

    browser = await launchBrowser();
    const pages: [string, string][] = [
      ['live page', `/live/${slug}`],
      ['front page', '/'],
      ['widget', `/embed/${slug}`],
    ];
    const rows: [string, Weight][] = [];
    for (const [name, path] of pages) rows.push([name, await weigh(browser, base + path)]);

    printTable(rows);
    const live = rows[0]?.[1];
    if (live) {
      process.stdout.write('\nTargets (issue 14), live page:\n');
      verdict('total', live.total, TARGETS.liveTotalKB);
      verdict('JavaScript', live.js, TARGETS.liveJsKB);
    }
  } finally {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
