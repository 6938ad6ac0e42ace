// The one JSON shape of every error: `{error: {code, message, messages: {ar, en}, details?,
// requestId}}`. The request id is the one in the x-request-id header and in the logs, so a reader's
// report leads an operator to the log lines of that request.
import type { FastifyRequest } from 'fastify';
import type { AppError } from './platform.errors.js';

export function preferredLanguage(request: Pick<FastifyRequest, 'headers'>): 'ar' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'ar';
}

export function problemBody(
  request: Pick<FastifyRequest, 'headers' | 'id'>,
  error: Pick<AppError, 'code' | 'messages' | 'details'>,
) {
  return {
    error: {
      code: error.code,
      message: error.messages[preferredLanguage(request)],
      messages: error.messages,
      ...(error.details && { details: error.details }),
      requestId: request.id,
    },
  };
}
