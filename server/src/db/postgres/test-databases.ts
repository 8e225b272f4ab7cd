/**
 * Databases for the test suite on PostgreSQL (`PASSERELLE_TEST_POSTGRES`,
 * the URL of a database to administer from, such as
 * `postgres://postgres@127.0.0.1:5432/postgres`).
 *
 * A template is migrated and seeded once per version of the code (its name
 * carries a hash of the server's sources and migrations); every test app
 * then gets its own database, copied from the template in a moment
 * (`CREATE DATABASE … TEMPLATE`), so tests stay independent as they are on
 * SQLite's in-memory copies. The suite's global teardown drops them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { serverRoot } from '../../paths.ts';
import type { Db } from '../open.ts';
import { openPostgres } from './open.ts';
import { migratePostgres } from './migrate.ts';
import { postgresEngineOf } from './open.ts';

/** The PostgreSQL server the tests administer: PASSERELLE_TEST_POSTGRES, else this project's machines' (127.0.0.1:5432, trust). */
export const testPostgresAdminUrl = (): string => process.env.PASSERELLE_TEST_POSTGRES || 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEMPLATE_PREFIX = 'passerelle_tpl_';
export const TEST_PREFIX = 'passerelle_test_';

/** The URL of database `name` on the server `adminUrl` points at. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A hash of what decides the seeded template's content: the server's sources and both engines' migrations. */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(serverRoot, 'src'));
  walk(join(serverRoot, 'drizzle-pg'));
  return hash.digest('hex').slice(0, 16);
}

let admin: pg.Pool | undefined;
function adminPool(adminUrl: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: adminUrl, max: 2, idleTimeoutMillis: 500, allowExitOnIdle: true });
  return admin;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The template `name`, created (migrated, then `seed` run on it at most
 * once, whatever the number of processes asking) if it does not exist;
 * returns what `seed` returned, kept as the database's comment.
 */
export async function ensureTemplate<T>(adminUrl: string, name: string, seed: (db: Db) => Promise<T>): Promise<T> {
  const client = await adminPool(adminUrl).connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('passerelle test template'))");
    try {
      const found = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
      const comment = found.rows[0]?.comment;
      const kept = comment ? (JSON.parse(comment) as { seeded?: T; at?: string }) : undefined;
      if (kept?.at !== undefined) return kept.seeded as T;
      if (found.rows.length) await client.query(`DROP DATABASE ${quoted(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoted(name)}`);
      const { db, close } = openPostgres(databaseUrl(adminUrl, name), { max: 2 });
      let value: T;
      try {
        await migratePostgres(postgresEngineOf(db)!);
        value = await seed(db);
      } finally {
        await close();
      }
      await client.query(`COMMENT ON DATABASE ${quoted(name)} IS ${pg.escapeLiteral(JSON.stringify({ seeded: value, at: new Date().toISOString() }))}`);
      return value;
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('passerelle test template'))");
    }
  } finally {
    client.release();
  }
}

let made = 0;

/**
 * A new database copied from `template`, open: its statements wait for the
 * copy. Small pools that let go of idle connections, since a test file
 * opens many of them and the server's connections are few.
 */
export function databaseFromTemplate(adminUrl: string, template: string): Db {
  const name = `${TEST_PREFIX}${process.pid}_${++made}`;
  const created = copy(adminUrl, template, name);
  return openPostgres(databaseUrl(adminUrl, name), { max: 3, idleTimeoutMillis: 200 }, created).db;
}

/** The URL of a new, empty database (dropped by the suite's teardown, as test databases are). */
export async function emptyDatabase(adminUrl: string): Promise<string> {
  const name = `${TEST_PREFIX}${process.pid}_${++made}`;
  await adminPool(adminUrl).query(`CREATE DATABASE ${quoted(name)}`);
  return databaseUrl(adminUrl, name);
}

/** Drops the database `url` names (a test's own, when its suite ends), ending whatever connections it still has. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await adminPool(adminUrl).query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
}

async function copy(adminUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminPool(adminUrl).query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`);
      return;
    } catch (error) {
      // 55006: the template is in use for a moment (another copy starting): try again.
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/** Whether process `pid` still runs (its test databases may be in use). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Drops the test databases of processes that have ended, and the templates
 * of other versions of the code made more than TEMPLATE_KEPT_MS ago (another
 * run of another version may still be copying from a recent one; the suite's
 * global setup and teardown call it).
 */
const TEMPLATE_KEPT_MS = 3 * 3600_000;

export async function dropLeftovers(adminUrl: string, keepTemplate?: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: adminUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ datname: string; comment: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2",
      [`${TEST_PREFIX}%`, `${TEMPLATE_PREFIX}%`],
    );
    for (const { datname, comment } of rows) {
      if (datname.startsWith(TEST_PREFIX)) {
        const pid = Number(datname.slice(TEST_PREFIX.length).split('_')[0]);
        if (alive(pid)) continue;
        await pool.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`).catch(() => {});
      } else if (keepTemplate !== undefined && datname !== keepTemplate) {
        const at = comment ? Date.parse((JSON.parse(comment) as { at?: string }).at ?? '') : NaN;
        if (Date.now() - at < TEMPLATE_KEPT_MS) continue;
        // Without FORCE: a template being copied from right now stays.
        await pool.query(`DROP DATABASE IF EXISTS ${quoted(datname)}`).catch(() => {});
      }
    }
  } finally {
    await pool.end();
  }
}
