import { staffWords } from '@passerelle/schema/messages/staff';
import { ConfigError, parseServerConfig, type Config } from './env.ts';
import { connectDatabase, migrateAnyDatabase, withoutPassword } from './db/open.ts';
import { systemClock } from './context.ts';
import { startDeliveryRunner } from './webhooks/deliver.ts';
import { startConsentLapseSweeper } from './consents/lapses.ts';
import { startMailWorker } from './mail/worker.ts';
import { dailySweep } from './mail/sweep.ts';
import { campaignsInForce } from './pledges/campaigns.ts';
import { mailerFor } from './auth/mailer.ts';
import { stopGracefullyOnSignal } from './shutdown.ts';
import { createLogger } from './http/log.ts';
import { BootRefused, bootFailure, checkSmtp, listen } from './boot.ts';
import { cliLanguage } from './cli/language.ts';

/** The configuration once read: what the boot failure's sentence names (the port, the database file). */
let config: Config | undefined;

/**
 * Boots the API. Everything that reads configuration (the environment, and
 * the yearly parameter files the routes read when they load) runs inside
 * this try, so a bad value stops the process with a clear message instead
 * of a stack trace.
 */
async function main(): Promise<void> {
  config = parseServerConfig(process.env);
  const log = createLogger(config);
  // A promise nobody awaited that fails (a bug: a missed `await` once ended the API on PostgreSQL) must not end the
  // process and every request in flight with it: it is logged with its stack, and the process keeps serving.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection: a promise failed and nobody was waiting for it'));
  // Sign-in codes must be able to leave: an SMTP server that does not answer stops the boot now, not the first sign-in.
  if (config.smtpUrl && config.emailSignIn) await checkSmtp(config.smtpUrl);
  const { createApp } = await import('./app.ts');
  const { db, close } = connectDatabase(config.databaseUrl, { maxPages: config.databaseMaxPages, poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements });
  // On PostgreSQL, N instances starting together migrate once (an advisory lock: db/postgres/migrate.ts).
  await migrateAnyDatabase(db);
  const { parameters } = config;
  // Webhook deliveries: a lane per subscription, woken when a message is queued and polled every second; a stop waits for the attempts in flight.
  const webhooks = startDeliveryRunner({ db, clock: systemClock, allowLocal: config.webhookAllowLocalHttp, onError: (err) => log.error({ err }, 'webhook delivery failed') });
  // The mail outbox: sent through SMTP (or the dev outbox in development mode), woken when a message is queued and polled every 5 s; without any transport the messages wait, pending.
  const mail = config.smtpUrl || config.dev ? startMailWorker({ db, clock: systemClock, mailer: mailerFor(config, db, systemClock), publicUrl: config.publicUrl, mailFrom: config.mailFrom, sweep: (at) => dailySweep(db, at, () => campaignsInForce({ db, config: { parameters } })), onError: (err) => log.error({ err }, 'mail worker failed') }) : undefined;
  // Consents whose retention ran out: a daily sweep per institution (looked for every hour), announced as consent.lapsed webhooks.
  const lapses = startConsentLapseSweeper({ db, clock: systemClock, onError: (err) => log.error({ err }, 'consent lapse sweep failed') });
  const app = createApp({ db, config, logger: log, workers: [{ name: 'webhooks', running: webhooks.running }, { name: 'consent-lapses', running: lapses.running }, ...(mail ? [{ name: 'mail', running: mail.running }] : [])] });
  const server = await listen(app.fetch, config.port);
  if (config.dev) log.warn('Development mode is on (PASSERELLE_DEV=1): sign-in codes are readable by anyone at /v1/dev/outbox. Never run it like this in production.');
  log.info({ port: config.port, database: withoutPassword(config.databaseUrl) }, `Passerelle API on http://localhost:${config.port}`);
  stopGracefullyOnSignal({ server, graceSeconds: config.shutdownGraceSeconds, stopWorkers: () => Promise.all([webhooks.stop(), lapses.stop()]).then(() => mail?.stop()), closeDatabase: close, log: (line) => log.info(line) });
}

// One sentence and exit code 1, never a stack: a bad environment (ConfigError), a port, the database file, the SMTP server, or else what failed.
main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : staffWords(cliLanguage(process.env), bootFailure(err, config)));
  // LOG_LEVEL=debug or trace: the stack too, for a failure no sentence foresaw.
  if (!(err instanceof ConfigError || err instanceof BootRefused) && (config?.logLevel === 'debug' || config?.logLevel === 'trace')) console.error(err);
  process.exit(1);
});
