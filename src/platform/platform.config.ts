// Configuration comes from environment variables, over those of a .env file in the working
// directory; every one is listed in .env.example and validated here, at start-up, with a message
// that names the variable.
import { EnvFileError, withEnvFile } from './platform.envfile.js';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** `sqlite:<path>`, `sqlite::memory:` or a `postgres://` URL. */
  readonly databaseUrl: string;
  readonly databaseEngine: DatabaseEngine;
  /** For PostgreSQL only: the schema to use (tests isolate themselves with it). */
  readonly databaseSchema: string | undefined;
  readonly redisUrl: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly workers: number;
  /** Number of trusted proxy hops in front of the app (0: use the socket address). */
  readonly trustProxy: number;
  readonly seedDemo: boolean;
  readonly siteName: string;
  /** Largest accepted request body in bytes. */
  readonly bodyLimit: number;
  readonly production: boolean;
  /** How often polling clients should ask again (ms); sent in every polling reply. */
  readonly pollIntervalMs: number;
  /** Live streams one client address may hold at once. */
  readonly streamsPerAddress: number;
  /** How often each live channel checks the database for events a lost doorbell missed (ms). */
  readonly liveSweepMs: number;
  /** Where uploaded photos are kept (the disk store). */
  readonly mediaDir: string;
  /** Read the titles of pasted links through the guarded fetcher (off where there is no network). */
  readonly embedFetch: boolean;
  /** The Hunspell dictionary for proofing, without .aff/.dic; undefined: proofing is off. */
  readonly proofDictionary: string | undefined;
  /** A port of its own for /metrics; unset: /metrics on the reader port needs the token. */
  readonly metricsPort: number | undefined;
  /** Where the metrics port listens (loopback unless told otherwise). */
  readonly metricsHost: string;
  /** Bearer token for /metrics on the reader port, when there is no metrics port. */
  readonly metricsToken: string | undefined;
  /** Key for the address hashes in security logs; unset: a new random key at each start. */
  readonly logHashSecret: string | undefined;
  /** 32 bytes that seal the TOTP secrets at rest (AES-256-GCM); undefined: stored unsealed. */
  readonly twoFactorKey: Buffer | undefined;
  /** Shared caches (CDN, nginx): how long they keep reader pages, and how they are purged. */
  readonly cache: CacheConfig;
  /** A folder the wire desk watches for agency files (NewsML-G2 .xml, ninjs .json); unset: none. */
  readonly wireDropDir: string | undefined;
  /** Web Push (VAPID): the operator's key pair, or none (then one is made once and stored). */
  readonly push: PushConfig;
}

export interface PushConfig {
  /** base64url: the uncompressed P-256 public key (65 bytes) and the private key (32 bytes). */
  readonly vapidKeys: { readonly publicKey: string; readonly privateKey: string } | undefined;
  /** Who push services may contact about our pushes: a mailto: or https: address. */
  readonly subject: string;
}

export interface CacheConfig {
  readonly sMaxAge: number;
  readonly staleWhileRevalidate: number;
  readonly staleIfError: number;
  readonly purge: 'none' | 'url' | 'nginx';
  readonly purgeUrl: string | undefined;
  readonly purgeToken: string | undefined;
  /** Each worker's memory for finished reader pages, in bytes (0: render every request). */
  readonly pageMemoryBytes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** The trimmed value, or undefined when unset or blank. */
function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(name: string, raw: string, protocols: string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return parsed;
}

function databaseEngineOf(raw: string): DatabaseEngine {
  if (raw.startsWith('sqlite:')) return 'sqlite';
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    url('DATABASE_URL', raw, ['postgres:', 'postgresql:']);
    return 'postgres';
  }
  throw new ConfigError(
    `DATABASE_URL must be "sqlite:<file>", "sqlite::memory:" or a postgres:// URL, got "${raw}"`,
  );
}

function proofDictionary(env: Env): string | undefined {
  const raw = value(env, 'PROOF_DICTIONARY') ?? '/usr/share/hunspell/ar';
  if (raw === 'off') return undefined;
  if (/\.(aff|dic)$/.test(raw) || raw.includes('\0')) {
    throw new ConfigError(
      `PROOF_DICTIONARY names the dictionary without .aff or .dic (or is "off"), got "${raw}"`,
    );
  }
  return raw;
}

