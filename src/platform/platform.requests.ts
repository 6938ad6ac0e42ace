// Every request has an id: the trusted proxy's `x-request-id` when we sit behind one (TRUST_PROXY),
// otherwise a new UUID. It goes back in the `x-request-id` header of every response, in every
// error body and in every log line (`reqId`), so one id follows a request from nginx to our logs.
// Requests Fastify cannot route (a malformed URL such as `/live/%E0%A4%A`) get our JSON error too.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './platform.config.js';
import { AppError } from './platform.errors.js';
import { problemBody } from './platform.problem.js';

/** What a proxy may hand us: short, and nothing that could break a header or a log line. */
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(request: Pick<IncomingMessage, 'headers'>, trustProxy: number): string {
  if (trustProxy > 0) {
    const header = request.headers['x-request-id'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value !== undefined && SAFE_ID.test(value)) return value;
  }
  return randomUUID();
}

const badUrl = () =>
  new AppError(400, 'bad_url', {
    ar: 'عنوان الصفحة غير صالح.',
    en: 'The address is not valid.',
  });

/** Options for the Fastify constructor. */
export function requestOptions(config: Pick<AppConfig, 'trustProxy'>) {
  return {
    requestIdHeader: false as const,
    genReqId: (request: IncomingMessage) => requestIdOf(request, config.trustProxy),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      request.log.info({ code: error.code, url: request.url }, 'request refused before routing');
      const problem =
        error.code === 'FST_ERR_BAD_URL'
          ? badUrl()
          : new AppError(400, 'bad_request', {
              ar: 'الطلب غير صالح.',
              en: 'The request is not valid.',
            });
      void reply
        .code(problem.status)
        .header('x-request-id', request.id)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(problemBody(request, problem));
    },
  };
}

/** Repeats the id in the response header (hooks run for routed and not-found requests alike). */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
}
