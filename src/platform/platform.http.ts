// Cross-cutting HTTP behaviour: security headers (the CSP allows our own scripts and hashed inline
// ones, no nonce), and one error handler that turns every failure into a clear JSON error (API)
// or an Arabic page (HTML).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  errors,
  isStorageFailure,
  storageRetryAfter,
  type ErrorDetail,
} from './platform.errors.js';
import { problemBody } from './platform.problem.js';

function wantsJson(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/') ||
    (request.url.startsWith('/live/') && request.url.includes('.json'))
  );
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function validationDetails(
  issues: readonly AjvIssue[],
  context: string | undefined,
): ErrorDetail[] {
  return issues.map((issue) => {
    const base = `${context && context !== 'body' ? `${context}:` : ''}${issue.instancePath ?? ''}`;
    const params = issue.params ?? {};
    if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return { field: `${base}/${params.additionalProperty}`, message: 'is not a known field' };
    }
    if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
      return { field: `${base}/${params.missingProperty}`, message: 'is required' };
    }
    return { field: base === '' ? '/' : base, message: issue.message ?? 'is not valid' };
  });
}

/** Maps anything thrown to an AppError; undefined for a server fault. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fe = error as Partial<FastifyError> & {
    validation?: AjvIssue[];
    validationContext?: string;
  };
  if (Array.isArray(fe.validation))
    return errors.validation(validationDetails(fe.validation, fe.validationContext));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return fe.statusCode === 415 ? errors.unsupportedMediaType() : undefined;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.badRequest('empty_body', {
        ar: 'جسم الطلب فارغ.',
        en: 'The request body is empty.',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errors.badRequest('invalid_json', {
        ar: 'JSON غير صالح.',
        en: 'The body is not valid JSON.',
      });
    default:
      break;
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return errors.badRequest('invalid_json', {
      ar: 'JSON غير صالح.',
      en: 'The body is not valid JSON.',
    });
  }
  if (isStorageFailure(error)) return errors.storageUnavailable(storageRetryAfter(error));
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 413) return errors.tooLarge();
    if (fe.statusCode === 415) return errors.unsupportedMediaType();
    if (fe.statusCode === 429) return errors.tooManyRequests(60);
    return new AppError(fe.statusCode, 'bad_request', {
      ar: 'الطلب غير صالح.',
      en: 'The request is not valid.',
    });
  }
  return undefined;
}

/** Draws the HTML error page (404 or 5xx) for a reader or newsroom request. */
export type ProblemPageRenderer = (request: FastifyRequest, status: number) => string;

function sendProblem(
  renderPage: ProblemPageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  for (const [name, value] of Object.entries(error.headers ?? {})) void reply.header(name, value);
  if (wantsJson(request)) {
    return reply
      .code(error.status)
      .type('application/json; charset=utf-8')
      .send(problemBody(request, error));
  }
  const html = renderPage(request, error.status);
  return reply
    .code(error.status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

const serverFault = new AppError(500, 'internal_error', {
  ar: 'حدث خطأ في الخادم. أعد المحاولة بعد قليل.',
  en: 'Something went wrong on the server. Please try again shortly.',
});

/**
 * Security headers, the error handler and the 404 handler; HTML errors drawn by `renderPage`.
 * Scripts: our own files, and the inline scripts whose hashes are given. No nonce, so a page is
 * the same bytes for every reader and a shared cache can keep one copy (ADR 0011).
 */
export function registerHttpBehaviour(
  app: FastifyInstance,
  renderPage: ProblemPageRenderer,
  scriptHashes: readonly string[] = [],
): void {
  // X's widget script, loaded by live.embeds.ts only after a click and consent (ADR 0009).
  const scriptSrc = ["script-src 'self'", ...scriptHashes, 'https://platform.twitter.com'].join(
    ' ',
  );
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        [
          "default-src 'self'",
          scriptSrc,
          // The widget's partner colours come in one inline style element.
          request.url.startsWith('/embed/')
            ? "style-src 'self' 'unsafe-inline'"
            : "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          // The push service worker (/push-sw.js) is ours; no other worker may run.
          "worker-src 'self'",
          // Only after a click and consent: YouTube's privacy-enhanced player and X's widget.
          'frame-src https://www.youtube-nocookie.com https://platform.twitter.com https://syndication.twitter.com',
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          // The widget is made to be framed by partner sites; everything else is not.
          request.url.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'",
        ].join('; '),
      );
    }
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(renderPage, request, reply, known);
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(renderPage, request, reply, serverFault);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      renderPage,
      request,
      reply,
      errors.notFound({ ar: 'المسار المطلوب', en: 'The requested path' }),
    ),
  );
}
