// bench/screenshots: what a reader sees, for the README. Draws the demo's live page on a phone
// (360×800) and a desktop (1280×800), light and dark, into docs/screenshots/*.png.
//
//   npx tsx bench/screenshots.ts
//
// Same setup as bench/weight.ts: the app on a temporary SQLite file with the Arabic demo seeded,
// Debian's chromium, a reader who has already made a cookie choice (so the banner is hidden).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { seedDemo } from '../src/demo/demo.seed.js';
import { systemClock } from '../src/platform/platform.clock.js';
import { loadConfig } from '../src/platform/platform.config.js';
import { createMemoryBus } from '../src/realtime/realtime.bus.js';
import { launchBrowser } from '../test/browser/browser.js';

const SHOTS: [string, BrowserContextOptions][] = [
  ['live-phone', { viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, isMobile: true }],
  ['live-desktop', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }],
  [
    'live-phone-dark',
    {
      viewport: { width: 360, height: 800 },
      deviceScaleFactor: 1,
      isMobile: true,
      colorScheme: 'dark',
    },
  ],
  ['live-desktop-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
];

async function main(): Promise<void> {
  const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ajil-shots-'));
  const app = await buildApp(
    loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`, LOG_LEVEL: 'warn' }),
  );
  let browser: Browser | undefined;
  try {
    const bus = createMemoryBus();
    const slug = await seedDemo({ db: app.database.db, bus, clock: systemClock });
    await bus.close();
    if (slug === undefined) throw new Error('the demo was not seeded');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
    browser = await launchBrowser();
    for (const [name, options] of SHOTS) {
      const context = await browser.newContext({ locale: 'ar', ...options });
      await context.addCookies([{ name: 'ajil_consent', value: 'v1.p0.a0.e0', url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/live/${slug}`);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      // The relative times are written by the live client; wait for the first one.
      await page.waitForFunction(() =>
        Boolean(document.querySelector('.relative-time')?.textContent),
      );
      await page.screenshot({ path: join(out, `${name}.png`) });
      process.stdout.write(`docs/screenshots/${name}.png\n`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
