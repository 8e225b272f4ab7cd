import { getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './open.ts';
import { prepareOnce } from './prepare-once.ts';

/**
 * INSERTs compiled once per handle and per set of columns given, then only
 * bound and run (as `prepareOnce`, which keeps them). Building an insert with
 * drizzle cost more than running it: 4.2 % of a pledge's busy time for the
 * pledge's own row, 1.9 % for its mail, 3 % for the idempotency key's queries
 * (`bench/api.ts --only pledges --profile`).
 *
 * A column left out gets its default as drizzle gives it, written into the
 * statement: a constant or SQL default is the same for every row, but a
 * `$defaultFn` (a new UUID) is not, so those are filled here for each row
 * before the statement is chosen, and always bound.
 *
 * `build` receives the handle and the placeholders, one per column given,
 * and returns the prepared statement: `db.insert(t).values(p)….prepare()`.
 */
/**
 * Statements that differ only by the columns they name (an INSERT of the
 * columns given, an UPDATE of the columns changed): one per set of columns,
 * each compiled once per handle (`prepareOnce`). Sets are few in practice;
 * past `MAX_SETS`, a new one empties the list rather than letting it grow.
 */
export function perColumnSet<S>(build: (keys: readonly string[]) => (db: DbOrTx) => S): (keys: readonly string[]) => (db: DbOrTx) => S {
  const bySignature = new Map<string, (db: DbOrTx) => S>();
  return (keys) => {
    const signature = keys.join(',');
    let prepared = bySignature.get(signature);
    if (!prepared) {
      if (bySignature.size >= MAX_SETS) bySignature.clear();
      prepared = prepareOnce(build(keys));
      bySignature.set(signature, prepared);
    }
    return prepared;
  };
}

const MAX_SETS = 256;

export function preparedInsert<T extends SQLiteTable, S>(table: T, build: (db: DbOrTx, values: SQLiteInsertValue<T>) => S): (db: DbOrTx, row: T['$inferInsert']) => { statement: S; values: Record<string, unknown> } {
  const generated = Object.entries(getTableColumns(table)).flatMap(([key, column]) => (column.defaultFn ? [[key, column.defaultFn] as const] : []));
  // The keys are those of a row that type-checked as the table's insert model, each a placeholder.
  const statementFor = perColumnSet((keys) => (db) => build(db, Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as SQLiteInsertValue<T>));
  return (db, row) => {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) if (value !== undefined) values[key] = value;
    for (const [key, fill] of generated) if (values[key] === undefined) values[key] = fill();
    return { statement: statementFor(Object.keys(values).sort())(db), values };
  };
}
