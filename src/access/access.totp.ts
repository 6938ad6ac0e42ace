// The second factor's arithmetic: TOTP codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps,
// one step either side of now) through the otpauth library, and recovery codes. Codes typed
// with Arabic-Indic or Persian digits count the same as ASCII ones.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps accepted either side of the current one: clocks drift, people type slowly. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totpOf(secret: string, label = 'account', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new secret: 160 random bits (the size RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed in). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return totpOf(secret, account, issuer).toString();
}

/** The code for a moment; the tests and the browser test play the authenticator with it. */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/** ASCII digits for Arabic-Indic (U+0660–0669) and extended Arabic-Indic (U+06F0–06F9) ones. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) =>
    String((d.codePointAt(0) ?? 0) & 0xf),
  );
}

/**
 * The time step a code belongs to, when it is the code of the current step or of one step
 * either side; undefined otherwise. The caller refuses a step it has already accepted.
 */
export function matchingStep(secret: string, code: string, now: Date): number | undefined {
  const token = asciiDigits(code).replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

// Recovery codes: 16 characters from an alphabet without 0/o, 1/l/i (about 79 random bits),
// shown as four groups. With that much entropy a fast hash is enough, as for API tokens.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

function recoveryCode(): string {
  let code = '';
  while (code.length < 16) {
    for (const byte of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < ALPHABET.length * 8 && code.length < 16)
        code += ALPHABET.charAt(byte % ALPHABET.length);
    }
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, recoveryCode);
}

/** The code as stored: lower case, without spaces and dashes, ASCII digits. */
export function normaliseRecoveryCode(code: string): string {
  return asciiDigits(code)
    .toLowerCase()
    .replace(/[\s\-‐-―]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{16}$/.test(normaliseRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}
