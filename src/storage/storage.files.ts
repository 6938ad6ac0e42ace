// Where uploaded files live: on disk by default, behind an interface that an S3-compatible
// store can implement (put, get, remove by key). Keys are made by the server, never by uploaders.
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
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
      try {
        return await readFile(join(dir, key));
      } catch {
        return undefined;
      }
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
