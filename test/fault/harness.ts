/**
 * The real API as a child process for the fault tests: its own process
 * group (so `kill -9` hits the server and nothing else survives it), a free
 * random port, a temporary SQLite file seeded through the CLI, sign-in
 * through the host token exchange, and a direct read-only look at the file
 * to check what is really stored.
 */
import { after, before } from 'node:test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signHostToken } from '../../server/src/auth/host-token.ts';
import { DEMO_HOST_SECRET_DEFAULT, DEMO_KID, seedDemo } from '../../server/src/seed/demo.ts';
import { migrateDatabase, openDatabase } from '../../server/src/db/open.ts';

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
function envFor(databaseFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SMTP_URL: _smtp, DATABASE_MAX_PAGES: _cap, ...inherited } = process.env;
  return { ...inherited, NODE_ENV: 'test', EMAIL_SIGN_IN: 'off', DATABASE_URL: databaseFile, ...extra };
}

/** `pnpm passerelle <args>` on the given file, in English (the words these suites match); resolves with its standard output. */
export function cli(databaseFile: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env: envFor(databaseFile, { PASSERELLE_LANG: 'en' }) }, (err, stdout, stderr) =>
      err ? reject(new Error(`passerelle ${args.join(' ')} failed (${err.code}):\n${stderr}${stdout}`)) : resolve(stdout),
    );
  });
}

export interface Workspace {
  dir: string;
  /** The seeded database file. */
  file: string;
  remove(): void;
}

/**
 * A temporary folder with a migrated database holding the demo institutions
 * (what `pnpm passerelle seed --demo` does, in this process: one cold start
 * fewer), closed before any server opens it.
 */
export async function seededDatabase(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-fault-'));
  const file = join(dir, 'passerelle.db');
  const { db, close } = openDatabase(file);
  try {
    migrateDatabase(db);
    await seedDemo(db, {}, new Date());
  } finally {
    close();
  }
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: a seeded workspace made before its tests, and removed
 * after them with every server started through `track` stopped first.
 */
export function suiteWorkspace(): { readonly ws: Workspace; track(api: Api): Api } {
  let ws: Workspace | undefined;
  const apis: Api[] = [];
  before(async () => {
    ws = await seededDatabase();
  });
  after(async () => {
    for (const api of apis.splice(0)) await api.stop();
    ws?.remove();
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

/** Starts `src/index.ts` (as `pnpm serve` does) and waits until /health answers. */
export async function startApi(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<Api> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: envFor(databaseFile, { PORT: String(port), ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  let closed = false;
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
  const end = async (signal: NodeJS.Signals) => {
    killGroup(child, signal);
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
  return { url, output: () => output, waitForOutput, signal: (signal) => killGroup(child, signal), exited, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') };
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

/** The little of better-sqlite3 the checks use (it is the server's dependency, loaded from there). */
export interface Sqlite {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  pragma(sql: string, options?: { simple: boolean }): unknown;
  close(): void;
}
type SqliteConstructor = new (path: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Sqlite;
const Database = createRequire(join(serverDir, 'package.json'))('better-sqlite3') as SqliteConstructor;

/**
 * Opens the file as the restarted server would (a crash leaves a WAL to
 * recover, which needs a writable connection), runs `fn`, closes it.
 */
export function withDatabase<T>(file: string, fn: (db: Sqlite) => T): T {
  const db = new Database(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export const integrityOf = (db: Sqlite) => db.pragma('integrity_check', { simple: true });

export const pledgeIds = (db: Sqlite) => (db.prepare('SELECT id FROM pledges').all() as Array<{ id: string }>).map((r) => r.id);

/**
 * Pledges whose audit entry, or idempotency keys whose pledge, is missing —
 * a write only half there — and keys stored twice. `seeded`: the demo's
 * pledges, which were not written through the API and have no audit entry.
 */
export function partialWrites(db: Sqlite, seeded: readonly string[]): { pledgesWithoutAudit: string[]; keysWithoutPledge: unknown[]; duplicateKeys: unknown[] } {
  const audited = new Set((db.prepare(`SELECT object_id AS id FROM audit_log WHERE object_type = 'pledge' AND action = 'pledge.create'`).all() as Array<{ id: string }>).map((r) => r.id));
  return {
    pledgesWithoutAudit: pledgeIds(db).filter((id) => !seeded.includes(id) && !audited.has(id)),
    keysWithoutPledge: db
      .prepare(`SELECT k.key FROM idempotency_keys k WHERE k.location LIKE '/v1/pledges/%' AND NOT EXISTS (SELECT 1 FROM pledges p WHERE '/v1/pledges/' || p.id = k.location)`)
      .all(),
    duplicateKeys: db.prepare(`SELECT tenant_id, person_id, key, count(*) AS n FROM idempotency_keys GROUP BY tenant_id, person_id, key HAVING n > 1`).all(),
  };
}
