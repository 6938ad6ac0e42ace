// Which passwords the newsroom may choose (ASVS 6.2): 8 to 128 characters of any kind, never
// truncated; not one of the most common and breached passwords (the ranked list of about 49,000
// that the zxcvbn-ts project ships, drawn from public breach corpora); and not built on the site's
// name or the person's own name or e-mail address.
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../platform/platform.errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** The project's own names: refused as the base of a password on every site. */
const PROJECT_NAMES = ['ajil', 'عاجل'];

/** Case and compatibility forms folded, so «PASSWORD» and «ｐａｓｓｗｏｒｄ» are «password». */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Letters and digits only: «Sara.Haddad-1» is «sarahaddad1». */
function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

const COMMON = new Set(dictionary['passwords-common'].map(fold));
export const COMMON_PASSWORD_COUNT = COMMON.size;

export interface PasswordContext {
  readonly siteName?: string | undefined;
  readonly email?: string | undefined;
  readonly displayName?: string | undefined;
}

/** The words a password may not lean on: names, their parts, the e-mail and its parts. */
function contextWords(context: PasswordContext): string[] {
  const [local = '', domain = ''] = (context.email ?? '').split('@');
  const phrases = [
    ...PROJECT_NAMES,
    context.siteName ?? '',
    context.displayName ?? '',
    local,
    domain.split('.')[0] ?? '',
  ];
  const words = phrases.flatMap((phrase) => [phrase, ...phrase.split(/[\s._+-]+/u)]).map(compact);
  // Longest first, so that «sarahaddad» goes before «sara».
  return [...new Set(words.filter((word) => Array.from(word).length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
}

export type PasswordProblem = 'length' | 'common' | 'personal';

/** Why a password is refused, or undefined when it may be used. */
export function passwordProblem(
  password: string,
  context: PasswordContext = {},
): PasswordProblem | undefined {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) return 'length';
  const folded = fold(password);
  // A common password with digits or symbols stuck on the end («Password2026!») is as weak.
  const base = folded.replace(/[^\p{L}]+$/u, '');
  if (COMMON.has(folded) || COMMON.has(base) || COMMON.has(compact(password))) return 'common';
  // The names do not count: what is left without them must still be long enough on its own.
  let rest = compact(password);
  const words = contextWords(context).filter((word) => rest.includes(word));
  if (words.length === 0) return undefined;
  for (const word of words) rest = rest.split(word).join('');
  return Array.from(rest).length < MIN_PASSWORD_LENGTH ? 'personal' : undefined;
}

const MESSAGES = {
  length: {
    ar: 'يجب أن تتكون كلمة المرور من 8 إلى 128 حرفًا.',
    en: 'The password must be 8 to 128 characters long.',
  },
  common: {
    ar: 'كلمة المرور هذه شائعة وتظهر في قوائم كلمات المرور المسرّبة؛ اختر عبارة أطول يصعب تخمينها.',
    en: 'This password is too common: it appears in lists of leaked passwords. Choose a longer phrase that is hard to guess.',
  },
  personal: {
    ar: 'لا تبنِ كلمة المرور على اسم الموقع أو اسمك أو بريدك الإلكتروني: يجب أن يبقى منها 8 أحرف على الأقل من دونها.',
    en: "Do not build the password on the site's name or your own name or e-mail: at least 8 characters must remain without them.",
  },
} as const;

const DETAILS = {
  length: 'must be 8 to 128 characters',
  common: 'is too common',
  personal: "is built on the site's or the person's name",
} as const;

/** Throws a 400 with a message in both languages when the password may not be used. */
export function assertAcceptablePassword(password: string, context: PasswordContext = {}): void {
  const problem = passwordProblem(password, context);
  if (problem === undefined) return;
  throw new AppError(
    400,
    problem === 'length' ? 'validation_failed' : 'password_rejected',
    MESSAGES[problem],
    [{ field: '/password', message: DETAILS[problem] }],
  );
}
