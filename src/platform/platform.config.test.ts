import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, KNOWN_VARIABLES, loadConfig, startEnvironment } from './platform.config.js';
import { parseEnvFile, withEnvFile } from './platform.envfile.js';

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

  it('takes a VAPID key pair only whole and well formed, and a subject push services can write to', async () => {
    const { generateVAPIDKeys } = (await import('web-push')).default;
    const keys = generateVAPIDKeys();
    const pair = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
    expect(loadConfig(pair).push.vapidKeys).toEqual(keys);
    expect(loadConfig({}).push).toEqual({
      vapidKeys: undefined,
      subject: 'mailto:push@localhost',
    });
    expect(loadConfig({ PUBLIC_URL: 'https://news.example' }).push.subject).toBe(
      'https://news.example',
    );
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/set together/);
    expect(() => loadConfig({ ...pair, VAPID_PUBLIC_KEY: 'c2hvcnQ' })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => loadConfig({ ...pair, VAPID_PRIVATE_KEY: keys.publicKey })).toThrow(
      /VAPID_PRIVATE_KEY/,
    );
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://news.example' })).toThrow(/VAPID_SUBJECT/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'mailto:nobody' })).toThrow(/VAPID_SUBJECT/);
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

describe('the .env file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ajil-env-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('knows exactly the variables the configuration reads, all of them in .env.example', () => {
    const source = readFileSync(new URL('./platform.config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => String(m[1])));
    read.add('NODE_ENV');
    expect([...KNOWN_VARIABLES].sort()).toEqual([...read].sort());
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const parsed = parseEnvFile(example, KNOWN_VARIABLES, '.env.example');
    expect(Object.keys(parsed).sort()).toEqual([...KNOWN_VARIABLES].sort());
    // The example, copied as it is, is a valid configuration.
    expect(() => loadConfig(parsed)).not.toThrow();
  });

  it('is read beneath the environment, with quotes, export and comments', () => {
    const path = file(
      'good.env',
      [
        '# a comment',
        'export PORT=4100',
        'SITE_NAME="عاجل \\"اليوم\\""',
        "PUBLIC_URL='https://news.example'  # the public address",
        'LOG_LEVEL=warn # quieter',
        'HOST=',
        '',
      ].join('\n'),
    );
    const env = withEnvFile({ LOG_LEVEL: 'error', UNRELATED: 'x' }, KNOWN_VARIABLES, path);
    const config = loadConfig(env);
    expect(config.port).toBe(4100);
    expect(config.siteName).toBe('عاجل "اليوم"');
    expect(config.publicUrl).toBe('https://news.example');
    expect(config.logLevel).toBe('error'); // the environment wins
    expect(config.host).toBe('localhost'); // empty means the default
  });

  it('no file: the environment alone', () => {
    expect(withEnvFile({ PORT: '1' }, KNOWN_VARIABLES, join(dir, 'absent.env'))).toEqual({
      PORT: '1',
    });
  });

  it.each([
    ['PORT 3000', /line 2: expected NAME=value/],
    ['DATABSE_URL=sqlite:x.db', /line 2: DATABSE_URL is not a setting Ajil reads/],
    ['SITE_NAME="unclosed', /line 2: the quote is not closed/],
  ])('refuses %s with its line number', (line, message) => {
    const path = file('bad.env', `# first line\n${line}\n`);
    expect(() => withEnvFile({}, KNOWN_VARIABLES, path)).toThrow(message);
  });

  it('values from .env are validated like the environment, naming the variable', () => {
    const path = file('invalid.env', 'WORKERS=many\n');
    expect(() => loadConfig(withEnvFile({}, KNOWN_VARIABLES, path))).toThrow(
      /WORKERS must be a whole number/,
    );
  });

  it('at start, a malformed .env is a configuration error', () => {
    const path = file('start.env', 'NOT A LINE\n');
    expect(() => startEnvironment(path)).toThrow(ConfigError);
  });
});
