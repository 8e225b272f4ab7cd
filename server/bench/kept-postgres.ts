/**
 * The load benchmark's population on PostgreSQL (`test/bench/api.ts`): the
 * SQLite file it seeded, copied by `copyToPostgres` (`src/db/copy.ts`, the
 * `pnpm passerelle copy` command) into a database of the server
 * `testPostgresAdminUrl()` names, kept between runs as the file is. Both
 * engines then hold the same rows, ids included.
 *
 * Each run works on a copy of it (`CREATE DATABASE … TEMPLATE`, a file copy
 * on the PostgreSQL side), so what one run writes never reaches the next,
 * and the kept database keeps the row counts that say it can be reused.
 * Neither name starts with the test suite's prefix: its teardown drops those.
 */
import { count, getTableName } from 'drizzle-orm';
import pg from 'pg';
import { copyToPostgres, tablesInCopyOrder } from '../src/db/copy.ts';
import { connectDatabase } from '../src/db/open.ts';
import { databaseUrl, testPostgresAdminUrl } from '../src/db/postgres/test-databases.ts';

const RUN_PREFIX = 'passerelle_benchrun_';
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withAdmin<T>(use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

/** Rows per table, read through drizzle on either engine. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const { db, close } = connectDatabase(url, { poolSize: 2 });
  try {
    const counts: Record<string, number> = {};
    for (const table of tablesInCopyOrder()) {
      const [row] = await db.select({ n: count() }).from(table).all();
      counts[getTableName(table)] = row?.n ?? 0;
    }
    return counts;
  } finally {
    await close();
  }
}

const same = (a: Record<string, number>, b: Record<string, number>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * The URL of database `name`, holding the rows of the SQLite file `file`:
 * reused when it exists with the same row counts per table, else (re)built.
 */
export async function keptPostgres(file: string, name: string, log: (line: string) => void = console.log): Promise<string> {
  const url = databaseUrl(testPostgresAdminUrl(), name);
  const exists = await withAdmin(async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const wanted = await rowCounts(file);
  if (exists && same(wanted, await rowCounts(url).catch(() => ({})))) {
    log(`database: ${url} (cached)`);
    return url;
  }
  const started = performance.now();
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted(name)}`);
  });
  await copyToPostgres(file, url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  log(`database: ${url} (copied from ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return url;
}

/** Whether process `pid` still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** A private copy of the kept database `url` for one run; `remove()` drops it. Copies left by runs that died are dropped first. */
export async function postgresWorkingCopy(url: string): Promise<{ url: string; remove: () => Promise<void> }> {
  const template = decodeURIComponent(new URL(url).pathname.slice(1));
  const name = `${RUN_PREFIX}${process.pid}`;
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${RUN_PREFIX}%`]);
    for (const { datname } of rows) {
      if (!alive(Number(datname.slice(RUN_PREFIX.length))) || datname === name) await admin.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`);
  });
  return {
    url: databaseUrl(testPostgresAdminUrl(), name),
    remove: () => withAdmin(async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`))),
  };
}
