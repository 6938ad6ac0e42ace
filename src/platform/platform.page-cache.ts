// Whole pages from memory. A reader page is the same bytes for every anonymous reader until its
// live page changes, so each worker keeps the finished HTML (and its brotli and gzip forms,
// compressed once) under the page's address, with the version it was rendered at — for a live
// page its newest event sequence. A request at the same version is answered from memory without
// a query or a render; a newer version renders once, however many readers ask at the same moment.
// Ground floor: it knows keys, versions and bytes, never a live page.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export type PageEncoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  readonly key: string;
  readonly version: string;
  readonly etag: string;
  readonly identity: Buffer;
  /** Compressed on first request in each encoding, then kept. */
  readonly encoded: Map<'br' | 'gzip', Promise<Buffer>>;
  /** The bytes of the compressed forms made so far. */
  compressedBytes: number;
}

export interface PageCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
}

export interface PageCache {
  /**
   * The page at `key` as rendered at `version`: from memory when it was, else rendered now
   * (once for all who ask meanwhile) and kept. `render` must depend on nothing but the key and
   * the state the version names.
   */
  page(key: string, version: string, render: () => Promise<string>): Promise<CachedPage>;
  /** Writes a cached page to the reply: 304 when the reader has it, else the best encoding. */
  send(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Promise<FastifyReply>;
  stats(): PageCacheStats;
}

/** Brotli's best quality: paid once per page and version, read by every reader after. */
const BROTLI_QUALITY = 11;

/** Pages too small to gain from compression go out as they are (platform.compress.ts agrees). */
const COMPRESS_FROM = 1024;

function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipped(body, { level: 9 });
}

/** The encoding a request accepts, best first: br, then gzip, else none (q=0 refuses one). */
export function acceptedEncoding(header: string | undefined): PageEncoding {
  if (!header) return 'identity';
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

function makePage(key: string, version: string, html: string): CachedPage {
  const identity = Buffer.from(html);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  return { key, version, etag: `"${hash}"`, identity, encoded: new Map(), compressedBytes: 0 };
}

const sizeOf = (page: CachedPage): number => page.identity.length + page.compressedBytes;

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function createPageCache({ maxBytes }: { readonly maxBytes: number }): PageCache {
  const pages = new Map<string, CachedPage>();
  const rendering = new Map<string, Promise<CachedPage>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function keep(key: string, page: CachedPage): void {
    const old = pages.get(key);
    if (old) bytes -= sizeOf(old);
    pages.delete(key);
    if (sizeOf(page) > maxBytes) return;
    pages.set(key, page);
    bytes += sizeOf(page);
    evict();
  }

  function evict(): void {
    for (const [key, page] of pages) {
      if (bytes <= maxBytes) return;
      pages.delete(key);
      bytes -= sizeOf(page);
    }
  }

  /** Per key, the version whose render started last: an older render ending later is not kept. */
  const newest = new Map<string, string>();

  async function render(key: string, version: string, fn: () => Promise<string>) {
    newest.set(key, version);
    try {
      const page = makePage(key, version, await fn());
      if (newest.get(key) === version) keep(key, page);
      return page;
    } finally {
      if (newest.get(key) === version) newest.delete(key);
    }
  }

  function page(key: string, version: string, fn: () => Promise<string>): Promise<CachedPage> {
    const cached = pages.get(key);
    if (cached?.version === version) {
      hits += 1;
      // Most recently used last: eviction takes the oldest first.
      pages.delete(key);
      pages.set(key, cached);
      return Promise.resolve(cached);
    }
    misses += 1;
    const flight = `${key}\n${version}`;
    const running = rendering.get(flight);
    if (running) return running;
    const started = render(key, version, fn).finally(() => rendering.delete(flight));
    rendering.set(flight, started);
    return started;
  }

  function bodyOf(page: CachedPage, encoding: 'br' | 'gzip'): Promise<Buffer> {
    let body = page.encoded.get(encoding);
    if (!body) {
      body = compress(page.identity, encoding);
      page.encoded.set(encoding, body);
      void body.then(
        (buffer) => {
          page.compressedBytes += buffer.length;
          if (pages.get(page.key) === page) {
            bytes += buffer.length;
            evict();
          }
        },
        () => page.encoded.delete(encoding),
      );
    }
    return body;
  }

  async function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
    const accepted = acceptedEncoding(request.headers['accept-encoding']);
    const encoding = page.identity.length < COMPRESS_FROM ? 'identity' : accepted;
    // Each encoding is its own representation, with its own strong validator.
    const etag = encoding === 'identity' ? page.etag : `${page.etag.slice(0, -1)}-${encoding}"`;
    void reply.header('etag', etag);
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    if (encoding === 'identity') return reply.send(page.identity);
    const body = await bodyOf(page, encoding);
    return reply.header('content-encoding', encoding).send(body);
  }

  return {
    page,
    send,
    stats: () => ({ entries: pages.size, bytes, hits, misses }),
  };
}

export interface VersionMemo<T> {
  /** The value for `key`, read again when older than the memo's lifetime. */
  get(key: string): Promise<T>;
  /** Drops the values `test` picks, so the next ask reads them again (a doorbell rang). */
  forget(test: (value: T) => boolean): void;
}

interface Remembered<T> {
  readonly at: number;
  readonly value: Promise<T>;
  settled?: T;
}

/** Most keys a memo holds; past it, the oldest go first (addresses nobody reads stay out). */
const MEMO_LIMIT = 10_000;

/**
 * Versions asked at most once per `ttlMs` per key: readers of a busy page cost the database
 * one small read a second per worker, and a doorbell (`forget`) makes a change show at once.
 * A failed read is not kept.
 */
export function createVersionMemo<T>(
  read: (key: string) => Promise<T>,
  ttlMs: number,
  now: () => number = () => performance.now(),
): VersionMemo<T> {
  const memo = new Map<string, Remembered<T>>();

  function get(key: string): Promise<T> {
    const found = memo.get(key);
    if (found && now() - found.at < ttlMs) return found.value;
    const entry: Remembered<T> = { at: now(), value: read(key) };
    entry.value.then(
      (value) => {
        entry.settled = value;
      },
      () => {
        if (memo.get(key) === entry) memo.delete(key);
      },
    );
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value ?? key);
    return entry.value;
  }

  function forget(test: (value: T) => boolean): void {
    for (const [key, entry] of memo) {
      if (entry.settled === undefined || test(entry.settled)) memo.delete(key);
    }
  }

  return { get, forget };
}
