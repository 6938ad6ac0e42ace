// What keeps comments from being abused without shutting out readers who share an address
// (carrier-grade NAT puts many readers of one mobile network behind one address):
// - the form token: signed, bound to its page, and single use (its nonce is recorded with the
//   comment, in the same transaction);
// - limits per reader identity (the comment cookie): a new identity (first seen less than a day
//   ago) may comment once per 30 s and 3 times an hour on a page, a known one once per 15 s and
//   10 times an hour;
// - a looser ceiling per address: 120 comments per 10 minutes on a page, whoever sends them.
// The checks run inside the inserting transaction, after taking a lock row per address and per
// identity, so two comments of one reader cannot both pass.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, errors } from '../platform/platform.errors.js';
import type { Db } from '../storage/storage.database.js';
import type { createCommentRepository } from './comment.repository.js';

export const FORM_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const KNOWN_AFTER_MS = 24 * 60 * 60 * 1000;
const IDENTITY = {
  new: { gapMs: 30_000, perHour: 3 },
  known: { gapMs: 15_000, perHour: 10 },
} as const;
const ADDRESS_WINDOW_MS = 10 * 60 * 1000;
const ADDRESS_CEILING = 120;

type Sign = (value: string) => Promise<string>;

/** `issued.page.nonce.signature`: the moment the form was drawn, its page, a random nonce. */
export async function makeFormToken(sign: Sign, liveblogId: number, now: Date): Promise<string> {
  const body = `${now.getTime().toString(36)}.${liveblogId.toString(36)}.${randomBytes(9).toString('base64url')}`;
  return `${body}.${(await sign(body)).slice(0, 22)}`;
}

const expired = () =>
  errors.badRequest('form_expired', {
    ar: 'انتهت صلاحية النموذج؛ أعد تحميل الصفحة ثم أرسل تعليقك.',
    en: 'The form has expired; reload the page and send your comment again.',
  });

export const formUsed = () =>
  new AppError(409, 'form_used', {
    ar: 'استُخدم هذا النموذج لإرسال تعليق من قبل؛ أعد كتابة تعليقك في النموذج الجديد أدناه وأرسله.',
    en: 'This form has already been used to send a comment; write your comment in the new form below and send it.',
  });

const otherPage = () =>
  errors.badRequest('form_other_page', {
    ar: 'هذا النموذج لصفحة تغطية أخرى؛ أرسل تعليقك من الصفحة التي تقرؤها.',
    en: 'This form belongs to another live page; send your comment from the page you are reading.',
  });

/** Checks the signature, the age and the page of a token; returns its moment and nonce. */
export async function readFormToken(
  sign: Sign,
  token: string,
  liveblogId: number,
  now: Date,
): Promise<{ issuedAt: number; nonce: string }> {
  const [issued = '', page = '', nonce = '', signature = ''] = token.split('.');
  const expected = (await sign(`${issued}.${page}.${nonce}`)).slice(0, 22);
  const issuedAt = Number.parseInt(issued, 36);
  if (
    token.split('.').length !== 4 ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected)) ||
    !Number.isFinite(issuedAt) ||
    now.getTime() - issuedAt > FORM_TOKEN_TTL_MS
  ) {
    throw expired();
  }
  if (Number.parseInt(page, 36) !== liveblogId) throw otherPage();
  return { issuedAt, nonce };
}

const tooMany = (ms: number) => errors.tooManyRequests(Math.max(1, Math.ceil(ms / 1000)));

type Repository = ReturnType<typeof createCommentRepository>;

/** Inside the inserting transaction: locks, then the identity limits and the address ceiling. */
export async function checkCommentLimits(
  trx: Db,
  comments: Repository,
  input: { addressKey: string; cookieKey: string | null; liveblogId: number; now: Date },
): Promise<void> {
  const { addressKey, cookieKey, liveblogId, now } = input;
  // Always the address first, then the identity: one order, so no two posts wait on each other.
  await comments.lock(trx, `comment:addr:${addressKey}`, now);
  if (cookieKey) await comments.lock(trx, `comment:id:${cookieKey}`, now);
  const at = now.getTime();
  const address = await comments.countSince(
    trx,
    'addressKey',
    addressKey,
    liveblogId,
    new Date(at - ADDRESS_WINDOW_MS),
  );
  if (address.count >= ADDRESS_CEILING) throw tooMany(ADDRESS_WINDOW_MS);
  if (!cookieKey) return;
  const first = await comments.firstCommentAt(trx, cookieKey);
  const limits = first && at - first.getTime() >= KNOWN_AFTER_MS ? IDENTITY.known : IDENTITY.new;
  const hour = await comments.countSince(
    trx,
    'cookieKey',
    cookieKey,
    liveblogId,
    new Date(at - 3_600_000),
  );
  if (hour.newest && at - hour.newest.getTime() < limits.gapMs)
    throw tooMany(limits.gapMs - (at - hour.newest.getTime()));
  if (hour.count >= limits.perHour) throw tooMany(3_600_000);
}
