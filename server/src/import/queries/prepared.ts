/**
 * Prepared single-row statements for the bulk import: the query builder
 * compiles each one once (placeholders for every column), then each row only
 * binds its values — far cheaper than building a statement per row or
 * multi-row statements (measured: bench/import.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isSqlite, type Db, type DbOrTx } from '../../db/open.ts';
import { auditLog } from '../../db/tables/index.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import { inTransaction, query } from '../../db/transaction.ts';

/** `{ column: placeholder }` for the given keys of a row. */
export const placeholders = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)]));

/**
 * An INSERT of one row of `table` with exactly the keys of `columns`, compiled
 * once; every row passed to it must have those keys. Column defaults are
 * computed once, at compile time: pass the `id` of each row. Await each
 * write: on SQLite it has happened when the call returns, on PostgreSQL when
 * the server answered (and a failed one must fail the import there, not
 * later as an unhandled rejection).
 */
export function preparedInsert<T extends SQLiteTable>(tx: DbOrTx, table: T, columns: readonly (keyof T['$inferInsert'] & string)[], options: { ignoreConflicts?: boolean } = {}) {
  if (!inTransaction(tx)) throw new Error('preparedInsert runs inside withTransaction: its rows are written as part of it.');
  // The placeholders stand for the row's own values, which have the table's insert type.
  const insert = tx.insert(table).values(placeholders(columns) as T['$inferInsert']);
  const statement = (options.ignoreConflicts ? insert.onConflictDoNothing() : insert).prepare();
  // The statement's own answer, awaited by the caller: no promise of ours wrapped around SQLite's synchronous one.
  return (row: T['$inferInsert']) => statement.run(row as Record<string, unknown>);
}

type AuditWho = { tenantId: string; actorId: string | null; origin: string | null; at: string };

/** Audit entries of one origin, each as `writeAudit` writes it, through one prepared statement. */
export function insertAuditEntries(tx: DbOrTx, who: AuditWho, entries: readonly AuditEntry[]): Promise<void> {
  return query(tx, async (tx) => {
    const insert = preparedInsert(tx, auditLog, ['id', 'tenantId', 'actorId', 'origin', 'at', 'action', 'objectType', 'objectId', 'entityIds', 'subjectId', 'detail']);
    for (const e of entries) {
      await insert({ id: randomUUID(), ...who, action: e.action, objectType: e.objectType, objectId: e.objectId ?? null, entityIds: e.entityIds ?? [], subjectId: e.subjectId ?? null, detail: e.detail ?? {} });
    }
  });
}

/**
 * Runs `work` with a 256 MiB page cache instead of SQLite's 2 MiB: the
 * profiles' random ids land all over nine indexes, and a large import would
 * otherwise spill dirty pages before it commits. The connection's own size
 * is put back afterwards. SQLite-only tuning of its one connection: on
 * PostgreSQL the server's shared buffers are the administrator's to size,
 * and `work` simply runs.
 */
export async function withLargeCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return work();
  const before = await query(db, async (db) => {
    const size = (await db.get<{ cache_size: number }>(sql`PRAGMA cache_size`))?.cache_size ?? -2000;
    await db.run(sql`PRAGMA cache_size = -262144`);
    return size;
  });
  try {
    return await work();
  } finally {
    await query(db, (db) => db.run(sql.raw(`PRAGMA cache_size = ${Math.trunc(before)}`)));
  }
}
