/**
 * The real API as a child process for the fault tests: its own process
 * group (so `kill -9` hits the server and nothing else survives it), a free
 * random port, a database seeded with the demo data, sign-in through the
 * host token exchange, and a look at what is really stored, read back
 * through the engine (drizzle) rather than through the API.
 *
 * The engine: a temporary SQLite file by default; with
 * PASSERELLE_TEST_POSTGRES (an admin URL such as
 * postgres://postgres@127.0.0.1:5432/postgres), a fresh PostgreSQL database
 * per suite, which the API gets as DATABASE_URL=postgres://….
 */
import { after, before } from 'node:test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signHostToken } from '../../server/src/auth/host-token.ts';
import { DEMO_HOST_SECRET_DEFAULT, DEMO_KID, seedDemo, type DemoIds } from '../../server/src/seed/demo.ts';
import { connectDatabase, migrateAnyDatabase, type Db } from '../../server/src/db/open.ts';
import { dropDatabase, dropLeftovers, emptyDatabase } from '../../server/src/db/postgres/test-databases.ts';
import { auditedPledgeIds, duplicateKeys, integrity, pledgeIds as storedPledgeIds, pledgeKeyLocations } from '../../server/src/db/read-back.ts';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

/** The servers still running, killed on the way out whatever happens to the test. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The environment of the API and the CLI: test mode, no SMTP and no sign-in
 * by email code (everyone signs in through the host token exchange here),
 * so that the server needs no mail transport to start.
 */
function envFor(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SMTP_URL: _smtp, DATABASE_MAX_PAGES: _cap, PASSERELLE_TEST_POSTGRES: _admin, ...inherited } = process.env;
  return { ...inherited, NODE_ENV: 'test', EMAIL_SIGN_IN: 'off', DATABASE_URL: databaseUrl, ...extra };
}

/** `pnpm passerelle <args>` on the given database (a file or a postgres:// URL), in English (the words these suites match); resolves with its standard output. */
export function cli(databaseUrl: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env: envFor(databaseUrl, { PASSERELLE_LANG: 'en' }) }, (err, stdout, stderr) =>
      err ? reject(new Error(`passerelle ${args.join(' ')} failed (${err.code}):\n${stderr}${stdout}`)) : resolve(stdout),
    );
  });
}

export type Engine = 'sqlite' | 'postgres';

/** PostgreSQL's admin URL when the suite runs on it (PASSERELLE_TEST_POSTGRES), else undefined: SQLite. */
export const postgresAdminUrl = (): string | undefined => process.env.PASSERELLE_TEST_POSTGRES || undefined;
/** The engine these suites run on: PostgreSQL when PASSERELLE_TEST_POSTGRES is set. */
export const ENGINE: Engine = postgresAdminUrl() ? 'postgres' : 'sqlite';

export interface Workspace {
  /** A temporary folder for the suite's files (the SQLite database, backups…). */
  dir: string;
  engine: Engine;
  /** What the API and the CLI get as DATABASE_URL: the SQLite file, or postgres://… */
  url: string;
  /** The demo data's ids. */
  demo: DemoIds;
  remove(): Promise<void>;
}

let leftoversDropped = false;

/**
 * A migrated database holding the demo institutions (what `pnpm passerelle
 * seed --demo` does, in this process: one cold start fewer), closed before
 * any server opens it: a file in a temporary folder, or on PostgreSQL a
 * new database named after this process (so that a later run drops it if
 * this one dies before its `remove`).
 */
export async function seededDatabase(engine: Engine = ENGINE): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-fault-'));
  const adminUrl = postgresAdminUrl();
  if (engine === 'postgres' && !adminUrl) throw new Error('PostgreSQL suites need PASSERELLE_TEST_POSTGRES (an admin URL).');
  if (engine === 'postgres' && !leftoversDropped) {
    // The fault suites' databases that earlier runs, killed, left behind.
    await dropLeftovers(adminUrl!);
    leftoversDropped = true;
  }
  const url = engine === 'postgres' ? await emptyDatabase(adminUrl!) : join(dir, 'passerelle.db');
  const { db, close } = connectDatabase(url);
  let demo: DemoIds;
  try {
    await migrateAnyDatabase(db);
    demo = await seedDemo(db, {}, new Date());
  } finally {
    await close();
  }
  const remove = async () => {
    if (engine === 'postgres') await dropDatabase(adminUrl!, url);
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, engine, url, demo, remove };
}

/**
 * For a test file: a seeded workspace made before its tests, and removed
 * after them with every server started through `track` stopped first.
 * `engine`: a suite about one engine's own behaviour (a SQLite file's
 * backup, its size cap) names it; the others run on `ENGINE`.
 */
