import * as v from 'valibot';
import { isAbsolute, resolve } from 'node:path';
import { loadParameters, type Parameters } from './config/parameters.ts';
import { ConfigError } from './config/error.ts';

/** pino's levels, from the most to the least important, and `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const port = v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'PORT must be a port number.'), v.transform(Number), v.number(), v.minValue(1), v.maxValue(65535));
const minutes = (fallback: string) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number of minutes.'), v.transform(Number), v.number(), v.minValue(1)), fallback);

/** The environment the server reads at boot. Anything invalid stops the process with the variable's name. */
export const EnvSchema = v.object({
  PORT: v.optional(port, '8787'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.minLength(1)), './data/passerelle.db'),
  /**
   * Operations and testing knob: caps the database at this many pages
   * (`PRAGMA max_page_count`, 4 KiB each), so that a full disk can be
   * rehearsed — writes then answer 507 while reads go on. Unset: no cap.
   */
  DATABASE_POOL_SIZE: v.optional(v.pipe(v.string(), v.regex(/^([1-9]|[1-9]\d)$/, 'DATABASE_POOL_SIZE must be a whole number from 1 to 99.'), v.transform(Number))),
  /** PostgreSQL: `off` runs every statement unnamed, for a pooler in transaction mode (db/postgres/statement-names.ts). */
  DATABASE_PREPARED_STATEMENTS: v.optional(v.picklist(['on', 'off'], 'DATABASE_PREPARED_STATEMENTS must be on or off.'), 'on'),
  DATABASE_MAX_PAGES: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/, 'DATABASE_MAX_PAGES must be a whole number of pages.'), v.transform(Number))),
  /** Accepted for the tools that read it; Passerelle behaves as in production unless PASSERELLE_DEV=1. */
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test'])),
  /** `smtp://user:pass@host:587` — required unless PASSERELLE_DEV=1 or EMAIL_SIGN_IN=off. */
  SMTP_URL: v.optional(v.pipe(v.string(), v.url('SMTP_URL must be a URL such as smtp://user:pass@host:587.'))),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.email()), 'no-reply@passerelle.localhost'),
  SESSION_TTL_MINUTES: minutes('480'),
  /**
   * The one switch of development mode: the dev outbox (mail kept in the
   * database, shown at /v1/dev/outbox and printed), plain-http webhooks to
   * localhost. Never set in production.
   */
  PASSERELLE_DEV: v.optional(v.picklist(['0', '1'], 'PASSERELLE_DEV must be 1 (development mode) or 0.'), '0'),
  /** Replaced by PASSERELLE_DEV: refused, so that an old setting is not silently ignored. */
  PASSERELLE_DEV_OUTBOX: v.optional(v.custom<never>(() => false, 'PASSERELLE_DEV_OUTBOX was replaced by PASSERELLE_DEV=1 (development mode): set that instead, or unset it.')),
  /** `off`: no sign-in by email code (the routes answer 404); the server then needs no SMTP_URL. */
  EMAIL_SIGN_IN: v.optional(v.picklist(['on', 'off'], 'EMAIL_SIGN_IN must be on or off.'), 'on'),
  /** How many reverse proxies stand in front of the server (their X-Forwarded-For entries are trusted). */
  TRUST_PROXY: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,2}$/, 'TRUST_PROXY must be the number of reverse proxies in front of Passerelle (0 when none).'), v.transform(Number)),
    '0',
  ),
  /** Accept webhook URLs in plain http to localhost (default: only in development mode). */
  WEBHOOK_ALLOW_LOCAL_HTTP: v.optional(v.picklist(['0', '1'])),
  /** Seconds the requests in flight get to finish after SIGTERM or SIGINT before they are cut (10 by default). */
  SHUTDOWN_GRACE_SECONDS: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'SHUTDOWN_GRACE_SECONDS must be a whole number of seconds.'), v.transform(Number)), '10'),
  /** The API's public address (https://passerelle.univ-exemple.fr): the one-click unsubscribe links of reminders point there. Unset: a mailto: link. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('PUBLIC_URL must be a URL such as https://passerelle.univ-exemple.fr.'))),
  /** The least important log lines written: `info` (one line per request) by default. */
  LOG_LEVEL: v.optional(v.picklist(logLevels, `LOG_LEVEL must be one of ${logLevels.join(', ')}.`), 'info'),
});

