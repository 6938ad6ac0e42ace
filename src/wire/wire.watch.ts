// The drop folder (WIRE_DROP_DIR): agency files put there are read into the wire inbox. Each
// file is claimed by moving it into processing/ (so several workers or nodes sharing the folder
// never read one twice), then moved to processed/ once stored, or to failed/ with a .error.txt
// beside it saying why: a bad file is reported, never lost.
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError } from '../platform/platform.errors.js';
import type { WireFormat } from './wire.types.js';

export interface DropFolderOptions {
  readonly dir: string;
  /** Stores the document's items (the wire service's ingest, for the drop folder's actor). */
  readonly ingest: (format: WireFormat, text: string) => Promise<unknown>;
  readonly log: {
    info(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  /** How often the folder is looked at (ms); 0: only when scan() is called. */
  readonly intervalMs?: number;
  /** Files changed more recently than this (ms) are left for the next look: still being written. */
  readonly settleMs?: number;
  readonly now?: () => Date;
}

export interface ScanReport {
  readonly processed: string[];
  readonly failed: { readonly file: string; readonly reason: string }[];
}

/** Larger files are refused: no agency item is anywhere near this. */
const MAX_BYTES = 5 * 1024 * 1024;

const FORMATS: Readonly<Record<string, WireFormat>> = { '.xml': 'newsml', '.json': 'ninjs' };

function reasonOf(error: unknown): string {
  if (error instanceof AppError) {
    const details = (error.details ?? []).map((d) => `${d.field}: ${d.message}`).join('; ');
    return `${error.code}: ${error.messages.en}${details === '' ? '' : ` (${details})`}`;
  }
  return error instanceof Error ? error.message : String(error);
}

const isMissing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

/** A file the drop folder refused, as the wire inbox lists it. */
export interface RefusedFile {
  /** The name it was dropped under. */
  readonly file: string;
  readonly refusedAt: Date;
  readonly reason: string;
}

const ERROR_NOTE = /^(\d+)-(.+)\.error\.txt$/;

/**
 * The files the drop folder at `dir` refused, newest first: what lies in its failed/ folder,
 * each with the reason written beside it. None when the folder was never used.
 */
export async function refusedFiles(dir: string, limit = 20): Promise<RefusedFile[]> {
  const failed = join(dir, 'failed');
  const names = await readdir(failed).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  const notes = names
    .map((name) => ERROR_NOTE.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ note: match[0], stamp: Number(match[1]), file: match[2] ?? '' }))
    .sort((a, b) => b.stamp - a.stamp)
    .slice(0, limit);
  return Promise.all(
    notes.map(async ({ note, stamp, file }) => ({
      file,
      refusedAt: new Date(stamp),
      reason: (await readFile(join(failed, note), 'utf8').catch(() => '')).trim(),
    })),
  );
}

export function watchDropFolder(options: DropFolderOptions) {
  const { dir, log, settleMs = 1000, now = () => new Date() } = options;
  const folders = {
    processing: join(dir, 'processing'),
    processed: join(dir, 'processed'),
    failed: join(dir, 'failed'),
  };
  let ready: Promise<void> | undefined;
  let running: Promise<ScanReport> | undefined;

  /** The folders made, and whatever a stopped process left half-read put back to be read again. */
  async function prepare(): Promise<void> {
    for (const folder of Object.values(folders)) await mkdir(folder, { recursive: true });
    for (const left of await readdir(folders.processing)) {
      await rename(join(folders.processing, left), join(dir, left.replace(/^\d+-/, '')));
    }
  }

  async function readOne(name: string, claimed: string): Promise<void> {
    const format = FORMATS[extname(name).toLowerCase()];
    if (format === undefined) throw new Error('not a .xml (NewsML-G2) or .json (ninjs) file');
    if ((await stat(claimed)).size > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES} bytes`);
    await options.ingest(format, await readFile(claimed, 'utf8'));
  }

  /** One file: claimed, read, moved aside; false when another process claimed it first. */
  async function take(name: string, report: ScanReport): Promise<void> {
    const stamped = `${now().getTime()}-${name}`;
    const claimed = join(folders.processing, stamped);
    try {
      await rename(join(dir, name), claimed);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    try {
      await readOne(name, claimed);
      await rename(claimed, join(folders.processed, stamped));
      report.processed.push(name);
      log.info({ file: name }, 'wire file read');
    } catch (error) {
      const reason = reasonOf(error);
      await rename(claimed, join(folders.failed, stamped));
      await writeFile(join(folders.failed, `${stamped}.error.txt`), `${reason}\n`);
      report.failed.push({ file: name, reason });
      log.warn({ file: name, reason }, 'wire file refused');
    }
  }

  async function scanOnce(): Promise<ScanReport> {
    ready ??= prepare();
    await ready;
    const report: ScanReport = { processed: [], failed: [] };
    const entries = await readdir(dir, { withFileTypes: true });
    const settled = now().getTime() - settleMs;
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      const info = await stat(join(dir, entry.name)).catch(() => undefined);
      if (info === undefined || info.mtimeMs > settled) continue;
      await take(entry.name, report);
    }
    return report;
  }

  /** Looks at the folder now (a look already under way is waited for, not doubled). */
  function scan(): Promise<ScanReport> {
    running ??= scanOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer =
    options.intervalMs === 0
      ? undefined
      : setInterval(() => {
          scan().catch((error: unknown) => {
            log.warn({ err: error, dir }, 'wire drop folder could not be read');
          });
        }, options.intervalMs ?? 2000);
  timer?.unref();

  return {
    scan,
    close(): void {
      if (timer) clearInterval(timer);
    },
  };
}

export type DropFolder = ReturnType<typeof watchDropFolder>;
