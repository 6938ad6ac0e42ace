// Builds the application without listening: server.ts listens, tests call inject().
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './platform/platform.config.js';
import { systemClock, type Clock } from './platform/platform.clock.js';
import { ASSET_DIR, loadAssets, type Assets } from './platform/platform.assets.js';
import { registerHttpBehaviour } from './platform/platform.http.js';
import { ErrorOut } from './platform/platform.schema.js';
import { createMetrics, type Metrics } from './platform/platform.metrics.js';
import { opsRoutes } from './platform/platform.ops.js';
import { registerSecurityLog } from './platform/platform.security.js';
import { registerCompression } from './platform/platform.compress.js';
import { registerRequestIds, requestOptions } from './platform/platform.requests.js';
import { lazySchemaCompilers } from './platform/platform.compilers.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './storage/storage.database.js';
import cluster from 'node:cluster';
import {
  createClusterWorkerBus,
  createMemoryBus,
  createRedisBus,
  isPageRing,
  type Bus,
} from './realtime/realtime.bus.js';
import {
  createHub,
  defaultHubOptions,
  type Hub,
  type HubOptions,
} from './realtime/realtime.hub.js';
import { realtimeRoutes } from './realtime/realtime.routes.js';
import { createStaffHub, defaultStaffHubOptions } from './realtime/realtime.staff.hub.js';
import { createStreamSessionCheck } from './access/access.stream-sessions.js';
import { registerIdentity, type Identify } from './access/access.identify.js';
import { registerIdempotency } from './access/access.idempotency.js';
import { searchApiRoutes, searchPageRoutes } from './search/search.routes.js';
import { mediaRoutes, photoRoutes } from './media/media.routes.js';
import { createServices, type Services } from './services.js';
import { cacheKeys, createCachePurger } from './platform/platform.cache.js';
import { cacheChangeFor } from './reader/reader.cache.js';
import { createDiskStore, type FileStore } from './storage/storage.files.js';
import type { SafeFetchOptions } from './platform/platform.fetch.js';
import { enforceConsent } from './platform/platform.consent.js';
import { INLINE_SCRIPT_HASHES, renderProblemDocument } from './frame/frame.view.js';
import { liveblogRoutes } from './liveblog/liveblog.routes.js';
import { updateRoutes } from './update/update.routes.js';
import { summaryRoutes } from './liveblog/liveblog.summary.routes.js';
import { translationRoutes } from './update/update.translations.routes.js';
import { readerRoutes } from './reader/reader.routes.js';
import { feedRoutes } from './reader/reader.feeds.routes.js';
import { sitemapRoutes } from './reader/reader.sitemaps.routes.js';
import { logoRoutes } from './reader/reader.logo.routes.js';
import { iconRoutes } from './reader/reader.icons.routes.js';
import { embedRoutes } from './reader/reader.embed.routes.js';
import { newsroomRoutes } from './newsroom/newsroom.routes.js';
import { proofRoutes } from './proof/proof.routes.js';
import { wireRoutes } from './wire/wire.routes.js';
import { watchDropFolder } from './wire/wire.watch.js';
import { DROP_FOLDER_ACTOR } from './wire/wire.service.js';
import { pushRoutes, serviceWorkerRoutes } from './push/push.routes.js';
import { startPushSender } from './push/push.dispatch.js';
import { createPageCache, type PageCache } from './platform/platform.page-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    services: Services;
    database: DatabaseHandle;
    bus: Bus;
    clock: Clock;
    assets: Assets;
    hub: Hub;
    pageCache: PageCache;
    metrics: Metrics;
    identify: Identify;
  }
}

export interface AppParts {
  /** An already open database (tests share one between two apps); otherwise opened from config. */
  readonly database?: DatabaseHandle;
  readonly bus?: Bus;
  readonly clock?: Clock;
  readonly assets?: Assets;
  readonly hubOptions?: Partial<HubOptions>;
  /** Where photos go; the disk under MEDIA_DIR unless given (tests keep them in memory). */
  readonly files?: FileStore;
  /** For tests: how the guarded fetcher resolves names and which addresses it refuses. */
  readonly fetchOptions?: Pick<SafeFetchOptions, 'resolver' | 'forbidden'>;
  /** For tests: where the log lines go (standard output otherwise). */
  readonly logStream?: { write(line: string): void };
  /** For tests: http: push endpoints accepted (a local push service stands in). */
  readonly allowHttpPushEndpoints?: boolean;
}

