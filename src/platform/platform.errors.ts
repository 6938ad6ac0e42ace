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
} as const;

export const things = {
  liveblog: { ar: 'الصفحة الحية', en: 'The live page' },
  update: { ar: 'التحديث', en: 'The update' },
  page: { ar: 'الصفحة', en: 'The page' },
  token: { ar: 'الرمز', en: 'The token' },
} as const satisfies Record<string, Bilingual>;
