import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './platform.config.js';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseEngine: 'sqlite',
      databaseUrl: 'sqlite:./data/ajil.db',
      publicUrl: 'http://localhost:3000',
      workers: 1,
      seedDemo: true,
    });
  });

  it('recognises PostgreSQL and Redis URLs', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/ajil',
      REDIS_URL: 'redis://r:6379',
    });
    expect(config.databaseEngine).toBe('postgres');
    expect(config.redisUrl).toBe('redis://r:6379');
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be/],
    ['REDIS_URL', 'http://x', /REDIS_URL must use redis:/],
    ['PUBLIC_URL', 'not a url', /PUBLIC_URL is not a valid URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['WORKERS', '0', /WORKERS must be between 1/],
    ['DATABASE_SCHEMA', 'x; drop', /DATABASE_SCHEMA must be/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names the proofing dictionary without its extension, or turns proofing off', () => {
    expect(loadConfig({}).proofDictionary).toBe('/usr/share/hunspell/ar');
    expect(loadConfig({ PROOF_DICTIONARY: 'off' }).proofDictionary).toBeUndefined();
    expect(() => loadConfig({ PROOF_DICTIONARY: '/usr/share/hunspell/ar.dic' })).toThrow(
      /PROOF_DICTIONARY/,
    );
  });

  it('reads the two-factor key as 32 bytes of hex or base64, and refuses anything else', () => {
    expect(loadConfig({}).twoFactorKey).toBeUndefined();
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ TWO_FACTOR_KEY: hex }).twoFactorKey?.toString('hex')).toBe(hex);
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ TWO_FACTOR_KEY: base64 }).twoFactorKey).toEqual(Buffer.alloc(32, 7));
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')])
      expect(() => loadConfig({ TWO_FACTOR_KEY: bad })).toThrow(/TWO_FACTOR_KEY/);
  });

  it('lists every variable it reads in .env.example', () => {
    const source = readFileSync(new URL('./platform.config.ts', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]));
    read.add('NODE_ENV');
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect(example).toMatch(new RegExp(`^${String(name)}=`, 'm'));
  });
});
