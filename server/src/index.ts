import { serve } from '@hono/node-server';
import { ConfigError, parseConfig } from './env.ts';
import { migrateDatabase, openDatabase } from './db/open.ts';
import { systemClock } from './context.ts';
import { startDeliveryRunner } from './webhooks/deliver.ts';

/**
 * Boots the API. Everything that reads configuration (the environment, and
 * the yearly parameter files the routes read when they load) runs inside
 * this try, so a bad value stops the process with a clear message instead
 * of a stack trace.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const { createApp } = await import('./app.ts');
  const { db, close } = openDatabase(config.databaseUrl, { maxPages: config.databaseMaxPages });
  migrateDatabase(db);
  const app = createApp({ db, config });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`Passerelle API on http://localhost:${info.port} (database ${config.databaseUrl})`);
  });
  // Webhook deliveries: polled every second; a stop waits for the attempts in flight.
  const webhooks = startDeliveryRunner({ db, clock: systemClock });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      void webhooks.stop().finally(() => {
        close();
        process.exit(0);
      });
    });
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
});
