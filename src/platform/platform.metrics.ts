// Prometheus metrics: one registry per app, so tests can build many apps in one process. In a
// cluster worker the registry is also offered to the primary, which serves the sum of all workers
// on METRICS_PORT. Event-loop lag comes with the default Node metrics (nodejs_eventloop_lag_*).
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';
import type { PageCacheStats } from './platform.page-cache.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function liveMetrics(app: FastifyInstance, registry: Registry) {
  const fanout = new Histogram({
    name: 'ajil_live_fanout_seconds',
    help: 'Time to write one batch of live events to every reader of a page on this process',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'ajil_live_deliveries_total',
    help: 'Live events written to readers (one per event per reader)',
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'ajil_live_delivery_latency_seconds',
    help: 'From the commit of a live event to its fan-out on this process',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'ajil_live_readers',
    help: 'Readers connected to live streams on this process',
    registers: [registry],
    collect() {
      this.set(app.hub.stats().readers);
    },
  });
  new Gauge({
    name: 'ajil_live_page_readers',
    help: 'Readers connected to one live page (by id) on this process',
    labelNames: ['liveblog'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [id, readers] of app.hub.readersByPage())
        this.set({ liveblog: String(id) }, readers);
    },
  });
  return {
    observeFanout: (seconds: number) => {
      fanout.observe(seconds);
    },
    observeDelivery: (readers: number, committedAt: Date) => {
      if (readers === 0) return;
      deliveries.inc(readers);
      latency.observe(Math.max(0, Date.now() - committedAt.getTime()) / 1000);
    },
  };
}

function databaseMetrics(app: FastifyInstance, registry: Registry): void {
  const queries = new Histogram({
    name: 'ajil_db_query_duration_seconds',
    help: 'Database query time by kind (select, insert, update, delete, raw) and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const stop = app.database.onQuery((kind, seconds, failed) => {
    queries.observe({ kind, outcome: failed ? 'error' : 'ok' }, seconds);
  });
  app.addHook('onClose', (_instance, done) => {
    stop();
    done();
  });
}

function pageCacheMetrics(app: FastifyInstance, registry: Registry): void {
  const stat = (name: string, help: string, pick: (s: PageCacheStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(app.pageCache.stats()));
      },
    });
  stat('ajil_page_cache_entries', 'Finished reader pages held in memory', (s) => s.entries);
  stat('ajil_page_cache_bytes', 'Bytes of those pages, compressed forms included', (s) => s.bytes);
  stat('ajil_page_cache_hits', 'Reader pages served from memory since start', (s) => s.hits);
  stat('ajil_page_cache_misses', 'Reader pages rendered since start', (s) => s.misses);
}

function httpMetrics(app: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'ajil_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'ajil_rate_limited_total',
    help: 'Requests refused by a rate limit (429), by route',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unknown';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode === 429) limited.inc({ route });
    done();
  });
}

export function createMetrics(app: FastifyInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  httpMetrics(app, registry);
  databaseMetrics(app, registry);
  pageCacheMetrics(app, registry);
  const live = liveMetrics(app, registry);
  const security = new Counter({
    name: 'ajil_security_events_total',
    help: 'Security events logged (sign-in failed or throttled, denied, CSRF, rate limited, upload refused)',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  // The primary of a cluster asks each worker for its registry and serves the sum.
  if (cluster.isWorker) {
    AggregatorRegistry.setRegistries([registry]);
    new AggregatorRegistry(); // installs the worker's answer to the primary's requests
  }
  return {
    registry,
    /** Given to the live hub. */
    hubObservers: { observeFanout: live.observeFanout, observeDelivery: live.observeDelivery },
    countSecurityEvent: (event: string) => {
      security.inc({ event });
    },
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** In a cluster's primary: the workers' registries summed (each worker offers its own). */
export function clusterMetrics(): () => Promise<string> {
  const aggregator = new AggregatorRegistry();
  return () => aggregator.clusterMetrics();
}
