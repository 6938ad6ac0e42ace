// Backups of an embedded (SQLite) installation: a backup is a directory holding
//   ajil.db         the database, copied with VACUUM INTO inside one read transaction, so it is a
//                   consistent snapshot even while updates are being published (writers go on);
//   media/          the photos, copied after the snapshot (files are written before their rows,
//                   so every photo the snapshot names is there);
//   manifest.json   written last: when, from which schema, integrity; a backup without it is
//                   unfinished.
// Restoring checks the backup, keeps the current database beside it (.before-restore-<time>)
// and puts the copy in its place; photos are added to the media folder. Stop the server first.
// PostgreSQL installations use pg_dump and pg_restore (see the README), plus the media folder.
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { AppConfig } from '../platform/platform.config.js';
import { openDatabase, pendingMigrations, pingDatabase } from './storage.database.js';

export const BACKUP_DATABASE = 'ajil.db';
export const BACKUP_MEDIA = 'media';
export const BACKUP_MANIFEST = 'manifest.json';

export interface BackupManifest {
  readonly format: 'ajil-backup-1';
  readonly createdAt: string;
  readonly engine: 'sqlite';
  /** The migrations the database had run, in order. */
  readonly migrations: readonly string[];
  readonly integrity: 'ok';
  readonly databaseBytes: number;
  readonly mediaFiles: number;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** The database file behind a `sqlite:<path>` URL; an error for memory or PostgreSQL. */
export function sqliteFileOf(config: Pick<AppConfig, 'databaseUrl' | 'databaseEngine'>): string {
  const path = config.databaseUrl.slice('sqlite:'.length);
  if (config.databaseEngine !== 'sqlite' || path === '' || path === ':memory:') {
    throw new BackupError(
      'backup and restore work on a SQLite file; for PostgreSQL use pg_dump and pg_restore (README: Backup and restore)',
    );
  }
  return resolve(path);
}

function integrityOf(sqlite: SQLite.Database): string {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('; ');
}

function migrationsOf(sqlite: SQLite.Database): string[] {
  const table = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return [];
  const rows = sqlite.prepare('select name from kysely_migration order by name').all() as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}

/** Opens a SQLite file read-only and tells its integrity and migrations. */
export function inspectSqlite(file: string): { integrity: string; migrations: string[] } {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return { integrity: integrityOf(sqlite), migrations: migrationsOf(sqlite) };
  } finally {
    sqlite.close();
  }
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** Writes a backup directory at `target` (which must not exist yet, or be empty). */
export async function backupSqlite(
  databaseFile: string,
  mediaDir: string,
  target: string,
): Promise<BackupManifest> {
  if (existsSync(target) && (await readdir(target)).length > 0) {
    throw new BackupError(`${target} already exists and is not empty`);
  }
  await mkdir(target, { recursive: true });
  const copy = join(target, BACKUP_DATABASE);
  const source = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    // One read transaction: the state of the last commit before it began, whatever comes after.
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    source.close();
  }
  const { integrity, migrations } = inspectSqlite(copy);
  if (integrity !== 'ok')
    throw new BackupError(`the copy failed its integrity check: ${integrity}`);
  if (existsSync(mediaDir)) {
    // Temporary files of writes in progress (".name.random") are not photos yet.
    await cp(mediaDir, join(target, BACKUP_MEDIA), {
      recursive: true,
      filter: (path) => !/\/\.[^/]+$/.test(path),
    });
  }
  const manifest: BackupManifest = {
    format: 'ajil-backup-1',
    createdAt: new Date().toISOString(),
    engine: 'sqlite',
    migrations,
    integrity: 'ok',
    databaseBytes: (await stat(copy)).size,
    mediaFiles: await countFiles(join(target, BACKUP_MEDIA)),
  };
  await writeFile(join(target, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads and checks a backup directory: manifest present, database whole, schema known. */
export async function verifyBackup(
  source: string,
  knownMigrations: readonly string[],
): Promise<BackupManifest> {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(
      await readFile(join(source, BACKUP_MANIFEST), 'utf8'),
    ) as Partial<BackupManifest>;
  } catch {
    throw new BackupError(`${source} has no readable ${BACKUP_MANIFEST}: not a finished backup`);
  }
  if (manifest.format !== 'ajil-backup-1') {
    throw new BackupError(`${source} is not an Ajil backup`);
  }
  const { integrity, migrations } = inspectSqlite(join(source, BACKUP_DATABASE));
  if (integrity !== 'ok') throw new BackupError(`the backup's database is damaged: ${integrity}`);
  const unknown = migrations.filter((name) => !knownMigrations.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `the backup comes from a newer version (migrations ${unknown.join(', ')}); upgrade first`,
    );
  }
  return manifest as BackupManifest;
}

/**
 * Puts a verified backup in place of the database file (the server must be stopped); the
 * current file is kept as `<file>.before-restore-<time>`. Returns that name, if there was one.
 */
export async function restoreSqlite(
  source: string,
  databaseFile: string,
  mediaDir: string,
  knownMigrations: readonly string[],
): Promise<{ manifest: BackupManifest; keptAs: string | undefined }> {
  const manifest = await verifyBackup(source, knownMigrations);
  await mkdir(dirname(databaseFile), { recursive: true });
  const incoming = `${databaseFile}.restoring`;
  await cp(join(source, BACKUP_DATABASE), incoming);
  let keptAs: string | undefined;
  if (existsSync(databaseFile)) {
    keptAs = `${databaseFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Fold the write-ahead log into the old file first, so the kept copy is whole on its own.
    const old = new SQLite(databaseFile, { fileMustExist: true });
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    await rename(databaseFile, keptAs);
  }
  await rm(`${databaseFile}-wal`, { force: true });
  await rm(`${databaseFile}-shm`, { force: true });
  await rename(incoming, databaseFile);
  if (existsSync(join(source, BACKUP_MEDIA))) {
    await cp(join(source, BACKUP_MEDIA), mediaDir, { recursive: true, force: false });
  }
  return { manifest, keptAs };
}

export interface CheckResult {
  /** "ok", or what SQLite's integrity_check reported (PostgreSQL: "ok" once it answers). */
  readonly integrity: string;
  /** Migrations this code knows that the database has not run. */
  readonly pending: readonly string[];
}

/** Checks the configured database without changing it (no migration is run). */
export async function checkDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databaseEngine' | 'databaseSchema'>,
): Promise<CheckResult> {
  let integrity = 'ok';
  if (config.databaseEngine === 'sqlite') {
    const file = sqliteFileOf(config);
    if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
    integrity = inspectSqlite(file).integrity;
  }
  const handle = openDatabase(config);
  try {
    await pingDatabase(handle.db);
    return { integrity, pending: await pendingMigrations(handle) };
  } finally {
    await handle.close();
  }
}
