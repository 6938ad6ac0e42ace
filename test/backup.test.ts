// A backup taken by the CLI while updates are being published through the API, restored by the
// CLI elsewhere: every update acknowledged before the backup began is there, integrity is ok.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/platform/platform.config.js';
import { createDiskStore } from '../src/storage/storage.files.js';
import { bearer } from './helpers.js';
import {
  backupSqlite,
  BackupError,
  restoreSqlite,
  verifyBackup,
} from '../src/storage/storage.backup.js';
import { migrationNames } from '../src/storage/storage.database.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ajil-backup-'));

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (status) => {
      resolve({ status, output });
    });
  });
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore (SQLite)', () => {
  it('a backup taken while publishing holds every update acknowledged before it began', async () => {
    const live = { db: join(dir, 'live', 'ajil.db'), media: join(dir, 'live', 'media') };
    const config = testConfig({ databaseUrl: `sqlite:${live.db}`, mediaDir: live.media });
    const app = await buildApp(config, { files: createDiskStore(live.media) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { token } = await app.services.tokens.create('backup test', 'editor');
    const post = (path: string, body: unknown, type = 'application/json') =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': type },
        body: type === 'application/json' ? JSON.stringify(body) : new Uint8Array(body as Buffer),
      });
    expect(
      (await post('/api/v1/liveblogs', { slug: 'backup', headline: 'نسخة', timeZone: 'UTC' }))
        .status,
    ).toBe(201);
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#0b5394' },
    })
      .jpeg()
      .toBuffer();
    const photo = await post('/api/v1/photos?alt=صورة&credit=الفريق', jpeg, 'image/jpeg');
    expect(photo.status).toBe(201);
    const photoId = ((await photo.json()) as { id: string }).id;

    // Two publishers keep posting until told to stop; each acknowledgement is timed.
    const acked: { id: number; at: number }[] = [];
    let stop = false;
    const publisher = async (name: string) => {
      for (let i = 0; !stop; i++) {
        const res = await post('/api/v1/liveblogs/backup/updates', { text: `${name} ${i}` });
        expect(res.status).toBe(201);
        const { id } = (await res.json()) as { id: number };
        acked.push({ id, at: performance.now() });
      }
    };
    const publishing = Promise.all([publisher('أ'), publisher('ب')]);
    while (acked.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));

    const backupDir = join(dir, 'backup-1');
    const began = performance.now();
    const before = acked.filter((a) => a.at < began).map((a) => a.id);
    const backup = await cli(['backup', backupDir], {
      DATABASE_URL: `sqlite:${live.db}`,
      MEDIA_DIR: live.media,
    });
    const during = acked.filter((a) => a.at >= began).length;
    stop = true;
    await publishing;
    await app.close();
    expect(backup.output).toContain('integrity ok');
    expect(backup.status).toBe(0);
    // The publishers went on while the backup ran.
    expect(during).toBeGreaterThan(0);

    const restored = {
      db: join(dir, 'restored', 'ajil.db'),
      media: join(dir, 'restored', 'media'),
    };
    const env = { DATABASE_URL: `sqlite:${restored.db}`, MEDIA_DIR: restored.media };
    const restore = await cli(['restore', backupDir], env);
    expect(restore.status, restore.output).toBe(0);
    const check = await cli(['check'], env);
    expect(check.output).toContain('integrity: ok');
    expect(check.output).toContain('migrations: current');
    expect(check.status).toBe(0);

    const sqlite = new SQLite(restored.db, { readonly: true });
    const ids = new Set(
      (sqlite.prepare('select id from updates').all() as { id: number }[]).map((row) => row.id),
    );
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
    const missing = before.filter((id) => !ids.has(id));
    console.log(
      `backup while publishing: ${before.length} acknowledged before it began, ${during} during it, ${ids.size} in the backup, ${missing.length} missing`,
    );
    expect(missing).toEqual([]);
    // The photo's files came along.
    const media = readdirSync(restored.media);
    expect(media.filter((name) => name.startsWith(`${photoId}-`)).length).toBeGreaterThan(0);
  }, 120_000);

  it('restore keeps the database it replaces and refuses what is not a finished backup', async () => {
    const source = join(dir, 'small.db');
    const db = new SQLite(source);
    db.exec(
      "create table kysely_migration (name text primary key, timestamp text); create table notes (t text); insert into notes values ('قبل')",
    );
    db.close();
    const media = join(dir, 'small-media');
    mkdirSync(media);
    writeFileSync(join(media, 'abc-480.jpg'), 'jpeg bytes');
    writeFileSync(join(media, '.abc-960.jpg.1234'), 'half written');
    const target = join(dir, 'small-backup');
    const manifest = await backupSqlite(source, media, target);
    expect(manifest).toMatchObject({ integrity: 'ok', mediaFiles: 1, migrations: [] });
    await expect(backupSqlite(source, media, target)).rejects.toThrow(/not empty/);

    const current = join(dir, 'current', 'ajil.db');
    mkdirSync(join(dir, 'current'));
    new SQLite(current).exec('create table other (x int)').close();
    const { keptAs } = await restoreSqlite(
      target,
      current,
      join(dir, 'current-media'),
      migrationNames('sqlite'),
    );
    expect(keptAs && existsSync(keptAs)).toBe(true);
    const back = new SQLite(current, { readonly: true });
    expect(back.prepare('select t from notes').pluck().get()).toBe('قبل');
    back.close();
    expect(readdirSync(join(dir, 'current-media'))).toEqual(['abc-480.jpg']);

    rmSync(join(target, 'manifest.json'));
    await expect(verifyBackup(target, migrationNames('sqlite'))).rejects.toThrow(BackupError);
  });

  it('refuses a backup from a newer version and PostgreSQL (pg_dump is the way there)', async () => {
    const source = join(dir, 'newer.db');
    const db = new SQLite(source);
    db.exec(
      "create table kysely_migration (name text primary key, timestamp text); insert into kysely_migration values ('2099-01-01-0001-future', '')",
    );
    db.close();
    const target = join(dir, 'newer-backup');
    await backupSqlite(source, join(dir, 'no-media'), target);
    await expect(verifyBackup(target, migrationNames('sqlite'))).rejects.toThrow(/newer version/);
    const pg = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'backup', join(dir, 'pg')],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' },
        encoding: 'utf8',
      },
    );
    expect(pg.status).toBe(1);
    expect(pg.stderr).toContain('pg_dump');
  }, 60_000);
});
