/**
 * `pnpm start`: the Passerelle API on :8787 (seeded with the demo the first
 * time) and the demo institution's site on :5173. Ctrl-C stops both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite } from './site.ts';

const SITE_PORT = 5173;
const SITE_ORIGIN = `http://localhost:${SITE_PORT}`;
const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
/** Where the user typed `pnpm start` (pnpm runs the script from demo/), so a relative DATABASE_URL means what they meant. */
const userDir = process.env.INIT_CWD ?? process.cwd();

const apiPort = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(apiPort) || apiPort < 1 || apiPort > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
// The same default as `pnpm serve`: ./data/passerelle.db from where the command was typed.
const requestedDatabase = process.env.DATABASE_URL ?? './data/passerelle.db';
const databaseUrl =
  requestedDatabase.startsWith('file:') || requestedDatabase === ':memory:' || isAbsolute(requestedDatabase) ? requestedDatabase : resolve(userDir, requestedDatabase);
const api = process.env.VITE_PASSERELLE_API ?? `http://localhost:${apiPort}`;
// Development mode: sign-in codes go to the dev outbox the demo site shows (no SMTP needed).
const serverEnv = { ...process.env, PORT: String(apiPort), DATABASE_URL: databaseUrl, PASSERELLE_DEV: '1' };

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** True when nothing listens on the port (checked on all interfaces, as the servers will bind). */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createNetServer();
    probe.once('error', () => done(false));
    probe.listen({ port }, () => probe.close(() => done(true)));
  });
}

/** Runs the server's CLI to completion (migrate, seed, add an origin). */
function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env: serverEnv, encoding: 'utf8' });
  if (result.status !== 0) fail(`pnpm passerelle ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/** The demo tenant's allowed origins, or null when the database has no institution at all. */
async function demoOrigins(): Promise<{ institutions: number; origins: string[] | null }> {
  if (!existsSync(databaseUrl.startsWith('file:') ? fileURLToPath(databaseUrl) : databaseUrl)) return { institutions: 0, origins: null };
  const { openDatabase, migrateDatabase } = await import('../../server/src/db/open.ts');
  const { institutions } = await import('../../server/src/db/tables/index.ts');
  const { db, close } = openDatabase(databaseUrl);
  try {
    migrateDatabase(db);
    const rows = await db.select({ slug: institutions.slug, allowedOrigins: institutions.allowedOrigins }).from(institutions).all();
    return { institutions: rows.length, origins: rows.find((r) => r.slug === 'demo')?.allowedOrigins ?? null };
  } finally {
    close();
  }
}

async function waitForHealth(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`The API stopped during start-up (exit code ${child.exitCode}); see its output above.`);
    try {
      const res = await fetch(`http://localhost:${apiPort}/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`The API did not answer http://localhost:${apiPort}/health within ${timeoutMs / 1000} s.`);
}

const busy = [];
if (!(await portFree(apiPort))) busy.push(`${apiPort} (the API; set PORT to use another)`);
if (!(await portFree(SITE_PORT))) busy.push(`${SITE_PORT} (the demo site; its origin is registered for the demo institution, so it cannot move)`);
if (busy.length) fail(`Port${busy.length > 1 ? 's' : ''} already in use: ${busy.join(' and ')}. Stop what runs there, then try again.`);

const state = await demoOrigins();
if (state.institutions === 0) {
  console.log(`Seeding the demo institutions into ${databaseUrl}…`);
  console.log(cli('seed', '--demo'));
} else if (state.origins && !state.origins.includes(SITE_ORIGIN)) {
  console.log(cli('tenant', 'origin', 'add', 'demo', SITE_ORIGIN));
} else if (!state.origins) {
  console.warn(`The database ${databaseUrl} has institutions but no "demo": the demo site will not be able to sign anyone in. Run: pnpm passerelle seed --demo`);
}

const apiProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: serverDir, env: serverEnv, stdio: 'inherit' });
let stopping = false;
apiProcess.on('exit', (code) => {
  if (!stopping) fail(`The API stopped (exit code ${code}).`);
});
await waitForHealth(apiProcess);

let site: Awaited<ReturnType<typeof startSite>>;
try {
  site = await startSite({ port: SITE_PORT, api, logLevel: 'warn' });
} catch (err) {
  apiProcess.kill('SIGTERM');
  fail(`The demo site could not start on ${SITE_PORT}: ${err instanceof Error ? err.message : String(err)}`);
}

console.log(`
  Passerelle API    ${api}   (database ${databaseUrl})
  Demo site         ${SITE_ORIGIN}/
  Dev outbox        ${SITE_ORIGIN}/outbox.html

  Ctrl-C stops both.
`);

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  apiProcess.kill('SIGTERM');
  await site.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