export interface Config {
  port: number;
  databaseUrl: string;
  /** `PRAGMA max_page_count` for the server's connection; undefined = SQLite's default (no practical cap). */
  databaseMaxPages: number | undefined;
  /** PostgreSQL: connections in each instance's pool (default 10). */
  databasePoolSize: number | undefined;
  /** PostgreSQL: whether statements run often are prepared on the server. */
  databasePreparedStatements: boolean;
  /** Development mode (PASSERELLE_DEV=1): the dev outbox and the other conveniences. Off unless switched on. */
  dev: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMinutes: number;
  /** Sign-in by email code (EMAIL_SIGN_IN, on by default). */
  emailSignIn: boolean;
  /** Reverse proxies in front of the server: the client address is this many X-Forwarded-For entries from the right. */
  trustedProxies: number;
  webhookAllowLocalHttp: boolean;
  /** How long a stop (SIGTERM, SIGINT) waits for the requests in flight. */
  shutdownGraceSeconds: number;
  /** PUBLIC_URL: where the API is reached from outside (unsubscribe links). */
  publicUrl: string | undefined;
  /** LOG_LEVEL; the lines are JSON, or one readable line each in development mode. */
  logLevel: LogLevel;
  /** The yearly parameter files (PASSERELLE_INTERNSHIP_CONFIG, PASSERELLE_PLEDGES_CONFIG), read and checked with the environment. */
  parameters: Parameters;
}

export { ConfigError } from './config/error.ts';

/**
 * A relative DATABASE_URL is relative to where the person ran the command
 * (`INIT_CWD`, set by pnpm), not to the package folder pnpm switches to, so
 * `pnpm serve` and `pnpm passerelle` at the root agree on `./data/passerelle.db`.
 */
function databasePath(url: string, initCwd: string | undefined): string {
  if (url === ':memory:' || url.startsWith('file:') || isAbsolute(url) || /^postgres(ql)?:\/\//i.test(url)) return url;
  return resolve(initCwd ?? process.cwd(), url);
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = v.safeParse(EnvSchema, env);
  if (!result.success) {
    const lines = result.issues.map((i) => `  ${v.getDotPath(i) ?? '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.output;
  const dev = e.PASSERELLE_DEV === '1';
  if (dev && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  PASSERELLE_DEV: development mode cannot run with NODE_ENV=production; unset one of them.');
  }
  return {
    port: e.PORT,
    databaseUrl: databasePath(e.DATABASE_URL, env.INIT_CWD),
    databaseMaxPages: e.DATABASE_MAX_PAGES,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
    dev,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    emailSignIn: e.EMAIL_SIGN_IN === 'on',
    trustedProxies: e.TRUST_PROXY,
    webhookAllowLocalHttp: e.WEBHOOK_ALLOW_LOCAL_HTTP ? e.WEBHOOK_ALLOW_LOCAL_HTTP === '1' : dev,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    parameters: loadParameters(env),
  };
}

/** Why a server with this configuration cannot send sign-in codes, or undefined when it can (or needs not). */
export function missingMailTransport(config: Config): string | undefined {
  if (!config.emailSignIn || config.smtpUrl || config.dev) return undefined;
  return 'SMTP_URL is not set: Passerelle cannot send sign-in codes. Set SMTP_URL, or EMAIL_SIGN_IN=off to run without email sign-in.';
}

/**
 * The configuration `pnpm serve` boots with: parseConfig's, and a server
 * that would have to send sign-in codes without any way to send mail
 * refuses to start (the CLI, which sends none, uses parseConfig).
 */
export function parseServerConfig(env: Record<string, string | undefined>): Config {
  const config = parseConfig(env);
  const missing = missingMailTransport(config);
  if (missing) throw new ConfigError(missing);
  return config;
}

/**
 * Defaults for tests: what an empty environment gives (production behaviour;
 * the tests hand the app their own mailer), with plain-http webhooks allowed
 * because the tests' receivers listen on http://127.0.0.1, and the log kept
 * to warnings and errors (no line per request in the tests' output).
 */
export const testConfig = (): Config => ({ ...parseConfig({}), webhookAllowLocalHttp: true, logLevel: 'warn' });
