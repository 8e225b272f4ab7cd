import type Database from 'better-sqlite3';
import { valuesUnseen } from './values-unseen.ts';

/** Statements kept per connection; the least recently used goes first beyond it. */
const KEPT = 1_000;

/**
 * The SQLite connection as drizzle is given it: the same connection, whose
 * `prepare` keeps the statements it compiled, by SQL text.
 *
 * drizzle prepares every query it runs, and SQLite compiles the SQL each time:
 * 6 % of a pledge's busy time in a CPU profile (`bench/api.ts --profile`),
 * more than running some of its statements. A query built twice gives the
 * same text (values are bound as parameters), so the second time it is only
 * bound and run. Queries compiled once for good (`prepareOnce`) do not need it,
 * but are compiled here too: every statement is compiled with its parameters
 * hidden from the planner (`values-unseen.ts`), so that binding new values
 * does not compile it again.
 *
 * A statement from here is shared by everyone who prepares that text: it is
 * handed out as a fresh one would be (rows as objects: not raw, plucked nor
 * expanded), and a caller that changes its mode sets it again at each use.
 * better-sqlite3 refuses to run a statement that is still iterating (and the
 * server never iterates one); everything else it does is synchronous, so two
 * users of one statement never overlap.
 */
export function withStatementCache(connection: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let statement = kept.get(source);
    if (statement === undefined) {
      statement = connection.prepare(valuesUnseen(source));
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    } else {
      kept.delete(source);
      // Modes apply to statements that answer rows only (better-sqlite3 throws otherwise).
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    }
    kept.set(source, statement);
    return statement;
  };
  // Every other property and method is the connection's own (methods find the native handle through `this`).
  return Object.create(connection, { prepare: { value: prepare } }) as Database.Database;
}
