/**
 * What every benchmark does the same way: a temporary SQLite file, the real
 * server (`src/index.ts`) on a free port over it, sign-in through the
 * host-token exchange, sequential HTTP requests timed until their whole body
 * is read, percentiles, an aligned table, and the command that reproduces
 * the figures. Each `bench/<name>.ts` keeps only its data and its requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, sqliteOf } from '../src/db/open.ts';
import { DEMO_HOST_SECRET_DEFAULT, DEMO_KID, seedDemo } from '../src/seed/demo.ts';
import { signHostToken } from '../src/auth/host-token.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A small deterministic generator (an LCG), so that runs with the same seed are comparable. */
export function seededRandom(seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return { random, pick };
}

/** A fresh directory for the benchmark's database; `remove()` deletes it. */
export function tempDatabase(name: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `passerelle-bench-${name}-`));
  return { file: join(dir, 'bench.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Opens `file` through the real migrations (triggers included) with the demo
 * institution seeded, ready for a bulk load: durability is off for the load
 * only, as the server reopens the file with its usual settings.
 */
export async function openForSeeding(file: string) {
  const { db, close } = openDatabase(file);
  migrateDatabase(db);
  const ids = await seedDemo(db, {}, new Date());
  // The benchmarks' seeding writes SQLite's own way (prepared statements, pragmas), synchronously.
  const sqlite = sqliteOf(db);
  sqlite.run(sql`PRAGMA synchronous = OFF`);
  return { db: sqlite, close, ids };
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface Reply {
  /** From sending the request to having read the whole body. */
  ms: number;
  bytes: number;
  text: string;
}

export interface BenchServer {
  /** A session token for a demo person (`student-ines`, `admin-demo`…). */
  signIn(sub: string): Promise<string>;
  /** One request; anything but 200 stops the benchmark. */
  call(token: string, method: string, path: string, body?: unknown): Promise<Reply>;
}

export interface RunningServer {
  base: string;
  child: ChildProcess;
  stop(): void;
}

/**
 * Starts a TypeScript server script (`script`, run from `cwd` through tsx) on
 * a free port and resolves once it prints `ready`; the child's stdout is
 * read for that line only, its stderr goes to ours.
 */
export async function startProcess(cwd: string, script: string, env: Record<string, string>, ready: string, nodeArgs: readonly string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && ok());
    });
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  return { base: `http://127.0.0.1:${port}`, child, stop: () => child.kill('SIGTERM') };
}

/**
 * The real server (`src/index.ts`) in production mode over `file`, on a free
 * port; with `profileDir`, under V8's sampling profiler, which writes a
 * `.cpuprofile` there when the server stops (open it in Chrome's DevTools, or
 * `bench/profile-summary.ts`).
 */
export function startServer(file: string, profileDir?: string): Promise<RunningServer> {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return startProcess(serverDir, 'src/index.ts', { DATABASE_URL: file, NODE_ENV: 'production', EMAIL_SIGN_IN: 'off' }, 'Passerelle API on', nodeArgs);
}

/**
 * A session token for a demo person (`student-ines`, `admin-demo`…), through
 * the host-token exchange; with `claims` (an affiliation, a name…), for a
 * person the exchange creates on first sign-in.
 */
export async function signIn(base: string, sub: string, claims: Record<string, string> = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const token = signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { ...claims, iss: 'demo', aud: 'passerelle', sub, iat, exp: iat + 300, jti: crypto.randomUUID() });
  const res = await fetch(`${base}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (res.status !== 200) throw new Error(`sign-in ${sub}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Runs the real server in production mode over `file` on a free port, hands
 * it to `use`, and stops it afterwards (on failure too).
 */
export async function withServer(file: string, use: (server: BenchServer) => Promise<void>): Promise<void> {
  const { base, stop } = await startServer(file);
  try {
    await use({
      signIn: (sub) => signIn(base, sub),
      async call(token, method, path, body) {
        const t0 = performance.now();
        const res = await fetch(base + path, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const buffer = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        const text = buffer.toString('utf8');
        if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
        return { ms, bytes: buffer.byteLength, text };
      },
    });
  } finally {
    stop();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * `warmup` unmeasured runs, then `n` sequential measured ones: p50/p95 of
 * their `ms`, and every result for the caller's own column.
 */
export async function measure<R extends { ms: number }>(n: number, warmup: number, run: (i: number) => Promise<R>): Promise<{ p50: number; p95: number; results: R[] }> {
  for (let i = 0; i < warmup; i++) await run(i);
  const results: R[] = [];
  for (let i = 0; i < n; i++) results.push(await run(i));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), results };
}

/**
 * Prints the header and returns a row printer: the first column padded to
 * its width on the right, the others aligned right.
 */
export function table(columns: readonly (readonly [title: string, width: number])[]): (...cells: (string | number)[]) => void {
  const line = (cells: readonly (string | number)[]) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(columns[0]![1]) : String(cell).padStart(columns[i]?.[1] ?? 0))).join(' ');
  console.log(line(columns.map(([title]) => title)));
  return (...cells) => console.log(line(cells));
}

export const ms = (value: number) => value.toFixed(2);

/** The command that reproduces the figures just printed. */
export function printReproduce(bench: string, flags: Record<string, string | number>): void {
  const args = Object.entries(flags).map(([flag, value]) => `--${flag} ${value}`);
  console.log(`\nReproduce: pnpm --filter @passerelle/server exec tsx bench/${bench}.ts ${args.join(' ')}`);
}