function twoFactorKey(env: Env): Buffer | undefined {
  const raw = value(env, 'TWO_FACTOR_KEY');
  if (raw === undefined) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : undefined;
  if (key?.length !== 32) {
    throw new ConfigError(
      'TWO_FACTOR_KEY must be 32 bytes as 64 hex digits or base64 (make one with `openssl rand -base64 32`)',
    );
  }
  return key;
}

function base64urlBytes(raw: string): number {
  return /^[A-Za-z0-9_-]+=*$/.test(raw) ? Buffer.from(raw, 'base64url').length : -1;
}

function pushConfig(env: Env, publicUrl: string): PushConfig {
  const publicKey = value(env, 'VAPID_PUBLIC_KEY');
  const privateKey = value(env, 'VAPID_PRIVATE_KEY');
  if ((publicKey === undefined) !== (privateKey === undefined)) {
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together or not at all');
  }
  if (publicKey !== undefined && base64urlBytes(publicKey) !== 65) {
    throw new ConfigError('VAPID_PUBLIC_KEY must be a P-256 public key, 65 bytes in base64url');
  }
  if (privateKey !== undefined && base64urlBytes(privateKey) !== 32) {
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key, 32 bytes in base64url');
  }
  const site = new URL(publicUrl);
  const subject =
    value(env, 'VAPID_SUBJECT') ??
    (site.protocol === 'https:' ? publicUrl : `mailto:push@${site.hostname}`);
  const parsed = url('VAPID_SUBJECT', subject, ['mailto:', 'https:']);
  if (parsed.protocol === 'mailto:' && !subject.includes('@')) {
    throw new ConfigError(
      `VAPID_SUBJECT must be a mailto: address or an https: URL, got "${subject}"`,
    );
  }
  return {
    vapidKeys: publicKey && privateKey ? { publicKey, privateKey } : undefined,
    subject,
  };
}

const PURGE_MODES = ['none', 'url', 'nginx'] as const;

function cacheConfig(env: Env): CacheConfig {
  const modeRaw = value(env, 'CACHE_PURGE') ?? 'none';
  const purge = PURGE_MODES.find((mode) => mode === modeRaw);
  if (purge === undefined) {
    throw new ConfigError(`CACHE_PURGE must be one of ${PURGE_MODES.join(', ')}, got "${modeRaw}"`);
  }
  const purgeUrl = value(env, 'CACHE_PURGE_URL');
  if (purge !== 'none' && purgeUrl === undefined) {
    throw new ConfigError(`CACHE_PURGE=${purge} needs CACHE_PURGE_URL`);
  }
  if (purgeUrl !== undefined) url('CACHE_PURGE_URL', purgeUrl, ['http:', 'https:']);
  return {
    sMaxAge: integer(env, 'CACHE_S_MAXAGE', 60, 0, 31_536_000),
    staleWhileRevalidate: integer(env, 'CACHE_STALE_WHILE_REVALIDATE', 30, 0, 31_536_000),
    staleIfError: integer(env, 'CACHE_STALE_IF_ERROR', 86_400, 0, 31_536_000),
    purge,
    purgeUrl,
    purgeToken: value(env, 'CACHE_PURGE_TOKEN'),
    pageMemoryBytes: integer(env, 'PAGE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
  };
}

/** Every variable Ajil reads (a .env file may set these and no others). */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'REDIS_URL',
  'PUBLIC_URL',
  'LOG_LEVEL',
  'SITE_NAME',
  'METRICS_TOKEN',
  'LOG_HASH_SECRET',
  'WORKERS',
  'TRUST_PROXY',
  'SEED_DEMO',
  'BODY_LIMIT',
  'POLL_INTERVAL_MS',
  'STREAMS_PER_ADDRESS',
  'LIVE_SWEEP_MS',
  'MEDIA_DIR',
  'EMBED_FETCH',
  'METRICS_PORT',
  'METRICS_HOST',
  'PROOF_DICTIONARY',
  'CACHE_S_MAXAGE',
  'CACHE_STALE_WHILE_REVALIDATE',
  'CACHE_STALE_IF_ERROR',
  'CACHE_PURGE',
  'CACHE_PURGE_URL',
  'PAGE_CACHE_MB',
  'CACHE_PURGE_TOKEN',
  'TWO_FACTOR_KEY',
  'WIRE_DROP_DIR',
  'VAPID_PUBLIC_KEY',
  'VAPID_PRIVATE_KEY',
  'VAPID_SUBJECT',
  'NODE_ENV',
]);

