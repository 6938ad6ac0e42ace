// Following a live page for breaking news: the VAPID public key, subscribing and unsubscribing
// (same-origin only, and subscribing only with the reader's consent to notifications), and the
// service worker, served from the site's root so that its scope is the whole site.
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertSameOrigin } from '../access/access.session.js';
import { ASSET_DIR, type Assets } from '../platform/platform.assets.js';
import { consentOf } from '../platform/platform.consent.js';
import { errors } from '../platform/platform.errors.js';
import { errorResponses } from '../platform/platform.schema.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { PushService } from './push.service.js';

export interface PushRoutesOptions {
  readonly push: Pick<PushService, 'publicKey' | 'follow' | 'unfollow'>;
  /** This site's origin: a subscription sent from anywhere else is refused. */
  readonly origin: string;
}

export interface ServiceWorkerRoutesOptions {
  readonly assets: Assets;
  /** Where the built assets are (tests may point elsewhere). */
  readonly assetDir?: string;
}

/** The service worker's address: at the root, so it may show notifications for every page. */
export const SERVICE_WORKER_PATH = '/push-sw.js';

const Base64Url = Type.String({ minLength: 16, maxLength: 200, pattern: '^[A-Za-z0-9_-]+=*$' });

const SubscriptionIn = Type.Object(
  {
    endpoint: Type.String({ minLength: 12, maxLength: 2000 }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object(
      { p256dh: Base64Url, auth: Type.String({ ...Base64Url, minLength: 16, maxLength: 32 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const FollowBody = Type.Object(
  { liveblog: Slug, subscription: SubscriptionIn },
  { additionalProperties: false },
);

const UnfollowBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 12, maxLength: 2000 }),
    liveblog: Type.Optional(Slug),
  },
  { additionalProperties: false },
);

const Following = Type.Object({
  following: Type.Boolean(),
  remaining: Type.Optional(Type.Integer()),
});

/** Register inside the `/api/v1` context. */
export const pushRoutes: FastifyPluginAsyncTypebox<PushRoutesOptions> = (app, options) => {
  const { push, origin } = options;
  const tags = ['push'];

  app.get(
    '/push/key',
    {
      schema: {
        tags,
        summary: 'The VAPID public key readers subscribe with',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async (_request, reply) => {
      const publicKey = await push.publicKey();
      return reply.header('cache-control', 'public, max-age=300').send({ publicKey });
    },
  );

  app.post(
    '/push/subscriptions',
    {
      schema: {
        tags,
        summary: 'Follow a live page: a push for each breaking update (needs consent)',
        body: FollowBody,
        response: { 201: Following, ...errorResponses },
      },
    },
    async (request, reply) => {
      assertSameOrigin(request, origin);
      const consented = consentOf(request)?.notifications ?? false;
      const { liveblog, subscription } = request.body;
      const result = await push.follow(consented, liveblog, subscription);
      return reply.code(201).header('cache-control', 'no-store').send(result);
    },
  );

  app.delete(
    '/push/subscriptions',
    {
      schema: {
        tags,
        summary: 'Stop following one live page, or every page (no liveblog given)',
        body: UnfollowBody,
        response: { 200: Following, ...errorResponses },
      },
    },
    async (request, reply) => {
      assertSameOrigin(request, origin);
      const result = await push.unfollow(request.body.endpoint, request.body.liveblog);
      return reply.header('cache-control', 'no-store').send(result);
    },
  );

  return Promise.resolve();
};

/** The service worker, at the site's root (never under /assets/, whose scope it would get). */
export const serviceWorkerRoutes: FastifyPluginAsyncTypebox<ServiceWorkerRoutesOptions> = (
  app,
  { assets, assetDir },
) => {
  let worker: Promise<Buffer> | undefined;
  app.get(SERVICE_WORKER_PATH, { schema: { hide: true } }, async (_request, reply) => {
    const built = assets.url('push-sw.js').slice('/assets/'.length);
    worker ??= readFile(`${assetDir ?? ASSET_DIR}${built}`);
    const bytes = await worker.catch(() => {
      worker = undefined;
      throw errors.notFound({ ar: 'عامل الخدمة', en: 'The service worker' });
    });
    // Browsers check a worker for changes at most daily anyway; no-cache makes each check real.
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(bytes);
  });

  return Promise.resolve();
};
