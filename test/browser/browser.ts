// Launches Debian's chromium (never a downloaded browser) through playwright-core, and the
// server and sign-in the newsroom's browser tests share.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/platform.config.js';
import type { Role } from '../../src/access/access.policy.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A real server on a temporary SQLite file, with one account, for the newsroom's browser tests. */
export interface NewsroomServer {
  readonly app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:PORT. */
  readonly base: string;
  close(): Promise<void>;
}

export async function startNewsroomServer(
  account: { email: string; displayName: string; role: Role; password: string },
  env: Record<string, string> = {},
): Promise<NewsroomServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-browser-'));
  const app = await buildApp(
    loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...env,
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
  await app.services.accounts.createUser(operator, account);
  return {
    app,
    base: `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real form in a fresh context; returns the page on the dashboard. */
export async function signInThroughForm(
  browser: Browser,
  base: string,
  email: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(`${base}/newsroom/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL(`${base}/newsroom`), page.click('button[type="submit"]')]);
  return page;
}
