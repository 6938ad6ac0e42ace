// Opens the database named by the configuration: embedded SQLite by default, PostgreSQL at scale.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type LogEvent,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import type { AppConfig, DatabaseEngine } from '../platform/platform.config.js';
import { initialMigration } from './migrations/2026-11-29-0001-initial.js';
import { newsroomMigration } from './migrations/2026-11-29-0003-newsroom.js';
import { commentsMigration } from './migrations/2026-11-29-0005-comments.js';
import { dateStyleMigration } from './migrations/2026-11-29-0006-date-style.js';
import { searchMigration } from './migrations/2026-11-29-0007-search.js';
import { photosMigration } from './migrations/2026-11-29-0008-photos.js';
import { translationsMigration } from './migrations/2026-11-29-0009-translations.js';
import { searchNamesMigration } from './migrations/2026-12-01-0010-search-names.js';
import { proofWordsMigration } from './migrations/2026-12-01-0011-proof-words.js';
import { commentTokensMigration } from './migrations/2026-12-01-0012-comment-tokens.js';
import { idempotencyMigration } from './migrations/2026-12-02-0013-idempotency.js';
import { twoFactorMigration } from './migrations/2026-12-02-0014-two-factor.js';
import { verificationMigration } from './migrations/2026-12-02-0015-verification.js';
import { summaryMigration } from './migrations/2026-12-02-0016-summary.js';
import { wireMigration } from './migrations/2026-12-02-0018-wire.js';
import { pushMigration } from './migrations/2026-12-02-0019-push.js';
import { updateTranslationsMigration } from './migrations/2026-12-02-0020-update-translations.js';
import { bylinesMigration } from './migrations/2026-12-02-0021-bylines.js';
import { deskEventsMigration } from './migrations/2026-12-02-0022-desk-events.js';
import { accountLinksMigration } from './migrations/2026-12-02-0023-account-links.js';
import type { Database } from './storage.schema.js';
import { TextNormalisePlugin } from './storage.text.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly engine: DatabaseEngine;
  /** PostgreSQL schema when one was configured (tests isolate themselves with it). */
  readonly schema?: string;
  /** Tells the listener how long each query took (seconds) and whether it failed; for metrics. */
  onQuery(listener: QueryListener): () => void;
  close(): Promise<void>;
}

/** `kind`: select, insert, update, delete or raw. */
export type QueryListener = (kind: string, seconds: number, failed: boolean) => void;

/** Kysely's query log, fanned out to the handle's listeners (none: nothing is measured). */
function queryLog(listeners: Set<QueryListener>) {
  return (event: LogEvent) => {
    if (listeners.size === 0) return;
    const node = event.query.query.kind;
    const kind = node.replace(/QueryNode$|Node$/, '').toLowerCase();
    const seconds = event.queryDurationMillis / 1000;
    for (const listener of listeners) listener(kind, seconds, event.level === 'error');
  };
}

function listenersOf(listeners: Set<QueryListener>) {
  return (listener: QueryListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

// int8 (COUNT, SUM) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

function openSqlite(url: string): SQLite.Database {
  const path = url.slice('sqlite:'.length);
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(memory ? ':memory:' : path);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databaseEngine' | 'databaseSchema'>,
): DatabaseHandle {
  const listeners = new Set<QueryListener>();
  if (config.databaseEngine === 'sqlite') {
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqlite(config.databaseUrl) }),
      plugins: [new TextNormalisePlugin(), new CamelCasePlugin()],
      log: queryLog(listeners),
    });
    return { db, engine: 'sqlite', onQuery: listenersOf(listeners), close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 10,
    ...(config.databaseSchema ? { options: `-c search_path=${config.databaseSchema}` } : {}),
  });
  // A connection that breaks (the server restarts, the network drops) fails its query, which the
  // request answers with 503, and leaves the pool; without these listeners the 'error' event of
  // the pool (an idle connection) or of a checked-out client would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new TextNormalisePlugin(), new CamelCasePlugin()],
    log: queryLog(listeners),
  });
  return {
    db,
    engine: 'postgres',
    onQuery: listenersOf(listeners),
    ...(config.databaseSchema && { schema: config.databaseSchema }),
    close: () => db.destroy(),
  };
}

function migrationsFor(engine: DatabaseEngine): Record<string, Migration> {
  return {
    '2026-11-29-0001-initial': initialMigration(engine),
    '2026-11-29-0003-newsroom': newsroomMigration(engine),
    '2026-11-29-0005-comments': commentsMigration(engine),
    '2026-11-29-0006-date-style': dateStyleMigration(),
    '2026-11-29-0007-search': searchMigration(engine),
    '2026-11-29-0008-photos': photosMigration(),
    '2026-11-29-0009-translations': translationsMigration(),
    '2026-12-01-0010-search-names': searchNamesMigration(),
    '2026-12-01-0011-proof-words': proofWordsMigration(engine),
    '2026-12-01-0012-comment-tokens': commentTokensMigration(),
    '2026-12-02-0013-idempotency': idempotencyMigration(),
    '2026-12-02-0014-two-factor': twoFactorMigration(engine),
    '2026-12-02-0015-verification': verificationMigration(),
    '2026-12-02-0016-summary': summaryMigration(engine),
    '2026-12-02-0018-wire': wireMigration(engine),
    '2026-12-02-0019-push': pushMigration(engine),
    '2026-12-02-0020-update-translations': updateTranslationsMigration(),
    '2026-12-02-0021-bylines': bylinesMigration(),
    '2026-12-02-0022-desk-events': deskEventsMigration(),
    '2026-12-02-0023-account-links': accountLinksMigration(engine),
  };
}

/** The names of the migrations this code knows, in order. */
export function migrationNames(engine: DatabaseEngine): string[] {
  return Object.keys(migrationsFor(engine)).sort();
}

function migratorFor(handle: DatabaseHandle): Migrator {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(migrationsFor(handle.engine)),
  };
  return new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema && { migrationTableSchema: handle.schema }),
  });
}

/** The migrations this code knows that the database has not run yet (empty: up to date). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const list = await migratorFor(handle).getMigrations();
  return list.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Brings the schema up to date; safe to call from several processes at once on PostgreSQL. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const { error, results } = await migratorFor(handle).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
}

/** For tests on PostgreSQL: a fresh schema; returns a function that drops it. */
export async function createPostgresSchema(
  databaseUrl: string,
  schema: string,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await client.end();
  return async () => {
    const dropper = new pg.Client({ connectionString: databaseUrl });
    await dropper.connect();
    await dropper.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dropper.end();
  };
}

export { sql };

/** Answers when the database does: one trivial query, for readiness probes and checks. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** True for a UNIQUE (or primary key) constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}
