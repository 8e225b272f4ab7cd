/**
 * What the CLI tests share: a temporary folder of their own with a database
 * file in it (DATABASE_URL), removed after the test file; `pnpm passerelle`
 * run as it is typed, another process on that file, from that folder
 * (INIT_CWD); and the API over the same file, as the running server would see
 * the CLI's change.
 */
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { createApp } from '../app.ts';
import type { Mail } from '../auth/mailer.ts';
import { migrateDatabase, openDatabase, type Db } from '../db/open.ts';
import { testConfig } from '../env.ts';
import { seedDemo, type DemoIds } from '../seed/demo.ts';

/** The server package, where the CLI runs from. */
export const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliFolder {
  /** The temporary folder, where the commands are typed from. */
  dir: string;
  /** The database file the commands open. */
  database: string;
  /**
   * `pnpm passerelle <args>` as a child process, in English unless `env` says
   * otherwise. Asynchronous, so that this process sees the CLI's commit as the
   * server would: on a later turn of the event loop (see untilChange).
   */
  cli(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** The same, waited for (a minute at the most). */
  cliSync(args: readonly string[], env?: Record<string, string>): SpawnSyncReturns<string>;
}

export interface CliDatabase extends CliFolder {
  /** The database file, open in this process too (closed after the test file). */
  db: Db;
  ids: DemoIds;
}

function folder(name: string): CliFolder {
  const dir = mkdtempSync(join(tmpdir(), `passerelle-${name}-cli-`));
  const database = join(dir, 'cli.db');
  const envOf = (env: Record<string, string>) => ({ ...process.env, DATABASE_URL: database, INIT_CWD: dir, PASSERELLE_LANG: 'en', ...env });
  const argv = (args: readonly string[]) => ['--import', 'tsx', 'src/cli/main.ts', ...args];
  return {
    dir,
    database,
    cli: (args, env = {}) =>
      new Promise((done) => {
        execFile(process.execPath, argv(args), { cwd: serverDir, env: envOf(env), encoding: 'utf8' }, (err, stdout, stderr) =>
          done({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
        );
      }),
    cliSync: (args, env = {}) => spawnSync(process.execPath, argv(args), { cwd: serverDir, env: envOf(env), encoding: 'utf8', timeout: 60_000 }),
  };
}

/** A temporary folder for the CLI, removed after the test file; the database file it names is not created. */
export function cliFolder(name: string): CliFolder {
  const made = folder(name);
  afterAll(() => rmSync(made.dir, { recursive: true, force: true }));
  return made;
}

/** A temporary folder with a database file in it, migrated and holding the demo data; closed and removed after the test file. */
export async function cliDatabase(name: string): Promise<CliDatabase> {
  const made = folder(name);
  const { db, close } = openDatabase(made.database);
  afterAll(() => {
    close();
    rmSync(made.dir, { recursive: true, force: true });
  });
  migrateDatabase(db);
  const ids = await seedDemo(db, {}, new Date());
  return { ...made, db, ids };
}

/** The API over the CLI's database file, as the running server would see the CLI's change; its mail is kept in `mail`. */
export function cliApi(db: Db) {
  const mail: Mail[] = [];
  const app = createApp({ db, config: testConfig(), mailer: { send: async (m) => void mail.push(m) } });
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    app.request(path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  /** Signs in to the demo institution by email code and returns the session token. */
  async function emailSignIn(email: string): Promise<string> {
    expect((await call('POST', '/v1/auth/email', undefined, { tenant: 'demo', email })).status).toBe(202);
    const code = mail.filter((m) => m.to === email).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
    const res = await call('POST', '/v1/auth/verify', undefined, { tenant: 'demo', email, code });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }
  return { mail, call, emailSignIn };
}
