import type { DbOrTx } from './open.ts';
import { rootOf } from './transaction.ts';
import { postgresEngineOf } from './postgres/open.ts';

/**
 * A query compiled once per database handle, then only bound and run.
 *
 * Building a query with drizzle and having SQLite prepare it costs more than
 * running it for the small lookups every request makes (the session, the
 * memberships, the profile): about half of a `GET /v1/profiles/me` in a CPU
 * profile. `build` receives the handle and returns `....prepare()`, with
 * `sql.placeholder()` for every value that varies between calls.
 *
 * Statements are kept per handle (a WeakMap, so an in-memory test database
 * takes its own with it). A statement prepared on the database runs on its
 * one connection, so it sees an open transaction's writes like any query.
 * On PostgreSQL a transaction has a connection of its own: its statements
 * are prepared on that connection's handle, kept while the connection lives
 * (`handleOfConnection`), the pool's on the database's.
 */
export function prepareOnce<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const statements = new WeakMap<DbOrTx, T>();
  return function prepared(handle) {
    // A transaction's or a read's handle runs on the database's one connection: one statement serves them all.
    const root = rootOf(handle);
    const db = root !== handle && !postgresEngineOf(root) ? root : handle;
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
