// TOTP secrets at rest. With TWO_FACTOR_KEY configured (32 bytes), each secret is sealed with
// AES-256-GCM, bound to its account id as associated data, so a copy of the database alone does
// not give the codes and a sealed secret cannot be moved to another account. Without a key the
// secret is stored as it is (marked `plain:`), and is as safe as the database.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  seal(secret: string, userId: number): string;
  open(stored: string, userId: number): string;
}

const aad = (userId: number) => Buffer.from(`ajil two-factor secret of user ${userId}`, 'utf8');

export function createSecretBox(key: Buffer | undefined): SecretBox {
  if (key !== undefined && key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(secret, userId) {
      if (key === undefined) return `plain:${secret}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(userId));
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
    },
    open(stored, userId) {
      if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
      if (!stored.startsWith('v1:')) throw new Error('unknown form of a stored two-factor secret');
      if (key === undefined) {
        throw new Error('a two-factor secret is sealed, but TWO_FACTOR_KEY is not configured');
      }
      const raw = Buffer.from(stored.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(
        aad(userId),
      );
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
