// Shared test helpers: an app over in-memory SQLite (or PostgreSQL when DATABASE_URL is set),
// and API tokens of each role.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppParts } from '../src/app.js';
import { testConfig, type AppConfig } from '../src/platform/platform.config.js';
import {
  createPostgresSchema,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
} from '../src/storage/storage.database.js';
import type { Role } from '../src/access/access.policy.js';
import { createMemoryStore } from '../src/storage/storage.files.js';

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database; `drop` removes it. */
  open(): Promise<{ handle: DatabaseHandle; config: AppConfig; drop: () => Promise<void> }>;
}

const sqliteEngine: Engine = {
  name: 'sqlite',
  async open() {
    const config = testConfig();
    const handle = openDatabase(config);
    await migrateToLatest(handle);
    return { handle, config, drop: () => handle.close() };
  },
};

function postgresEngine(url: string): Engine {
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const dropSchema = await createPostgresSchema(url, schema);
      const config = testConfig({
        databaseUrl: url,
        databaseEngine: 'postgres',
        databaseSchema: schema,
      });
      const handle = openDatabase(config);
      await migrateToLatest(handle);
      return {
        handle,
        config,
        drop: async () => {
          await handle.close();
          await dropSchema();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when DATABASE_URL names a postgres:// server. */
export function engines(): Engine[] {
  const url = process.env.DATABASE_URL;
  const list: Engine[] = [sqliteEngine];
  if (url?.startsWith('postgres')) list.push(postgresEngine(url));
  return list;
}

export interface TestApp {
  readonly app: FastifyInstance;
  token(role: Role): Promise<string>;
  close(): Promise<void>;
}

export async function buildTestApp(
  engine: Engine = sqliteEngine,
  parts: Omit<AppParts, 'database'> = {},
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const { handle, config, drop } = await engine.open();
  const app = await buildApp(
    { ...config, ...overrides },
    { files: createMemoryStore(), ...parts, database: handle },
  );
  return {
    app,
    async token(role) {
      const { token } = await app.services.tokens.create(`test ${role}`, role);
      return token;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly userId: number;
}

let people = 0;

/** A newsroom account of the role, signed in through the login form; its cookie and CSRF token. */
export async function signIn(
  app: FastifyInstance,
  role: Role,
  password = 'كلمة-سر-طويلة-2026',
): Promise<Session> {
  people++;
  const email = `${role}${people}@newsroom.test`;
  const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
  const user = await app.services.accounts.createUser(operator, {
    email,
    displayName: `${role} ${people}`,
    role,
    password,
  });
  const login = await formLogin(app, email, password);
  if (login.statusCode !== 303)
    throw new Error(`login failed: ${login.statusCode} ${login.body.slice(0, 200)}`);
  const cookie = sessionCookieOf(login);
  const desk = await app.inject({ url: '/newsroom', headers: { cookie } });
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(desk.body)?.[1] ?? '';
  return { cookie, csrf, userId: user.id };
}

/** The `name=value` of the session cookie a sign-in response set ('' when none). */
export function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const raw = response.headers['set-cookie'];
  const lines = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const line = lines.find((l) => /^(__Host-)?ajil_session=./.test(l));
  return line?.split(';')[0] ?? '';
}

/** The pre-session cookie (`name=value`) and the form token of a fresh sign-in page. */
export async function loginFormOf(
  app: FastifyInstance,
): Promise<{ cookie: string; token: string }> {
  const page = await app.inject({ url: '/newsroom/login' });
  const raw = page.headers['set-cookie'];
  const lines = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const cookie = lines.find((l) => /^(__Host-)?ajil_presession=./.test(l))?.split(';')[0] ?? '';
  const token = /name="_login" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie, token };
}

/** Posts the sign-in form as a browser would: the page first (its pre-session cookie), then the form. */
export async function formLogin(
  app: FastifyInstance,
  email: string,
  password: string,
  { locale = 'ar', remoteAddress }: { locale?: 'ar' | 'en'; remoteAddress?: string } = {},
) {
  const form = await loginFormOf(app);
  return app.inject({
    method: 'POST',
    url: '/newsroom/login',
    ...(remoteAddress !== undefined && { remoteAddress }),
    payload: new URLSearchParams({ email, password, locale, _login: form.token }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
  });
}
