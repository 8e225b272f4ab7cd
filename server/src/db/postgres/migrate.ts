/**
 * The PostgreSQL migrations (`drizzle-pg/`, written by drizzle-kit from
 * `tables.ts`, plus hand-written SQL), applied by drizzle's node-postgres
 * migrator under an advisory lock: N instances starting together wait for
 * one another, and the first applies what the others then find done.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { serverRoot } from '../../paths.ts';
import type { PostgresEngine } from './open.ts';

export const postgresMigrationsFolder = resolve(serverRoot, 'drizzle-pg');

/** The advisory lock's key: "passerelle migrations" (any constant shared by every instance). */
const MIGRATION_LOCK = 7_305_264_001;

export async function migratePostgres(engine: PostgresEngine): Promise<void> {
  await engine.ready;
  const client = await engine.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: postgresMigrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

let journal: readonly { when: number }[] | undefined;

/** How many committed migrations the database lacks, as drizzle's migrator counts them. */
export async function pendingPostgresMigrations(engine: PostgresEngine): Promise<number> {
  journal ??= (JSON.parse(readFileSync(join(postgresMigrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries;
  await engine.ready;
  const table = await engine.pool.query<{ found: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`);
  if (!table.rows[0]?.found) return journal.length;
  const { rows } = await engine.pool.query<{ last: string | null }>('SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations');
  const last = Number(rows[0]?.last ?? 0);
  return journal.filter((entry) => entry.when > last).length;
}
