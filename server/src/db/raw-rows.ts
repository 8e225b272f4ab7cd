/**
 * Test support for suites that look at every table (test/security): a raw
 * statement (`?` placeholders) run on whichever engine the app's database
 * is, and the tables and columns it holds. Never used by the API itself.
 */
import type Database from 'better-sqlite3';
import type { Db } from './open.ts';
import { postgresEngineOf } from './postgres/open.ts';
import { toPostgres } from './postgres/statements.ts';

/** The rows of `text` (a SELECT, or a write answering none) on `db`'s engine. */
export async function rawRows(db: Db, text: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
  const engine = postgresEngineOf(db);
  if (engine) {
    await engine.ready;
    return (await engine.pool.query(toPostgres(text), [...params])).rows as Record<string, unknown>[];
  }
  // better-sqlite3's connection under drizzle's database (drizzle sets `$client`; the server's `Db` type does not name it).
  const statement = (db as unknown as { $client: Database.Database }).$client.prepare(text);
  if (!statement.reader) {
    statement.run(...params);
    return [];
  }
  return statement.all(...params) as Record<string, unknown>[];
}

/** The application's tables (neither the engine's own nor SQLite's full-text shadow tables), by name. */
export async function tableNames(db: Db): Promise<string[]> {
  const rows = postgresEngineOf(db)
    ? await rawRows(db, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
    : await rawRows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name");
  return rows.map((r) => String(r.name));
}

/** A table's column names. */
export async function columnNames(db: Db, table: string): Promise<string[]> {
  const rows = postgresEngineOf(db)
    ? await rawRows(db, "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", [table])
    : await rawRows(db, `SELECT name FROM pragma_table_info(?)`, [table]);
  return rows.map((r) => String(r.name));
}
