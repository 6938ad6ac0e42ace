// The operator's command line: `npm run cli -- token create --name NAME [--role editor]`,
// `token list`, `token revoke ID`.
import { parseArgs } from 'node:util';
import { loadConfig } from './platform/platform.config.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './storage/storage.database.js';
import { createTokenService } from './access/access.tokens.js';
import { createAccessServices } from './services.js';
import { createSearchService } from './search/search.service.js';
import { isRole, ROLES } from './access/access.policy.js';
import { systemClock } from './platform/platform.clock.js';
import { AppError } from './platform/platform.errors.js';
import { LINK_HOURS } from './access/access.reset.js';
import { backupCommand } from './storage/storage.backup-cli.js';

const usage = `Usage:
  npm run cli -- user create --email EMAIL --name "DISPLAY NAME" --role ${ROLES.join('|')}
      (the role is required; asks for the password, or reads it from standard input when that
      is not a terminal)
  npm run cli -- user reset-link --email EMAIL
      (prints a one-time link to set a new password, valid ${LINK_HOURS} hours: no e-mail server needed)
  npm run cli -- user reset-two-factor --email EMAIL
      (turns the person's two-factor sign-in off and ends their sessions: a lost phone and codes)
  npm run cli -- token create --name NAME [--role ${ROLES.join('|')}] [--for EMAIL | --desk "DESK"]
      (default role: editor; --for: the person it belongs to, --desk: the desk; the name is
       never shown to readers: an update made with it has no byline unless the request gives one)
  npm run cli -- search reindex                  (rebuilds the search index from the published updates)
  npm run cli -- token list
  npm run cli -- token revoke ID
  npm run cli -- backup DIR       (SQLite: a consistent copy of the database and the photos, while serving)
  npm run cli -- restore DIR      (SQLite, server stopped: puts a backup in place; keeps the old file)
  npm run cli -- check            (database integrity and migrations, without changing anything)
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      for: { type: 'string' },
      desk: { type: 'string' },
    },
  });
  const [group, command, argument] = positionals;
  if (group === 'user' && command === 'create') return createUser(values);
  if (group === 'user' && command === 'reset-link') return resetLink(values.email);
  if (group === 'user' && command === 'reset-two-factor') return resetTwoFactor(values.email);
  if (group === 'search' && command === 'reindex') return reindex();
  if (group === 'backup' || group === 'restore' || group === 'check') {
    return backupCommand(group, command, loadConfig(), usage);
  }
  if (group !== 'token' || command === undefined) {
    process.stderr.write(usage);
    return 64;
  }
  return withDatabase(async (db) => {
    const tokens = createTokenService({ db, clock: systemClock });
    switch (command) {
      case 'create': {
        const role = values.role ?? 'editor';
        if (!values.name || !isRole(role)) {
          process.stderr.write(usage);
          return 64;
        }
        const owner = {
          ...(values.for !== undefined && { email: values.for }),
          ...(values.desk !== undefined && { desk: values.desk }),
        };
        const { token, record } = await tokens.create(values.name, role, owner);
        process.stdout.write(
          `Token #${record.id} "${record.name}" (${record.role}${ownerLabel(record)}) — shown once, keep it safe:\n${token}\n`,
        );
        return 0;
      }
      case 'list': {
        for (const record of await tokens.list()) {
          const state = record.revokedAt ? `revoked ${record.revokedAt.toISOString()}` : 'active';
          process.stdout.write(
            `#${record.id}\t${record.role}\t${state}\t${record.name}${ownerLabel(record)}\tlast used ${record.lastUsedAt?.toISOString() ?? 'never'}\n`,
          );
        }
        return 0;
      }
      case 'revoke': {
        const id = Number(argument);
        if (!Number.isSafeInteger(id) || id < 1) {
          process.stderr.write(usage);
          return 64;
        }
        await tokens.revoke(id);
        process.stdout.write(`Token #${id} revoked.\n`);
        return 0;
      }
      default:
        process.stderr.write(usage);
        return 64;
    }
  });
}

/** Whom a token belongs to, for the operator's lines. */
function ownerLabel(record: { ownerUserId: number | null; ownerDesk: string | null }): string {
  if (record.ownerUserId !== null) return `, person #${record.ownerUserId}`;
  return record.ownerDesk === null ? '' : `, desk "${record.ownerDesk}"`;
}

/** Opens and migrates the database, runs the command, reports our errors in both languages. */
async function withDatabase(run: (db: DatabaseHandle['db']) => Promise<number>): Promise<number> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    return await run(database.db);
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.messages.en} / ${error.messages.ar}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function reindex(): Promise<number> {
  return withDatabase(async (db) => {
    const count = await createSearchService({ db, clock: systemClock }).reindexAll();
    process.stdout.write(`Search index rebuilt: ${count} documents.
`);
    return 0;
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const { createInterface } = await import('node:readline/promises');
    const { Writable } = await import('node:stream');
    process.stderr.write('Password (8 to 128 characters): ');
    // The typed characters are not echoed.
    const silent = new Writable({
      write: (_chunk, _encoding, done) => {
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
    const answer = await rl.question('');
    rl.close();
    process.stderr.write('\n');
    return answer;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function createUser(values: {
  name?: string;
  role?: string;
  email?: string;
}): Promise<number> {
  const { email, name, role } = values;
  if (!email || !name || role === undefined || !isRole(role)) {
    if (role === undefined) process.stderr.write('--role is required: there is no default.\n');
    process.stderr.write(usage);
    return 64;
  }
  const password = await readPassword();
  return withDatabase(async (db) => {
    const { siteName, twoFactorKey } = loadConfig();
    const { accounts } = createAccessServices({ db, clock: systemClock, siteName, twoFactorKey });
    const operator = { kind: 'user' as const, id: null, name: 'cli', role: 'admin' as const };
    const user = await accounts.createUser(operator, {
      email,
      displayName: name,
      role,
      password,
    });
    process.stdout.write(
      `Account #${user.id} ${user.email} (${user.role}) created. Sign in at /newsroom/login\n`,
    );
    return 0;
  });
}

async function resetLink(email: string | undefined): Promise<number> {
  if (!email) {
    process.stderr.write(usage);
    return 64;
  }
  return withDatabase(async (db) => {
    const config = loadConfig();
    const { siteName, twoFactorKey } = config;
    const { resetLinks } = createAccessServices({ db, clock: systemClock, siteName, twoFactorKey });
    const operator = { kind: 'user' as const, id: null, name: 'cli', role: 'admin' as const };
    const { path, expiresAt, user } = await resetLinks.createByEmail(operator, email);
    process.stdout.write(
      `One-time link for ${user.email}, valid until ${expiresAt.toISOString()} — shown once:\n${new URL(path, config.publicUrl).toString()}\n`,
    );
    return 0;
  });
}

async function resetTwoFactor(email: string | undefined): Promise<number> {
  if (!email) {
    process.stderr.write(usage);
    return 64;
  }
  return withDatabase(async (db) => {
    const { siteName, twoFactorKey } = loadConfig();
    const { twoFactor } = createAccessServices({ db, clock: systemClock, siteName, twoFactorKey });
    const operator = { kind: 'user' as const, id: null, name: 'cli', role: 'admin' as const };
    const done = await twoFactor.resetByEmail(operator, email);
    process.stdout.write(
      done
        ? `Two-factor sign-in of ${email} is off; their sessions have ended.\n`
        : `${email} had no two-factor sign-in.\n`,
    );
    return 0;
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
