import { serve } from '@hono/node-server';
import { Server as HttpServer } from 'node:http';
import { ConfigError, parseServerConfig } from './env.ts';
import { migrateDatabase, openDatabase } from './db/open.ts';
import { systemClock } from './context.ts';
import { startDeliveryRunner } from './webhooks/deliver.ts';
import { stopGracefullyOnSignal } from './shutdown.ts';
import { createLogger } from './http/log.ts';

/**
 * Boots the API. Everything that reads configuration (the environment, and
 * the yearly parameter files the routes read when they load) runs inside
 * this try, so a bad value stops the process with a clear message instead
 * of a stack trace.
 */
async function main(): Promise<void> {
  const config = parseServerConfig(process.env);
  const log = createLogger(config);
  const { createApp } = await import('./app.ts');
  const { db, close } = openDatabase(config.databaseUrl, { maxPages: config.databaseMaxPages });
  migrateDatabase(db);
  // Webhook deliveries: a lane per subscription, woken when a message is queued and polled every second; a stop waits for the attempts in flight.
  const webhooks = startDeliveryRunner({ db, clock: systemClock, allowLocal: config.webhookAllowLocalHttp, onError: (err) => log.error({ err }, 'webhook delivery failed') });
  const app = createApp({ db, config, logger: log, workers: [{ name: 'webhooks', running: webhooks.running }] });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    if (config.dev) log.warn('Development mode is on (PASSERELLE_DEV=1): sign-in codes are readable by anyone at /v1/dev/outbox. Never run it like this in production.');
    log.info({ port: info.port, database: config.databaseUrl }, `Passerelle API on http://localhost:${info.port}`);
  });
  if (!(server instanceof HttpServer)) throw new Error('The API runs on a node:http server.');
  stopGracefullyOnSignal({ server, graceSeconds: config.shutdownGraceSeconds, stopWorkers: () => webhooks.stop(), closeDatabase: close, log: (line) => log.info(line) });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
});
