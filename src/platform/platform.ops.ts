// What operators and their machines ask: /healthz (the process answers; touches nothing),
// /readyz (the database answers, its migrations are current, Redis answers when configured) and
// /metrics. Metrics are never open on the reader port: they have a port of their own
// (METRICS_PORT) or, on the reader port, need `Authorization: Bearer METRICS_TOKEN`.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './platform.config.js';
import { AppError, type ErrorDetail } from './platform.errors.js';
import { problemBody } from './platform.problem.js';
import { pendingMigrations, pingDatabase } from '../storage/storage.database.js';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<'database' | 'migrations' | 'redis', string>;
}

/** Each check says "ok", "not configured" or what is wrong, in words safe to show anyone. */
export async function readiness(app: FastifyInstance): Promise<Readiness> {
  const checks: Readiness['checks'] = {
    database: 'ok',
    migrations: 'ok',
    redis: app.config.redisUrl ? 'ok' : 'not configured',
  };
  try {
    await withTimeout(pingDatabase(app.database.db), CHECK_TIMEOUT_MS);
    const pending = await withTimeout(pendingMigrations(app.database), CHECK_TIMEOUT_MS);
    if (pending.length > 0) checks.migrations = `${pending.length} pending`;
  } catch (error) {
    app.log.warn({ err: error }, 'readiness: database unreachable');
    checks.database = 'unreachable';
    checks.migrations = 'unknown';
  }
  if (app.config.redisUrl) {
    try {
      await withTimeout(app.bus.check?.() ?? Promise.resolve(), CHECK_TIMEOUT_MS);
    } catch (error) {
      app.log.warn({ err: error }, 'readiness: Redis unreachable');
      checks.redis = 'unreachable';
    }
  }
  const ready = Object.values(checks).every((v) => v === 'ok' || v === 'not configured');
  return { ready, checks };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time comparison of the presented bearer token with the configured one. */
export function metricsTokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

const notReady = (details: ErrorDetail[]) =>
  new AppError(
    503,
    'not_ready',
    { ar: 'الخادم غير جاهز لاستقبال الطلبات.', en: 'This server is not ready to serve.' },
    details,
  );

const metricsRefused = () =>
  new AppError(401, 'metrics_token_required', {
    ar: 'المقاييس تتطلب رمز المقاييس (Authorization: Bearer).',
    en: 'Metrics need the metrics token (Authorization: Bearer).',
  });

function sendJsonProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(problemBody(request, error));
}

export function opsRoutes(app: FastifyInstance, options: { render: () => Promise<string> }) {
  const { metricsPort, metricsToken } = app.config;
  const noStore = { 'cache-control': 'no-store' };

  app.get('/healthz', { schema: { hide: true } }, (_request, reply) =>
    reply.headers(noStore).send({ status: 'ok' }),
  );

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const { ready, checks } = await readiness(app);
    if (ready) return reply.headers(noStore).send({ status: 'ready', checks });
    const details = Object.entries(checks)
      .filter(([, v]) => v !== 'ok' && v !== 'not configured')
      .map(([field, message]) => ({ field, message }));
    return sendJsonProblem(request, reply, notReady(details));
  });

  // With a metrics port, the reader port has no /metrics at all; without a token, neither.
  if (metricsPort === undefined && metricsToken !== undefined) {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!metricsTokenMatches(request.headers.authorization, metricsToken)) {
        void reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendJsonProblem(request, reply, metricsRefused());
      }
      return reply
        .headers(noStore)
        .type('text/plain; version=0.0.4; charset=utf-8')
        .send(await options.render());
    });
  }
  return Promise.resolve();
}

/**
 * The metrics port: GET /metrics and nothing else. `render` gives this process's registry, or
 * in a cluster's primary the sum of its workers'.
 */
export async function startMetricsServer(
  config: Pick<AppConfig, 'metricsPort' | 'metricsHost'>,
  render: () => Promise<string>,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    render().then(
      (text) => {
        response
          .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
          .end(text);
      },
      () => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort, config.metricsHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  return server;
}
