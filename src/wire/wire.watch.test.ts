// The drop folder: NewsML-G2 and ninjs files read into the inbox and moved to processed/; bad
// files moved to failed/ with the reason beside them; files still being written left alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers.js';
import { wireFixture } from '../../test/fixtures/wire-fixtures.js';
import type { Actor } from '../access/access.policy.js';
import { DROP_FOLDER_ACTOR } from './wire.service.js';
import { refusedFiles, watchDropFolder, type DropFolder } from './wire.watch.js';

describe('the wire drop folder', () => {
  let t: TestApp;
  let dir: string;
  let folder: DropFolder;
  const warnings: unknown[] = [];
  const reader: Actor = { kind: 'user', id: null, name: 'desk', role: 'reporter' };
  const past = new Date(Date.now() - 60_000);

  function drop(name: string, text: string, settled = true): void {
    writeFileSync(join(dir, name), text);
    if (settled) utimesSync(join(dir, name), past, past);
  }

  beforeAll(async () => {
    t = await buildTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ajil-wire-drop-'));
    folder = watchDropFolder({
      dir,
      intervalMs: 0,
      ingest: (format, text) => t.app.services.wire.ingest(DROP_FOLDER_ACTOR, format, text),
      log: { info: () => undefined, warn: (details) => warnings.push(details) },
    });
  });
  afterAll(async () => {
    folder.close();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('reads NewsML-G2 and ninjs files into the inbox and moves them to processed/', async () => {
    drop('port.xml', wireFixture('newsml-ar-v1.xml'));
    drop('ferry.json', wireFixture('ninjs-en.json'));
    const report = await folder.scan();
    expect(report.processed.sort()).toEqual(['ferry.json', 'port.xml']);
    expect(report.failed).toEqual([]);
    const inbox = await t.app.services.wire.inbox(reader, {});
    expect(inbox.map((e) => e.item.language).sort()).toEqual(['ar', 'en']);
    expect(readdirSync(join(dir, 'processed'))).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['failed', 'processed', 'processing']);
  });

  it('a newer version dropped later replaces the earlier one', async () => {
    drop('port-v2.xml', wireFixture('newsml-ar-v2.xml'));
    await folder.scan();
    const inbox = await t.app.services.wire.inbox(reader, { language: 'ar' });
    expect(inbox.map((e) => e.item.version)).toEqual([2]);
  });

  it('moves a bad file to failed/ with the reason beside it, and reports it', async () => {
    drop('cut-off.xml', '<newsItem guid="x"><itemMeta>');
    drop('notes.txt', 'not an agency item');
    const report = await folder.scan();
    expect(report.failed.map((f) => f.file).sort()).toEqual(['cut-off.xml', 'notes.txt']);
    const failed = readdirSync(join(dir, 'failed'));
    expect(failed.filter((name) => !name.endsWith('.error.txt'))).toHaveLength(2);
    const reasonFile = failed.find((name) => name.endsWith('cut-off.xml.error.txt')) ?? '';
    expect(readFileSync(join(dir, 'failed', reasonFile), 'utf8')).toMatch(/^wire_unreadable: /);
    const kept = failed.find((name) => name.endsWith('-cut-off.xml')) ?? '';
    expect(readFileSync(join(dir, 'failed', kept), 'utf8')).toBe('<newsItem guid="x"><itemMeta>');
    expect(warnings).toHaveLength(2);
    // What the wire inbox lists: each refused file under its own name, with its reason.
    const refused = await refusedFiles(dir);
    expect(refused.map((f) => f.file).sort()).toEqual(['cut-off.xml', 'notes.txt']);
    expect(refused.find((f) => f.file === 'notes.txt')?.reason).toMatch(/not a \.xml/);
    expect(refused[0]?.refusedAt).toBeInstanceOf(Date);
    expect(await refusedFiles(join(dir, 'never-used'))).toEqual([]);
  });

  it('leaves a file that is still being written for the next look', async () => {
    drop('fresh.json', wireFixture('ninjs-ar-embargo.json'), false);
    const report = await folder.scan();
    expect(report.processed).toEqual([]);
    expect(readdirSync(dir)).toContain('fresh.json');
  });
});
