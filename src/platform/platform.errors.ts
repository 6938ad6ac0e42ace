// Typed errors that services throw and the error handler turns into
// `{error: {code, message, messages: {ar, en}, details?}}` with the right HTTP status.

export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

export interface ErrorDetail {
  readonly field: string;
  readonly message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly details?: readonly ErrorDetail[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(messages.en);
  }
}

export const errors = {
  validation: (details: readonly ErrorDetail[], messages?: Bilingual) =>
    new AppError(
      400,
      'validation_failed',
      messages ?? { ar: 'بعض الحقول غير صالحة.', en: 'Some fields are not valid.' },
      details,
    ),
  badRequest: (code: string, messages: Bilingual) => new AppError(400, code, messages),
  unauthorized: () =>
    new AppError(401, 'unauthorized', {
      ar: 'يلزم رمز دخول صالح (Authorization: Bearer).',
      en: 'A valid token is required (Authorization: Bearer).',
    }),
  forbidden: () =>
    new AppError(403, 'forbidden', {
      ar: 'ليست لديك صلاحية لهذا الإجراء.',
      en: 'You are not allowed to do this.',
    }),
  notFound: (what: Bilingual) =>
    new AppError(404, 'not_found', {
      ar: `${what.ar} غير موجود.`,
      en: `${what.en} was not found.`,
    }),
  conflict: (code: string, messages: Bilingual) => new AppError(409, code, messages),
  /** The caller's `If-Match` names a version that is no longer the current one. */
  preconditionFailed: () =>
    new AppError(412, 'precondition_failed', {
      ar: 'تغيّر هذا التحديث منذ أن فتحته، ولم يُحفظ شيء. أعد تحميله ثم أعد المحاولة.',
      en: 'This update has changed since you opened it; nothing was saved. Reload it and try again.',
    }),
  tooLarge: () =>
    new AppError(413, 'payload_too_large', {
      ar: 'حجم الطلب أكبر من المسموح.',
      en: 'The request body is too large.',
    }),
  unsupportedMediaType: () =>
    new AppError(415, 'unsupported_media_type', {
      ar: 'نوع المحتوى غير مدعوم؛ أرسل application/json.',
      en: 'Unsupported content type; send application/json.',
    }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'too_many_requests',
      { ar: 'طلبات كثيرة، حاول بعد قليل.', en: 'Too many requests; try again shortly.' },
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    ),
  /** The database cannot take the request now (full, failing, busy, out of reach): retry later. */
  storageUnavailable: (retryAfterSeconds: number) =>
    new AppError(
      503,
      'storage_unavailable',
      {
        ar: 'تعذّر حفظ الطلب أو قراءته الآن؛ لم يُحفظ شيء. أعد المحاولة بعد قليل.',
        en: 'We cannot store or read this just now; nothing was saved. Please try again shortly.',
      },
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    ),
} as const;

// Codes of the engines and of the network that mean "the storage cannot serve now", not "the
// request is wrong": SQLite's full disk, I/O errors, a lock held past the busy time-out, a file
// that cannot be opened or is read-only, out of memory; PostgreSQL's connection exceptions (08),
// insufficient resources (53: disk full, out of memory, too many connections), operator
// intervention (57P: shutdown, cannot connect now), and the socket errors of an unreachable server.
const SQLITE_FAILURE =
  /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|READONLY|NOMEM|PROTOCOL|CORRUPT|NOTADB)/;
const PG_FAILURE = /^(08...|53...|57P0[1-3]|58...)$/;
const NETWORK_FAILURE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENOSPC',
  'EIO',
]);
// The pg driver's own words for a connection that is gone or could not be had in time.
const PG_MESSAGES =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Cannot use a pool after calling end on the pool)$/;

/** True when the error (or its cause, or one of an AggregateError's) is a storage failure. */
export function isStorageFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    if (SQLITE_FAILURE.test(code) || PG_FAILURE.test(code) || NETWORK_FAILURE.has(code))
      return true;
  }
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isStorageFailure(e, depth + 1)))
    return true;
  return isStorageFailure(cause, depth + 1);
}

/** Seconds to wait before a retry: a busy lock clears fast, the rest takes longer. */
export function storageRetryAfter(error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code) ? 2 : 15;
}

export const things = {
  liveblog: { ar: 'الصفحة الحية', en: 'The live page' },
  update: { ar: 'التحديث', en: 'The update' },
  page: { ar: 'الصفحة', en: 'The page' },
  token: { ar: 'الرمز', en: 'The token' },
} as const satisfies Record<string, Bilingual>;
