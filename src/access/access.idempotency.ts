// Idempotent creating POSTs. A route opts in by declaring the `Idempotency-Key` header in its
// schema (`IdempotencyKeyHeaders`); the hooks here, registered once on the API, then do the rest:
//
// - before the handler, the key is claimed for the caller (its API token or its account): a
//   row made under a primary key, so of concurrent requests with the same key exactly one runs;
// - a request whose key is already done with the same method, path, query and body gets the
//   stored answer (status, body, content type, location) and nothing runs again: no second
//   write and no second live event;
// - the same key with anything else is a 422; while the first request runs, a 409 with
//   Retry-After;
// - when the handler has answered, a success is stored with the key and anything else gives
//   the key up, so a retry after a failure runs afresh.
//
// Records last 24 hours; expired ones are pruned each time a key is claimed.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Actor } from './access.policy.js';
import { createIdempotencyRepository, type StoredAnswer } from './access.idempotency.repository.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** The answer's headers a replay repeats; the rest (CSP, nosniff) are drawn afresh. */
const REPLAYED_HEADERS = ['content-type', 'location'] as const;

/** Spread into a route's schema as `headers`: the key is 1 to 255 visible ASCII characters. */
export const IdempotencyKeyHeaders = Type.Object({
  [IDEMPOTENCY_HEADER]: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description:
        'A key of your choosing (1–255 visible ASCII characters, a UUID for instance), one per ' +
        'intended request: a retry with the same key and body gets the first answer, for 24 hours.',
    }),
  ),
});

/** Spread into the route's `response`: the answer to a key used for another request. */
export const idempotentResponses = { 422: Type.Ref('ErrorOut') };

export const keyReused = () =>
  new AppError(422, 'idempotency_key_reused', {
    ar: 'استُخدم مفتاح التكرار (Idempotency-Key) هذا لطلب آخر. استخدم مفتاحًا جديدًا لكل طلب جديد.',
    en: 'This Idempotency-Key was used for another request. Use a new key for each new request.',
  });

export const keyInProgress = () =>
  new AppError(
    409,
    'idempotency_in_progress',
    {
      ar: 'الطلب الأول بهذا المفتاح ما زال قيد التنفيذ. أعد المحاولة بعد لحظة بالمفتاح نفسه.',
      en: 'The first request with this key is still running. Retry in a moment with the same key.',
    },
    undefined,
    { 'retry-after': '1' },
  );

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly answer: StoredAnswer }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

export function createIdempotencyService({ db, clock }: BaseDeps) {
  const keys = createIdempotencyRepository();
  return {
    /** Claims the key, or says why this request may not run: done before, running, or reused. */
    async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
      // A record given up between our insert and our read makes us try again; twice is plenty.
      for (let attempt = 0; attempt < 3; attempt++) {
        const now = clock.now();
        await keys.prune(db, now);
        const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
        if (await keys.claim(db, { scope, key, fingerprint, now, expiresAt }))
          return { kind: 'claimed' };
        const found = await keys.find(db, scope, key, now);
        if (!found) continue;
        if (found.fingerprint !== fingerprint) return { kind: 'mismatch' };
        return found.answer ? { kind: 'replay', answer: found.answer } : { kind: 'in-progress' };
      }
      return { kind: 'in-progress' };
    },

    complete: (scope: string, key: string, answer: StoredAnswer) =>
      keys.complete(db, scope, key, answer),

    release: (scope: string, key: string) => keys.release(db, scope, key),
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;

/** Whose keys these are: each API token and each account has its own. */
function scopeOf(actor: Actor): string | undefined {
  if (actor.kind === 'anonymous' || actor.id === null) return undefined;
  return `${actor.kind}:${String(actor.id)}`;
}

/** The same JSON value always gives the same text, whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes two requests the same request: method, path, query and body. */
function fingerprintOf(request: FastifyRequest): string {
  const hash = createHash('sha256');
  const path = request.url.split('?')[0] ?? '';
  hash.update(`${request.method} ${path}\n${canonical(request.query)}\n`);
  const body: unknown = request.body;
  hash.update(Buffer.isBuffer(body) ? body : canonical(body ?? null));
  return hash.digest('hex');
}

/** The key, when the route declares the header and the request sends it. */
function keyOf(request: FastifyRequest): string | undefined {
  if (request.method !== 'POST') return undefined;
  const declared = request.routeOptions.schema?.headers as
    { properties?: Record<string, unknown> } | undefined;
  if (declared?.properties?.[IDEMPOTENCY_HEADER] === undefined) return undefined;
  const value = request.headers[IDEMPOTENCY_HEADER];
  return typeof value === 'string' ? value : undefined;
}

/** Installs the two hooks on the instance whose routes may declare the header (the API). */
export function registerIdempotency(app: FastifyInstance, service: IdempotencyService): void {
  const held = new WeakMap<FastifyRequest, { scope: string; key: string }>();

  // After identity, the CSRF and origin checks and validation: only a request that could run
  // claims a key.
  app.addHook('preHandler', async (request, reply) => {
    const key = keyOf(request);
    const scope = scopeOf(request.actor);
    if (key === undefined || scope === undefined) return;
    const claim = await service.claim(scope, key, fingerprintOf(request));
    switch (claim.kind) {
      case 'claimed':
        held.set(request, { scope, key });
        return;
      case 'replay': {
        const { status, headers, body } = claim.answer;
        for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
        return reply.code(status).header('idempotent-replayed', 'true').send(body);
      }
      case 'in-progress':
        throw keyInProgress();
      case 'mismatch':
        throw keyReused();
    }
  });

  // Before the answer leaves: a client that sees a success can count on its retry seeing it too.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = held.get(request);
    if (!claim) return payload;
    held.delete(request);
    const ok = reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string';
    try {
      if (ok) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        await service.complete(claim.scope, claim.key, {
          status: reply.statusCode,
          headers,
          body: payload,
        });
      } else {
        await service.release(claim.scope, claim.key);
      }
    } catch (error) {
      // The answer still goes out. A key left pending answers 409 until it expires: never a
      // second write of a request that may have been made.
      request.log.error({ err: error }, 'idempotency record not updated');
    }
    return payload;
  });
}
