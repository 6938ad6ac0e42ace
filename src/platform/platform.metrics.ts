// Prometheus metrics: one registry per app, so tests can build many apps in one process.
import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(app: FastifyInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'ajil_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const fanout = new Histogram({
    name: 'ajil_live_fanout_seconds',
    help: 'Time to write one live event to every reader of a page on this process',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
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
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
  return {
    registry,
    observeFanout: (seconds: number) => {
      fanout.observe(seconds);
    },
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
