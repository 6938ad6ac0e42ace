// Security events an operator can act on, one structured log line each (level warn, message
// "security event"), with the request id that pino adds as `reqId`:
//   {"security": {"event", "account", "address", "reason", "at"}}
// `address` is a keyed hash of the client address (LOG_HASH_SECRET), never the address itself:
// enough to see that one source is behind many failures, not to say who it is. Events:
//   signin.failed, signin.throttled  a wrong password or token; too many sign-in attempts
//   permission.denied                signed in, but the role does not allow it
//   csrf.refused                     a session write without its form token, or from another site
//   rate.limited                     any other 429 (comments, live streams per address)
//   upload.refused                   a photo that is not one, too large or too many pixels
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toAppError } from './platform.http.js';

export type SecurityEventName =
  | 'signin.failed'
  | 'signin.throttled'
  | 'permission.denied'
  | 'csrf.refused'
  | 'rate.limited'
  | 'upload.refused';

export interface SecurityDetails {
  /** Who: "user:12", "token:3", or the e-mail typed into the sign-in form. */
  readonly account?: string | null;
  readonly reason: string;
}

export interface SecurityLine {
  readonly event: SecurityEventName;
  readonly account: string | null;
  readonly address: string;
  readonly reason: string;
  readonly at: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes one security event line for the request and counts it. */
    securityLog: (
      request: FastifyRequest,
      event: SecurityEventName,
      details: SecurityDetails,
    ) => void;
  }
}

const logged = new WeakSet<FastifyRequest>();

function accountOf(request: FastifyRequest): string | null {
  const actor = request.actor as { kind?: string; id?: number | null } | null | undefined;
  if (!actor || actor.kind === 'anonymous' || actor.id === null || actor.id === undefined) {
    return null;
  }
  return `${actor.kind ?? 'actor'}:${actor.id}`;
}

/** Logs one security event for the request (at most one per request). */
export function logSecurityEvent(
  request: FastifyRequest,
  event: SecurityEventName,
  details: SecurityDetails,
): void {
  if (logged.has(request)) return;
  logged.add(request);
  request.server.securityLog(request, event, details);
}

function classify(
  request: FastifyRequest,
  error: unknown,
): [SecurityEventName, string] | undefined {
  const known = toAppError(error);
  if (!known) return undefined;
  if (known.code === 'csrf_failed' || known.code === 'cross_site')
    return ['csrf.refused', known.code];
  if (known.status === 403) return ['permission.denied', `${request.method} ${routeOf(request)}`];
  if (known.status === 401) {
    return request.headers.authorization === undefined
      ? ['permission.denied', `${request.method} ${routeOf(request)}: not signed in`]
      : ['signin.failed', 'invalid_token'];
  }
  if (known.status === 429) return ['rate.limited', routeOf(request)];
  if (routeOf(request) === '/api/v1/photos' && known.status >= 400 && known.status < 500) {
    return ['upload.refused', known.code];
  }
  return undefined;
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0] ?? '';
}

/** Decorates `securityLog` and logs the events that show as errors or as 429 replies. */
export function registerSecurityLog(
  app: FastifyInstance,
  options: { secret: string | undefined; count?: (event: SecurityEventName) => void },
): void {
  // Without a configured key the hashes still group one process's events, not across restarts.
  const key = options.secret ?? randomBytes(32).toString('base64url');
  const hash = (address: string) =>
    createHmac('sha256', key).update(address).digest('base64url').slice(0, 16);

  app.decorate(
    'securityLog',
    (request: FastifyRequest, event: SecurityEventName, details: SecurityDetails) => {
      const line: SecurityLine = {
        event,
        account: details.account ?? accountOf(request),
        address: hash(request.ip),
        reason: details.reason,
        at: new Date().toISOString(),
      };
      request.log.warn({ security: line }, 'security event');
      options.count?.(event);
    },
  );
  app.addHook('onError', (request, _reply, error, done) => {
    const found = classify(request, error);
    if (found) logSecurityEvent(request, found[0], { reason: found[1] });
    done();
  });
  // Rate limits that a page shows itself (the comment form, the sign-in form) end up here.
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode === 429)
      logSecurityEvent(request, 'rate.limited', { reason: routeOf(request) });
    done();
  });
}
