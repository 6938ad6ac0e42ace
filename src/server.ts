// Starts Ajil: validates the configuration, migrates, seeds the demo on first start, then
// serves — in this process, or in WORKERS processes that share the port.
import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './platform/platform.config.js';
import { migrateToLatest, openDatabase } from './storage/storage.database.js';
import { seedDemo } from './demo/demo.seed.js';
import { createMemoryBus, relayClusterBus } from './realtime/realtime.bus.js';
import { systemClock } from './platform/platform.clock.js';
import { startMetricsServer } from './platform/platform.ops.js';
import { clusterMetrics } from './platform/platform.metrics.js';
import { installLastResort } from './platform/platform.lastresort.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `Configuration error: ${error.message}\nSee .env.example for every variable.\n`,
      );
      process.exit(78);
    }
    throw error;
  }
}

/** Migrations and the demo run once, before any worker serves. */
async function prepare(config: AppConfig): Promise<void> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    if (config.seedDemo) {
      const bus = createMemoryBus();
      const slug = await seedDemo({ db: database.db, bus, clock: systemClock });
      await bus.close();
      if (slug) {
        process.stdout.write(
          `\nDemo live page created: ${config.publicUrl}/live/${slug}\n` +
            'Make an API token to publish into it:  npm run cli -- token create --name "my newsroom"\n\n',
        );
      }
    }
  } finally {
    await database.close();
  }
}

async function serve(config: AppConfig): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  await app.listen({ port: config.port, host: config.host });
  if (config.metricsPort !== undefined && cluster.isPrimary) {
    await startMetricsServer(config, () => app.metrics.render());
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (cluster.isPrimary) {
    await prepare(config);
    if (config.workers > 1) {
      const workers = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      cluster.on('message', (_worker, message: unknown) => {
        relayClusterBus(workers, message);
      });
      let listening = 0;
      cluster.on('listening', () => {
        listening++;
        if (listening === config.workers) {
          process.stdout.write(
            `Ajil is serving ${config.publicUrl} with ${config.workers} workers\n`,
          );
        }
      });
      if (config.metricsPort !== undefined) await startMetricsServer(config, clusterMetrics());
      for (let i = 0; i < config.workers; i++) cluster.fork();
      cluster.on('exit', (worker, code, signal) => {
        process.stderr.write(
          `worker ${worker.process.pid} exited (${signal || String(code)}), starting another\n`,
        );
        cluster.fork();
      });
      return;
    }
  }
  await serve(config);
  if (cluster.isPrimary) process.stdout.write(`Ajil is serving ${config.publicUrl}\n`);
}

installLastResort();
main().catch((error: unknown) => {
  process.stderr.write(
    `Ajil failed to start: ${error instanceof Error ? String(error.stack) : String(error)}\n`,
  );
  process.exit(1);
});
