// One-time links to set a new password, made by an admin (or the operator's CLI) for a person
// who forgot theirs, since the newsroom has no e-mail server. The link carries 256 random bits;
// only their SHA-256 is stored. A link works once, for LINK_HOURS, and a newer one voids it.
// Using it sets the password and ends every session of the person. Both steps are audited.
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { BaseDeps } from '../platform/platform.deps.js';
import { AppError, errors } from '../platform/platform.errors.js';
import { assertCan, type Actor } from './access.policy.js';
import { audit } from './access.audit.js';
import { createUserRepository, type User } from './access.repository.js';
import { createResetLinkRepository } from './access.reset.repository.js';
import { assertAcceptablePassword } from './access.passwords.js';
import { hashToken } from './access.tokens.js';
import { normaliseEmail } from './access.signin.js';

export const LINK_HOURS = 24;
export const RESET_PATH = '/newsroom/reset/';

const linkRefused = () =>
  new AppError(410, 'reset_link_invalid', {
    ar: 'هذا الرابط غير صالح: استُعمل من قبل أو انتهت مدته. اطلب رابطًا جديدًا من مدير الموقع.',
    en: 'This link no longer works: it was used or it expired. Ask an admin for a new one.',
  });

export function createResetLinkService({
  db,
  clock,
  siteName,
}: BaseDeps & { readonly siteName?: string }) {
  const users = createUserRepository();
  const links = createResetLinkRepository();

  async function issue(by: Actor, user: User): Promise<{ path: string; expiresAt: Date }> {
    const secret = randomBytes(32).toString('base64url');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + LINK_HOURS * 3600_000);
    await db.transaction().execute(async (trx) => {
      await links.voidUnusedOf(trx, user.id, now);
      await links.insert(
        trx,
        { userId: user.id, tokenHash: hashToken(secret), createdBy: by.name, expiresAt },
        now,
      );
      await audit(
        trx,
        by,
        {
          action: 'user.reset_link',
          targetType: 'user',
          targetId: user.id,
          after: { expiresAt: expiresAt.toISOString() },
        },
        now,
      );
    });
    return { path: `${RESET_PATH}${secret}`, expiresAt };
  }

  /** The person behind a link that still works, or a 410. */
  async function holder(secret: string): Promise<{ linkId: number; user: User }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) throw linkRefused();
    const link = await links.byHash(db, hashToken(secret));
    const now = clock.now();
    if (link?.usedAt !== null || link.expiresAt.getTime() <= now.getTime()) throw linkRefused();
    const user = await users.byId(db, link.userId);
    if (user?.disabledAt !== null) throw linkRefused();
    return { linkId: link.id, user };
  }

  return {
    /** An admin makes a link for someone; the path is shown once and never stored. */
    async create(actor: Actor, userId: number): Promise<{ path: string; expiresAt: Date }> {
      assertCan(actor, 'user.manage');
      const user = await users.byId(db, userId);
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      return issue(actor, user);
    },

    /** The operator's CLI, by e-mail. */
    async createByEmail(operator: Actor, email: string) {
      assertCan(operator, 'user.manage');
      const user = await users.byEmail(db, normaliseEmail(email));
      if (!user) throw errors.notFound({ ar: 'الحساب', en: 'The account' });
      return { ...(await issue(operator, user)), user };
    },

    /** Whom the link is for, to greet them on the form; 410 when it no longer works. */
    async inspect(secret: string): Promise<{ displayName: string; email: string }> {
      const { user } = await holder(secret);
      return { displayName: user.displayName, email: user.email };
    },

    /** Sets the new password, spends the link and ends every session, in one transaction. */
    async use(secret: string, password: string): Promise<void> {
      const { linkId, user } = await holder(secret);
      assertAcceptablePassword(password, {
        ...(siteName !== undefined && { siteName }),
        email: user.email,
        displayName: user.displayName,
      });
      const passwordHash = await hash(password);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await links.claim(trx, linkId, now))) throw linkRefused();
        await links.setPasswordHash(trx, user.id, passwordHash, now);
        await users.deleteSessionsOf(trx, user.id);
        const self = { kind: 'user', id: user.id, name: user.displayName };
        await audit(
          trx,
          self,
          { action: 'user.password_reset', targetType: 'user', targetId: user.id },
          now,
        );
      });
    },
  };
}

export type ResetLinkService = ReturnType<typeof createResetLinkService>;
