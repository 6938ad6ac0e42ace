// API tokens: made and revoked by the CLI, checked on every API write. Stored as SHA-256 only:
// a token is 256 random bits, so a fast hash is enough and lookups stay one indexed query.
import { createHash, randomBytes } from 'node:crypto';
import type { BaseDeps } from '../platform/platform.deps.js';
import { errors, things } from '../platform/platform.errors.js';
import { anonymousActor, type Actor, type Role } from './access.policy.js';
import { createTokenRepository, createUserRepository, type ApiToken } from './access.repository.js';
import { normaliseEmail } from './access.signin.js';
import { normaliseName } from '../lib/text.normalise.js';

const TOKEN_PREFIX = 'ajil_';
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createTokenService({ db, clock }: BaseDeps) {
  const tokens = createTokenRepository();
  const users = createUserRepository();
  return {
    /**
     * Called by the CLI, which runs with the operator's rights. Returns the token once. A token
     * made for a person (`ownerEmail`) stops working when their account is disabled.
     */
    async create(
      name: string,
      role: Role,
      ownerEmail?: string,
    ): Promise<{ token: string; record: ApiToken }> {
      const owner =
        ownerEmail === undefined ? undefined : await users.byEmail(db, normaliseEmail(ownerEmail));
      if (ownerEmail !== undefined && !owner)
        throw errors.notFound({ ar: `الحساب ${ownerEmail}`, en: `The account ${ownerEmail}` });
      const ownerUserId = owner?.id ?? null;
      const cleanName = normaliseName(name);
      if (cleanName === '' || cleanName.length > 120) {
        throw errors.validation([{ field: 'name', message: 'must be 1 to 120 characters' }]);
      }
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const record = await db
        .transaction()
        .execute((trx) =>
          tokens.insert(trx, cleanName, role, hashToken(token), clock.now(), ownerUserId),
        );
      return { token, record };
    },

    list: () => tokens.list(db),

    async revoke(id: number): Promise<void> {
      const done = await db.transaction().execute((trx) => tokens.revoke(trx, id, clock.now()));
      if (!done) throw errors.notFound(things.token);
    },

    /** The actor behind an Authorization header; throws 401 for a malformed, unknown or revoked token. */
    async authenticate(header: string | undefined): Promise<Actor> {
      if (header === undefined) return anonymousActor;
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header.trim());
      if (!match?.[1]) throw errors.unauthorized();
      const record = await tokens.findActiveByHash(db, hashToken(match[1]));
      if (!record) throw errors.unauthorized();
      const now = clock.now();
      if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await db.transaction().execute((trx) => tokens.touch(trx, record.id, now));
      }
      return { kind: 'token', id: record.id, name: record.name, role: record.role };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
