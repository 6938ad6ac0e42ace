// Class 2 of the hardening issue: serving reads only regular files inside the store's root,
// never through a symbolic link, never outside it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers.js';
import { createDiskStore, readStoredFile } from './storage.files.js';

const ID = 'ab'.repeat(10);

describe('serving stored files', () => {
  let base: string;
  let root: string;
  let t: TestApp;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'ajil-files-'));
    root = join(base, 'media');
    await mkdir(root);
    await writeFile(join(root, `${ID}-480.jpg`), 'a real photo');
    await writeFile(join(base, 'secret.db'), 'the database, outside the media folder');
    // A link inside the folder to another file inside it, and one to a file outside it.
    await symlink(join(root, `${ID}-480.jpg`), join(root, `${ID}-960.jpg`));
    await symlink(join(base, 'secret.db'), join(root, `${ID}-1600.jpg`));
    await symlink('../secret.db', join(root, `${ID}-480.webp`));
    await mkdir(join(root, `${ID}-480.avif`));
    execFileSync('mkfifo', [join(root, `${ID}-960.webp`)]);
    t = await buildTestApp(undefined, { files: createDiskStore(root) });
  });
  afterAll(async () => {
    await t.close();
    await rm(base, { recursive: true, force: true });
  });

  it('a regular file inside the root is served', async () => {
    expect((await readStoredFile(root, `${ID}-480.jpg`))?.toString()).toBe('a real photo');
    const res = await t.app.inject(`/media/${ID}-480.jpg`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('a real photo');
  });

  it('a symbolic link inside the media folder is refused with 404, wherever it points', async () => {
    for (const name of [`${ID}-960.jpg`, `${ID}-1600.jpg`, `${ID}-480.webp`]) {
      const res = await t.app.inject(`/media/${name}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('database');
      expect(res.body).not.toContain('a real photo');
    }
  });

  it('the reading function itself refuses the links', async () => {
    for (const name of [`${ID}-960.jpg`, `${ID}-1600.jpg`, `${ID}-480.webp`])
      expect(await readStoredFile(root, name)).toBeUndefined();
  });

  it('a directory or a FIFO is not a file; it is refused at once, without blocking', async () => {
    expect(await readStoredFile(root, `${ID}-480.avif`)).toBeUndefined();
    expect(await readStoredFile(root, `${ID}-960.webp`)).toBeUndefined();
    expect((await t.app.inject(`/media/${ID}-960.webp`)).statusCode).toBe(404);
  });

  it('a name that leaves the root or is not a plain name is refused before the disk is asked', async () => {
    for (const name of ['../secret.db', '..', '.', '', 'a/b', 'a\\b', 'x\u0000.jpg', '/etc/passwd'])
      expect(await readStoredFile(root, name)).toBeUndefined();
  });
});