export function suiteWorkspace(options: { engine?: Engine } = {}): { readonly ws: Workspace; track(api: Api): Api } {
  let ws: Workspace | undefined;
  const apis: Api[] = [];
  before(async () => {
    ws = await seededDatabase(options.engine ?? ENGINE);
  });
  after(async () => {
    for (const api of apis.splice(0)) await api.stop();
    await ws?.remove();
  });
  return {
    get ws() {
      if (!ws) throw new Error('The workspace exists only while the tests run.');
      return ws;
    },
    track(api) {
      apis.push(api);
      return api;
    },
  };
}

export interface Api {
  url: string;
  /** What the server printed so far. */
  output(): string;
  /** The lines it logged as warnings or errors (pino levels 40 and up): why a request failed. */
  warnings(): string[];
  /** Resolves with the first line the server prints (or printed) that matches; rejects if it exits first. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Sends a signal and returns at once (see `exited`). */
  signal(signal: NodeJS.Signals): void;
  /** How the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the process group: no shutdown handler runs, as in a crash. */
  crash(): Promise<void>;
  /** SIGTERM, as an operator stopping it. */
  stop(): Promise<void>;
}

/** Starts `src/index.ts` (as `pnpm serve` does) on `databaseUrl` and waits until /health answers. */
export async function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Api> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: envFor(databaseUrl, { PORT: String(port), ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  let closed = false;
  /** Whether the test stopped it (a signal), rather than the server ending on its own. */
  let signalled = false;
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void; reject: (err: Error) => void }>();
  // Whole lines only: the text after the last newline may be the start of one.
  const matchingLine = (pattern: RegExp) => output.split('\n').slice(0, -1).find((line) => pattern.test(line));
  const onOutput = (d: unknown) => {
    output += String(d);
    for (const waiter of waiters) {
      const line = matchingLine(waiter.pattern);
      if (line !== undefined) (waiters.delete(waiter), waiter.resolve(line));
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close': the exit status, and every byte of output read.
    child.once('close', (code, signal) => {
      closed = true;
      running.delete(child);
      // A server that dies unasked (an uncaught error) would leave the test with "fetch failed" only: say why.
      if (!signalled) process.stderr.write(`The API on ${url} exited unasked (${code ?? signal}):\n${output}\n`);
      for (const waiter of waiters) waiter.reject(new Error(`The API exited (${code ?? signal}) without printing ${waiter.pattern}:\n${output}`));
      waiters.clear();
      resolve({ code, signal });
    }),
  );
  const waitForOutput = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const line = matchingLine(pattern);
      if (line !== undefined) resolve(line);
      else if (closed) reject(new Error(`The API exited without printing ${pattern}:\n${output}`));
      else waiters.add({ pattern, resolve, reject });
    });
  const send = (signal: NodeJS.Signals) => {
    signalled = true;
    killGroup(child, signal);
  };
  const end = async (signal: NodeJS.Signals) => {
    send(signal);
    await exited;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await end('SIGKILL');
      throw new Error(`The API did not answer ${url}/health within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const warnings = () => output.split('\n').filter((line) => /^\{"level":(4|5|6)0,/.test(line));
  return { url, output: () => output, warnings, waitForOutput, signal: send, exited, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** One HTTP request; throws if no complete answer came back (connection reset by a crash…). */
export async function request(api: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${api}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let jti = 0;
/** Signs a demo person in through the institution's host token, as its website would. */
export async function signIn(api: string, sub: string): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const token = signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub, iat, exp: iat + 300, jti: `fault-${process.pid}-${++jti}` });
  const res = await request(api, 'POST', '/v1/auth/exchange', { body: { token } });
  if (res.status !== 200) throw new Error(`sign-in of ${sub} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/**
 * Opens the database as the restarted server would (on SQLite a crash
 * leaves a WAL to recover, which needs a writable connection), runs `fn`
 * on it, closes it.
 */
export async function withDatabase<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = connectDatabase(url);
  try {
    return await fn(db);
  } finally {
    await close();
  }
}

/** `ok`, or what SQLite's integrity check found (see `integrity`). */
export const integrityOf = (db: Db): Promise<string> => integrity(db);

export const pledgeIds = (db: Db): Promise<string[]> => storedPledgeIds(db);

/**
 * Pledges whose audit entry, or idempotency keys whose pledge, is missing —
 * a write only half there — and keys stored twice. `seeded`: the demo's
 * pledges, which were not written through the API and have no audit entry.
 */
export async function partialWrites(db: Db, seeded: readonly string[]): Promise<{ pledgesWithoutAudit: string[]; keysWithoutPledge: string[]; duplicateKeys: unknown[] }> {
  const audited = await auditedPledgeIds(db);
  const ids = await pledgeIds(db);
  const stored = new Set(ids);
  return {
    pledgesWithoutAudit: ids.filter((id) => !seeded.includes(id) && !audited.has(id)),
    keysWithoutPledge: (await pledgeKeyLocations(db)).filter((k) => !stored.has(k.location.slice('/v1/pledges/'.length))).map((k) => k.key),
    duplicateKeys: await duplicateKeys(db),
  };
}
