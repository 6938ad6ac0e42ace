// API tokens: made and revoked by the CLI, checked on every API write. Stored as SHA-256 only:
// a token is 256 random bits, so a fast hash is enough and lookups stay one indexed query.
import { createHash, randomBytes } from 'node:crypto';
import type { BaseDeps } from '../platform/platform.deps.js';
import { errors, things } from '../platform/platform.errors.js';
import { anonymousActor, type Actor, type Role } from './access.policy.js';
import {
  createTokenRepository,
  createUserRepository,
  type ApiToken,
  type TokenOwner,
} from './access.repository.js';
import { normaliseName } from '../lib/text.normalise.js';
import { normaliseEmail } from './access.signin.js';

/** Whom a token is made for, as the CLI names it: a person by e-mail, or a desk by name. */
export interface TokenFor {
  readonly email?: string;
  readonly desk?: string;
}

const ownerRefused = (en: string, ar: string) =>
  errors.validation([{ field: 'for', message: en }], { ar, en });

const TOKEN_PREFIX = 'ajil_';
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createTokenService({ db, clock }: BaseDeps) {
  const tokens = createTokenRepository();
  const users = createUserRepository();

  /** The owner a token is made for: the person's account (which must exist) or the desk. */
  async function ownerOf(owner: TokenFor): Promise<TokenOwner> {
    if (owner.email !== undefined && owner.desk !== undefined)
      throw ownerRefused('a person or a desk, not both', 'لشخص أو لمكتب، لا لكليهما.');
    if (owner.email !== undefined) {
      const user = await users.byEmail(db, normaliseEmail(owner.email));
      if (!user) throw ownerRefused('no account has this e-mail', 'لا حساب بهذا البريد.');
      return { userId: user.id };
    }
    if (owner.desk === undefined) return {};
    const desk = normaliseName(owner.desk);
    if (desk === '' || desk.length > 120)
      throw ownerRefused('a desk name of 1 to 120 characters', 'اسم المكتب من 1 إلى 120 حرفًا.');
    return { desk };
  }

  return {
    /**
     * Called by the CLI, which runs with the operator's rights. Returns the token once. The
     * token's name is for the newsroom only: readers never see it (an update made with it has
     * no byline unless the request gives one).
     */
    async create(
      name: string,
      role: Role,
      owner: TokenFor = {},
    ): Promise<{ token: string; record: ApiToken }> {
      const cleanName = normaliseName(name);
      if (cleanName === '' || cleanName.length > 120) {
        throw errors.validation([{ field: 'name', message: 'must be 1 to 120 characters' }]);
      }
      const belongsTo = await ownerOf(owner);
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const record = await db
        .transaction()
        .execute((trx) =>
          tokens.insert(trx, cleanName, role, hashToken(token), clock.now(), belongsTo),
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
