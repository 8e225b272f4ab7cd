import * as v from 'valibot';
import { isAbsolute, resolve } from 'node:path';

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
  DATABASE_MAX_PAGES: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/, 'DATABASE_MAX_PAGES must be a whole number of pages.'), v.transform(Number))),
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  /** `smtp://user:pass@host:587` — without it, mail goes to the dev outbox. */
  SMTP_URL: v.optional(v.pipe(v.string(), v.url('SMTP_URL must be a URL such as smtp://user:pass@host:587.'))),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.email()), 'no-reply@passerelle.localhost'),
  SESSION_TTL_MINUTES: minutes('480'),
  /** Shows the dev outbox at /v1/dev/outbox. Never set in production. */
  PASSERELLE_DEV_OUTBOX: v.optional(v.picklist(['0', '1']), undefined),
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy). */
  TRUST_PROXY: v.optional(v.picklist(['0', '1']), '0'),
  /** Accept webhook URLs in plain http to localhost (default: on except in production). */
  WEBHOOK_ALLOW_LOCAL_HTTP: v.optional(v.picklist(['0', '1'])),
  /** Seconds the requests in flight get to finish after SIGTERM or SIGINT before they are cut (10 by default). */
  SHUTDOWN_GRACE_SECONDS: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'SHUTDOWN_GRACE_SECONDS must be a whole number of seconds.'), v.transform(Number)), '10'),
});

export interface Config {
  port: number;
  databaseUrl: string;
  /** `PRAGMA max_page_count` for the server's connection; undefined = SQLite's default (no practical cap). */
  databaseMaxPages: number | undefined;
  production: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMinutes: number;
  devOutbox: boolean;
  trustProxy: boolean;
  webhookAllowLocalHttp: boolean;
  /** How long a stop (SIGTERM, SIGINT) waits for the requests in flight. */
  shutdownGraceSeconds: number;
}

export class ConfigError extends Error {}

/**
 * A relative DATABASE_URL is relative to where the person ran the command
 * (`INIT_CWD`, set by pnpm), not to the package folder pnpm switches to, so
 * `pnpm serve` and `pnpm passerelle` at the root agree on `./data/passerelle.db`.
 */
function databasePath(url: string, initCwd: string | undefined): string {
  if (url === ':memory:' || url.startsWith('file:') || isAbsolute(url)) return url;
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
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    databaseUrl: databasePath(e.DATABASE_URL, env.INIT_CWD),
    databaseMaxPages: e.DATABASE_MAX_PAGES,
    production,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    devOutbox: e.PASSERELLE_DEV_OUTBOX ? e.PASSERELLE_DEV_OUTBOX === '1' : !production && !e.SMTP_URL,
    trustProxy: e.TRUST_PROXY === '1',
    webhookAllowLocalHttp: e.WEBHOOK_ALLOW_LOCAL_HTTP ? e.WEBHOOK_ALLOW_LOCAL_HTTP === '1' : !production,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
  };
}

/** Defaults for tests: what an empty environment gives. */
export const testConfig = (): Config => ({ ...parseConfig({}), devOutbox: true });
