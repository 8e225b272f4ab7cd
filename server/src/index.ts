import { serve } from '@hono/node-server';
import { ConfigError, parseConfig } from './env.ts';
import { migrateDatabase, openDatabase } from './db/open.ts';
import { createApp } from './app.ts';

let config;
try {
  config = parseConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const { db, close } = openDatabase(config.databaseUrl);
migrateDatabase(db);
const app = createApp({ db, config });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Passerelle API on http://localhost:${info.port} (database ${config.databaseUrl})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    close();
    process.exit(0);
  });
}
