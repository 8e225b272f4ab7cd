import { rewriteCode } from './sql-text.ts';

/**
 * SQL whose plan does not depend on the values bound to it: each `?`
 * parameter written `+?` (SQLite only; `db/statement-cache.ts` compiles every
 * statement so).
 *
 * better-sqlite3 is built with SQLITE_ENABLE_STAT4, and `PRAGMA optimize`
 * (db/open.ts) gathers those samples. When the planner weighs an index that
 * has samples against a bound parameter, it reads the parameter's value and
 * marks the statement so that binding another value compiles it again: every
 * execution of such a statement (a join, a search not answered by a unique
 * key alone) was compiled anew, whatever the statement cache kept. In SQLite
 * alone, on the benchmark's database, a message's recipient (people joined
 * to profiles by key) took 9.0 µs a read, 2.0 µs when bound only once.
 *
 * `+?` is the same value (a unary plus does nothing, and neither it nor a
 * parameter has an affinity) and still an index key, but the planner does
 * not look through it: it plans once, from the statistics alone, which is
 * SQLite's "query planner stability guarantee" (SQLITE_DBCONFIG_ENABLE_QPSG,
 * which better-sqlite3 does not expose). The price: a plan no longer adapts
 * to a rare value. The queries whose plan matters say which index to take
 * (`+column`, `unindexedText`), and `bench/api.ts` measures them at 200,000
 * profiles. Numbered parameters (`?3`) keep their number; named ones (`:x`)
 * are left as they are (drizzle writes `?`).
 */
export const valuesUnseen = (sql: string): string => rewriteCode(sql, (c) => (c === '?' ? '+?' : c));
