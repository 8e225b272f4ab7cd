/**
 * `pnpm passerelle copy <sqlite-file> <postgres-url>`: an institution moves
 * from the embedded default to PostgreSQL. The file is brought up to date
 * and checked, the target migrated and found empty, then every table is
 * copied in one PostgreSQL transaction (all or nothing), parents before the
 * rows that point at them, each table in its rows' order of arrival; the row
 * counts of both sides are compared before the transaction commits.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { count, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { staffMessage } from '@passerelle/schema/messages/staff';
import * as tables from './tables/index.ts';
import { isPostgresUrl, migrateAnyDatabase, migrateDatabase, openDatabase, sqliteOf, withoutPassword, type Db } from './open.ts';
import { openPostgres } from './postgres/open.ts';
import { BackupRefused } from './backup.ts';
import { withTransaction } from './transaction.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 400;

export interface CopyReport {
  readonly from: string;
  readonly to: string;
  /** Rows copied, per table (the same on both sides: checked). */
  readonly tables: Record<string, number>;
}

/** The tables in an order where every table comes after those it points at (a table pointing at itself aside). */
export function tablesInCopyOrder(): SQLiteTable[] {
  const all = (Object.values(tables) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));
  const ordered: SQLiteTable[] = [];
  const placed = new Set<SQLiteTable>();
  const place = (table: SQLiteTable, path: Set<SQLiteTable>) => {
    if (placed.has(table)) return;
    if (path.has(table)) throw new Error(`The tables point at one another in a cycle through ${getTableName(table)}.`);
    path.add(table);
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = fk.reference().foreignTable as SQLiteTable;
      if (target !== table) place(target, path);
    }
    path.delete(table);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of all) place(table, new Set());
  return ordered;
}

/** A table's columns that point at its own rows (an entity's parent, a receipt's correction): filled in after every row is in. */
function selfReferences(table: SQLiteTable): SQLiteColumn[] {
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => ref.foreignTable === table)
    .flatMap((ref) => ref.columns);
}

const keyOf = (table: SQLiteTable, column: SQLiteColumn) => Object.entries(getTableColumns(table)).find(([, c]) => c === column)?.[0];

/** Copies every row of the SQLite file `from` into the empty PostgreSQL database `to`. */
export async function copyToPostgres(from: string, to: string): Promise<CopyReport> {
  if (!isPostgresUrl(to)) throw new BackupRefused(staffMessage('copy.target.notPostgres', { target: to }));
  if (isPostgresUrl(from) || !existsSync(from)) throw new BackupRefused(staffMessage('backup.noDatabase', { path: from, databaseUrl: false }));
  const source = openDatabase(from);
  const target = openPostgres(to, { max: 2 });
  try {
    const sqlite = sqliteOf(source.db);
    const integrity = (sqlite as unknown as { $client: Database.Database }).$client.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupRefused(staffMessage('backup.integrity', { path: from, integrity: String(integrity) }));
    migrateDatabase(source.db);
    await migrateAnyDatabase(target.db);
    const order = tablesInCopyOrder();
    const counts: Record<string, number> = {};
    await withTransaction({ db: target.db }, async (tx) => {
      for (const table of order) {
        const name = getTableName(table);
        const [present] = await tx.select({ n: count() }).from(table).all();
        if ((present?.n ?? 0) > 0) throw new BackupRefused(staffMessage('copy.target.notEmpty', { target: withoutPassword(to), table: name }));
      }
      for (const table of order) counts[getTableName(table)] = await copyTable(sqlite, tx, table);
      // Both sides hold the same rows before anything is committed.
      for (const table of order) {
        const name = getTableName(table);
        const [copied] = await tx.select({ n: count() }).from(table).all();
        if ((copied?.n ?? 0) !== counts[name]) throw new BackupRefused(staffMessage('copy.mismatch', { table: name, source: counts[name]!, target: copied?.n ?? 0 }));
      }
    });
    return { from, to: withoutPassword(to), tables: counts };
  } finally {
    source.close();
    await target.close();
  }
}

/** One table's rows, in their order of arrival (rowid), in batches; self-references set once every row is in. */
async function copyTable(sqlite: ReturnType<typeof sqliteOf>, tx: Db, table: SQLiteTable): Promise<number> {
  const selfRefs = selfReferences(table).map((c) => keyOf(table, c)!);
  const rows = sqlite.select().from(table).orderBy(sql`rowid`).all() as Record<string, unknown>[];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => (selfRefs.length ? { ...row, ...Object.fromEntries(selfRefs.map((k) => [k, null])) } : row));
    await tx.insert(table).values(batch as never).run();
  }
  if (selfRefs.length) {
    const primary = Object.entries(getTableColumns(table)).find(([, c]) => c.primary);
    if (!primary) throw new Error(`${getTableName(table)} points at itself without a primary key.`);
    const [key, column] = primary;
    for (const row of rows) {
      const set = Object.fromEntries(selfRefs.filter((k) => row[k] !== null && row[k] !== undefined).map((k) => [k, row[k]]));
      if (Object.keys(set).length) await tx.update(table).set(set as never).where(sql`${column} = ${row[key]}`).run();
    }
  }
  return rows.length;
}