/** The process's environment over ./.env; a malformed .env is a ConfigError. */
export function startEnvironment(path = '.env'): Env {
  try {
    return withEnvFile(process.env, KNOWN_VARIABLES, path);
  } catch (error) {
    if (error instanceof EnvFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Reads and validates the configuration (by default the environment over ./.env); throws
 * ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env = startEnvironment()): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = value(env, 'HOST') ?? 'localhost';
  const databaseUrl = value(env, 'DATABASE_URL') ?? 'sqlite:./data/ajil.db';
  const databaseEngine = databaseEngineOf(databaseUrl);
  const databaseSchema = value(env, 'DATABASE_SCHEMA');
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError(
      `DATABASE_SCHEMA must be a lower-case SQL identifier, got "${databaseSchema}"`,
    );
  }
  const redisUrl = value(env, 'REDIS_URL');
  if (redisUrl !== undefined) url('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  const publicUrlRaw = value(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  const publicUrl = url('PUBLIC_URL', publicUrlRaw, ['http:', 'https:'])
    .toString()
    .replace(/\/$/, '');
  const logLevelRaw = value(env, 'LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (logLevel === undefined) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelRaw}"`,
    );
  }
  const metricsToken = value(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 24) {
    throw new ConfigError('METRICS_TOKEN must be at least 24 characters (use a random string)');
  }
  const logHashSecret = value(env, 'LOG_HASH_SECRET');
  if (logHashSecret !== undefined && logHashSecret.length < 16) {
    throw new ConfigError('LOG_HASH_SECRET must be at least 16 characters');
  }
  const siteName = value(env, 'SITE_NAME') ?? 'عاجل';
  if (siteName.length > 80) throw new ConfigError('SITE_NAME must be at most 80 characters');
  return {
    port,
    host,
    databaseUrl,
    databaseEngine,
    databaseSchema,
    redisUrl,
    publicUrl,
    logLevel,
    workers: integer(env, 'WORKERS', 1, 1, 64),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    seedDemo: boolean(env, 'SEED_DEMO', true),
    siteName,
    bodyLimit: integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 50 * 1024 * 1024),
    production: env.NODE_ENV === 'production',
    pollIntervalMs: integer(env, 'POLL_INTERVAL_MS', 5000, 1000, 300_000),
    streamsPerAddress: integer(env, 'STREAMS_PER_ADDRESS', 200, 1, 1_000_000),
    liveSweepMs: integer(env, 'LIVE_SWEEP_MS', 3000, 100, 600_000),
    mediaDir: value(env, 'MEDIA_DIR') ?? './data/media',
    embedFetch: boolean(env, 'EMBED_FETCH', true),
    proofDictionary: proofDictionary(env),
    metricsPort:
      value(env, 'METRICS_PORT') === undefined
        ? undefined
        : integer(env, 'METRICS_PORT', 0, 1, 65535),
    metricsHost: value(env, 'METRICS_HOST') ?? '127.0.0.1',
    metricsToken,
    logHashSecret,
    cache: cacheConfig(env),
    twoFactorKey: twoFactorKey(env),
    wireDropDir: value(env, 'WIRE_DROP_DIR'),
    push: pushConfig(env, publicUrl),
  };
}

/** A configuration for tests: in-memory SQLite, quiet logs, no demo. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      EMBED_FETCH: 'false',
      PUBLIC_URL: 'http://localhost:3000',
    }),
    ...overrides,
  };
}
