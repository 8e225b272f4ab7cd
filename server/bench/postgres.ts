/**
 * The benchmarks on PostgreSQL: the SQLite file a benchmark seeded, copied
 * by `pnpm passerelle copy` (`src/db/copy.ts`: through the real migrations,
 * so the search columns and tables are filled by their triggers) into a
 * fresh database of the server `adminUrl` points at, analysed. Both engines
 * then hold the same rows, ids included, and answer the same requests.
 */
import pg from 'pg';
import { copyToPostgres } from '../src/db/copy.ts';
import { databaseUrl } from '../src/db/postgres/test-databases.ts';

export interface BenchPostgres {
  /** The copy's URL, for DATABASE_URL. */
  readonly url: string;
  /** Drops the database. */
  drop(): Promise<void>;
}

/** A new database `passerelle_bench_<name>_<pid>` on `adminUrl`'s server holding a copy of `file`. */
export async function copyToNewPostgres(file: string, adminUrl: string, name: string): Promise<BenchPostgres> {
  const database = `passerelle_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, database);
  const started = performance.now();
  await copyToPostgres(file, url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  console.log(`copied to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s (${database})`);
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
