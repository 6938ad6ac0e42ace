// Where uploaded files live: on disk by default, behind an interface that an S3-compatible
// store can implement (put, get, remove by key). Keys are made by the server, never by uploaders.
import { constants } from 'node:fs';
import { mkdir, open, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9]+-[0-9]+\.(jpg|webp|avif)$/;

export function isFileKey(key: string): boolean {
  return KEY.test(key);
}

/** A plain file name: no separator, no NUL, not `.` or `..`, not hidden. */
const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/;

/**
 * The one way a stored file is read for serving: only a regular file directly inside `root`.
 * The name must be plain (no `/`, `\\`, `..`); the file is opened with O_NOFOLLOW, so a symbolic
 * link (a restored backup, a shared volume) is refused rather than followed, and O_NONBLOCK, so a
 * FIFO cannot hang the reader; what was opened must then be a regular file. Undefined otherwise.
 */
export async function readStoredFile(root: string, name: string): Promise<Buffer | undefined> {
  if (!PLAIN_NAME.test(name) || name.includes('..')) return undefined;
  let handle;
  try {
    handle = await open(
      join(root, name),
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch {
    return undefined; // missing, a link (ELOOP), or not readable
  }
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

export function createDiskStore(dir: string): FileStore {
  return {
    async put(key, bytes) {
      if (!isFileKey(key)) throw new Error(`bad file key ${key}`);
      await mkdir(dir, { recursive: true });
      // Written whole, then renamed: a reader never sees half a file.
      const temporary = join(dir, `.${key}.${randomBytes(6).toString('hex')}`);
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, join(dir, key));
    },
    async get(key) {
      if (!isFileKey(key)) return undefined;
      return readStoredFile(dir, key);
    },
    async remove(key) {
      if (!isFileKey(key)) return;
      await rm(join(dir, key), { force: true });
    },
  };
}

/** For tests and single-process demos: files in memory. */
export function createMemoryStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    put: (key, bytes) => {
      files.set(key, bytes);
      return Promise.resolve();
    },
    get: (key) => Promise.resolve(files.get(key)),
    remove: (key) => {
      files.delete(key);
      return Promise.resolve();
    },
  };
}