async function busFor(config: AppConfig, onError: (error: unknown) => void): Promise<Bus> {
  if (config.redisUrl) return createRedisBus(config.redisUrl, onError);
  if (cluster.isWorker) return createClusterWorkerBus();
  return createMemoryBus();
}

export async function buildApp(config: AppConfig, parts: AppParts = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(parts.logStream && { stream: parts.logStream }),
    },
    ...requestOptions(config),
    ...lazySchemaCompilers(),
    bodyLimit: config.bodyLimit,
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
    connectionTimeout: 0,
    requestTimeout: 30_000,
    return503OnClosing: true,
    ajv: {
      customOptions: {
        // Unknown fields are refused (400), not silently dropped.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const database = parts.database ?? openDatabase(config);
  const ownsDatabase = parts.database === undefined;
  await migrateToLatest(database);
  const bus =
    parts.bus ??
    (await busFor(config, (error) => {
      app.log.warn({ err: error }, 'bus error');
    }));
  const clock = parts.clock ?? systemClock;
  const files = parts.files ?? createDiskStore(config.mediaDir);
  const purge = createCachePurger(
    { mode: config.cache.purge, url: config.cache.purgeUrl, token: config.cache.purgeToken },
    app.log,
  );
  const services = createServices({
    pageChanged: (change) => {
      purge(cacheChangeFor(change));
      services.reader.pageRang(change.liveblogId);
    },
    siteChanged: () => {
      purge({ keys: [cacheKeys.site], paths: [] });
      services.reader.siteChanged();
    },
    db: database.db,
    bus,
    clock,
    files,
    publicUrl: config.publicUrl,
    siteName: config.siteName,
    embedFetch: config.embedFetch,
    proofDictionary: config.proofDictionary,
    twoFactorKey: config.twoFactorKey,
    ...(parts.fetchOptions && { fetchOptions: parts.fetchOptions }),
    push: config.push,
    wireDropDir: config.wireDropDir,
    allowHttpPushEndpoints: parts.allowHttpPushEndpoints ?? false,
  });
  // Cookies are Secure (and the sign-in's take the __Host- prefix) when the site is served over TLS.
  const secureCookies = config.publicUrl.startsWith('https://');
  const identify = registerIdentity(
    app,
    { ...services, publicUrl: config.publicUrl },
    { secureCookies },
  );
  app.decorate('identify', identify);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('bus', bus);
  app.decorate('clock', clock);
  app.decorate('assets', parts.assets ?? loadAssets());
  app.decorate('services', services);
  app.decorate('pageCache', createPageCache({ maxBytes: config.cache.pageMemoryBytes }));
  // Every page's doorbell, from this node or another: its cached pages are checked again.
  const stopPageRings = bus.subscribe((message) => {
    if (isPageRing(message)) services.reader.pageRang(message.liveblogId);
  });
  const metrics = createMetrics(app);
  const hub = createHub(database.db, bus, {
    ...metrics.hubObservers,
    ...defaultHubOptions,
    maxPerAddress: config.streamsPerAddress,
    sweepMs: config.liveSweepMs,
    ...parts.hubOptions,
  });
  hub.onError((error) => {
    app.log.error({ err: error }, 'live delivery failed');
  });
  app.decorate('hub', hub);
  // The staff stream (the live desk): its own hub, tied to the sessions that opened it.
  const staffHub = createStaffHub(database.db, bus, createStreamSessionCheck(database.db, clock), {
    ...defaultStaffHubOptions,
    sweepMs: config.liveSweepMs,
  });
  staffHub.onError((error) => {
    app.log.error({ err: error }, 'staff stream failed');
  });
  app.decorate('metrics', metrics);
  registerSecurityLog(app, { secret: config.logHashSecret, count: metrics.countSecurityEvent });
  // Streams end before the server stops listening, telling readers to reconnect elsewhere.
  app.addHook('preClose', (done) => {
    hub.close();
    staffHub.close();
    done();
  });
  app.addHook('onClose', async () => {
    stopPageRings();
    if (parts.bus === undefined) await bus.close();
    if (ownsDatabase) await database.close();
  });

  // JSON bodies only: a form or text body on an API route is a 415, not a parse attempt.
  app.removeContentTypeParser('text/plain');
  await registerCompression(app);
  registerRequestIds(app);
  registerHttpBehaviour(
    app,
    (_request, status) =>
      renderProblemDocument({ siteName: config.siteName, assets: app.assets }, status),
    INLINE_SCRIPT_HASHES,
  );
  enforceConsent(app);

  app.addSchema(ErrorOut);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ajil API',
        version: '1.0.0',
        description:
          'Publish and read live coverage. Writes need `Authorization: Bearer <token>`; make one with `npm run cli -- token create --name NAME`. Errors are `{error: {code, message, messages: {ar, en}, details?}}`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(fastifyStatic, {
    root: ASSET_DIR,
    prefix: '/assets/',
    wildcard: true,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      // Hashed names never change: cache them for a year.
      const hashed = /-[A-Z0-9]{8}\.[a-z0-9]+(?:\.br|\.gz)?$/i.test(path);
      void reply.header(
        'cache-control',
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
    },
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', identify);
      registerIdempotency(api, app.services.idempotency);
      await api.register(liveblogRoutes, {
        liveblogs: app.services.liveblogs,
        publicUrl: config.publicUrl,
      });
      await api.register(updateRoutes, {
        updates: app.services.updates,
        publicUrl: config.publicUrl,
      });
      await api.register(summaryRoutes, { summaries: app.services.summaries });
      await api.register(translationRoutes, {
        updates: app.services.updates,
        publicUrl: config.publicUrl,
      });
      await api.register(searchApiRoutes, { search: app.services.search });
      await api.register(photoRoutes, {
        photos: app.services.photos,
        publicUrl: config.publicUrl,
      });
      await api.register(proofRoutes, { proof: app.services.proof });
      await api.register(wireRoutes, { wire: app.services.wire, publicUrl: config.publicUrl });
      await api.register(pushRoutes, { push: app.services.push, origin: config.publicUrl });
    },
    { prefix: '/api/v1' },
  );
  await app.register(readerRoutes, {
    reader: app.services.reader,
    summaries: app.services.summaries,
    comments: app.services.comments,
    siteName: config.siteName,
    publicUrl: config.publicUrl,
    assets: app.assets,
    cache: config.cache,
    pageCache: app.pageCache,
  });
  await app.register(searchPageRoutes, {
    search: app.services.search,
    siteName: config.siteName,
    assets: app.assets,
  });
  await app.register(newsroomRoutes, {
    prefix: '/newsroom',
    accounts: app.services.accounts,
    twoFactor: app.services.twoFactor,
    resetLinks: app.services.resetLinks,
    liveblogs: app.services.liveblogs,
    updates: app.services.updates,
    summaries: app.services.summaries,
    comments: app.services.comments,
    settings: app.services.settings,
    audit: app.services.audit,
    wire: app.services.wire,
    identify: app.identify,
    readersOf: (liveblogId: number) => app.hub.readersOf(liveblogId),
    staff: staffHub,
    publicUrl: config.publicUrl,
    siteName: config.siteName,
    secureCookies,
    assets: app.assets,
  });

  // Scheduled updates go out when their time comes; every node may run this safely.
  const scheduler = setInterval(() => {
    app.services.updates.publishDue().catch((error: unknown) => {
      app.log.error({ err: error }, 'scheduled publishing failed');
    });
  }, 5_000);
  scheduler.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(scheduler);
    done();
  });
  // Agency files dropped in WIRE_DROP_DIR go into the wire inbox; every node may watch it.
  if (config.wireDropDir !== undefined) {
    const dropFolder = watchDropFolder({
      dir: config.wireDropDir,
      ingest: (format, text) => app.services.wire.ingest(DROP_FOLDER_ACTOR, format, text),
      log: app.log,
    });
    app.addHook('onClose', (_instance, done) => {
      dropFolder.close();
      done();
    });
  }
  await app.register(realtimeRoutes, {
    live: app.services.realtime,
    hub: app.hub,
    pollIntervalMs: config.pollIntervalMs,
  });
  // What the feeds, sitemaps and widget plugins share.
  const site = {
    reader: app.services.reader,
    publicUrl: config.publicUrl,
    siteName: config.siteName,
    cache: config.cache,
  };
  await app.register(feedRoutes, site);
  await app.register(sitemapRoutes, site);
  await app.register(logoRoutes);
  await app.register(iconRoutes, { siteName: config.siteName });
  await app.register(embedRoutes, {
    ...site,
    liveblogs: app.services.liveblogs,
    assets: app.assets,
  });
  await app.register(mediaRoutes, { store: files });
  await app.register(serviceWorkerRoutes, { assets: app.assets });
  // Breaking updates pushed to their followers after commit, from the events table.
  const stopPush = startPushSender(
    app.services.push,
    bus,
    (error) => {
      app.log.error({ err: error }, 'push delivery failed');
    },
    5_000,
  );
  app.addHook('onClose', (_instance, done) => {
    stopPush();
    done();
  });

  await app.register(opsRoutes, { render: () => metrics.render() });

  return app;
}
