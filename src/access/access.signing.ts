// Short-lived signed tokens of the sign-in (the sign-in form's pre-session token, the pending
// second step): fields, an expiry and an HMAC-SHA-256 under the site's sign-in key. The purpose
// is part of what is signed, so a token of one kind never passes for another.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'login-form' | 'two-factor-pending';

export interface Signer {
  /** Fields may hold only [A-Za-z0-9_-]. */
  sign(purpose: TokenPurpose, fields: readonly string[], expiresAt: Date): Promise<string>;
  /** The fields of a well-signed, unexpired token of that purpose; undefined otherwise. */
  verify(purpose: TokenPurpose, token: string, now: Date): Promise<string[] | undefined>;
}

const FIELD = /^[A-Za-z0-9_-]{1,200}$/;

/** `loadKey` reads (or makes, once) the key; it is asked once per process. */
export function createSigner(loadKey: () => Promise<string>): Signer {
  let key: Promise<string> | undefined;
  const keyOf = () =>
    (key ??= loadKey().catch((error: unknown) => {
      key = undefined;
      throw error;
    }));
  const mac = async (purpose: TokenPurpose, body: string) =>
    createHmac('sha256', await keyOf())
      .update(`${purpose}|${body}`)
      .digest('base64url');

  return {
    async sign(purpose, fields, expiresAt) {
      if (!fields.every((f) => FIELD.test(f))) throw new Error('unsignable token field');
      const body = [...fields, String(Math.floor(expiresAt.getTime() / 1000))].join('.');
      return `${body}.${await mac(purpose, body)}`;
    },
    async verify(purpose, token, now) {
      if (token.length > 1000) return undefined;
      const parts = token.split('.');
      if (parts.length < 3 || !parts.every((p) => FIELD.test(p))) return undefined;
      const presented = Buffer.from(parts.pop() ?? '');
      const body = parts.join('.');
      const expected = Buffer.from(await mac(purpose, body));
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
        return undefined;
      const expires = Number(parts.pop());
      if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return undefined;
      return parts;
    },
  };
}
