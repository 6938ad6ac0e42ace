// Launches Debian's chromium (never a downloaded browser) through playwright-core, and what the
// browser tests share: the servers they start, the sign-in, API calls and a reader's consent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { loadConfig, type AppConfig } from '../../src/platform/platform.config.js';
import {
  CONSENT_COOKIE,
  consentCookie,
  type Consent,
} from '../../src/platform/platform.consent.js';
import type { Actor, Role } from '../../src/access/access.policy.js';
import type { Db } from '../../src/storage/storage.database.js';
import { buildTestApp, type TestApp } from '../helpers.js';

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

/** Who sets a test up: creates the accounts and the pages, publishes what is there before. */
export const operator = {
  kind: 'user' as const,
  id: null,
  name: 'operator',
  role: 'admin' as const,
} satisfies Actor;

/** Listens on a free port of 127.0.0.1 (or on `port`); answers the address, e.g. http://127.0.0.1:PORT. */
export async function listenLocally(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
}

/** The in-process app of test/helpers.ts listening on a free port, and an editor's API token. */
export async function listenTestApp(
  ...options: Parameters<typeof buildTestApp>
): Promise<{ t: TestApp; base: string; editor: string }> {
  const t = await buildTestApp(...options);
  const base = await listenLocally(t.app);
  return { t, base, editor: await t.token('editor') };
}

/** The configuration of a server on a new temporary SQLite file, and that file's folder. */
function temporaryConfig(env: Record<string, string>): { config: AppConfig; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-browser-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'ajil.db')}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ...env,
  });
  return { config, dir };
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
  const { config, dir } = temporaryConfig(env);
  const app = await buildApp(config);
  const base = await listenLocally(app);
  await app.services.accounts.createUser(operator, account);
  return {
    app,
    base,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request to the API (`/api/v1` + `path`) with a bearer token and, if given, a JSON body. */
export function apiRequest(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/**
 * A real server on a temporary SQLite file with an editor's API token, for the tests that stop it
 * and start it again on the same port over the same database (a reader's tab, a draft, recover).
 */
export interface RestartableServer {
  /** The running app (a new one after `start`). */
  readonly app: FastifyInstance;
  readonly base: string;
  /** A request to the API as the editor. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  /** Stops the app and keeps its database. */
  stop(): Promise<void>;
  /** Starts a new app on the same port over the same database. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startRestartableServer(
  tokenName: string,
  env: Record<string, string> = {},
): Promise<RestartableServer> {
  const { config, dir } = temporaryConfig(env);
  let app = await buildApp(config);
  const base = await listenLocally(app);
  const token = (await app.services.tokens.create(tokenName, 'editor')).token;
  return {
    get app() {
      return app;
    },
    base,
    api: (method, path, body) => apiRequest(base, token, method, path, body),
    async stop() {
      await app.close();
    },
    async start() {
      app = await buildApp(config);
      await listenLocally(app, Number(new URL(base).port));
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page's id by its slug, for tests that read the database behind it. */
export async function liveblogIdOf(db: Db, slug: string): Promise<number> {
  const page = await db
    .selectFrom('liveblogs')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return page.id;
}

/**
 * A browser context of a reader who has made a cookie choice (so the banner is not shown):
 * `consent` names the purposes agreed to, every other one refused.
 */
export async function consentedContext(
  browser: Browser,
  base: string,
  consent: Partial<Consent>,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const choice = { preferences: false, analytics: false, embeds: false, notifications: false };
  // The value the consent form itself sets: the part of its Set-Cookie between "=" and ";".
  const value =
    consentCookie({ ...choice, ...consent }, false)
      .split(';')[0]
      ?.split('=')[1] ?? '';
  await context.addCookies([{ name: CONSENT_COOKIE, value, url: base }]);
  return context;
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

/** Waits until the desk's send went through (the desk changes in place; nothing reloads). */
export function deskSent(page: Page) {
  return page.waitForResponse(
    (r) =>
      /\/(drafts\/\d+\/(publish|submit)|updates\/\d+)$/.test(new URL(r.url()).pathname) &&
      r.request().method() !== 'GET' &&
      r.ok(),
    { timeout: 30_000 },
  );
}

/** Creates a live page through the API of an app in this process, as the holder of `token`. */
export async function createPageByApi(
  app: FastifyInstance,
  token: string,
  page: { slug: string; headline: string },
): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/liveblogs',
    headers: { authorization: `Bearer ${token}` },
    payload: page,
  });
  if (res.statusCode !== 201) throw new Error(`the page was not created: ${res.body}`);
}
