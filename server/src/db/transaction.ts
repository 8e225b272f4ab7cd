import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Db } from './open.ts';

/**
 * The asynchronous data layer's two entry points: `withTransaction` for
 * work that must be all-or-nothing, `query` for a read or a single
 * statement. Both return Promises, so that a use case written against them
 * runs unchanged on an engine whose driver is asynchronous (PostgreSQL).
 *
 * On SQLite there is one connection per process, and a transaction is a
 * state of that connection: while an asynchronous transaction waits
 * between two of its statements, another request's statement would run
 * inside it, see its uncommitted rows and be rolled back with it. So every
 * statement of the process passes through one first-in, first-out gate per
 * database, which a transaction holds from BEGIN to COMMIT: nothing
 * interleaves, nothing is half-seen. Statements inside the transaction (the
 * same asynchronous context) pass straight through.
 *
 * Transactions begin IMMEDIATE, so that another process's write lock is
 * waited for under the busy timeout (see `openDatabase`), and never wait on
 * the network: mail and webhooks go through outboxes written in the
 * transaction and sent after it.
 */

/** Mutual exclusion in arrival order: each holder runs when the previous one has finished. */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  hold<T>(run: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(run).finally(release);
  }
}

/** The transaction this asynchronous context runs in, per database, and how deep in savepoints. */
interface Open {
  readonly db: Db;
  depth: number;
}

const gates = new WeakMap<Db, Gate>();
const current = new AsyncLocalStorage<Open>();

function gateOf(db: Db): Gate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = new Gate()));
  return gate;
}

const clientOf = (db: Db): Database.Database => db.$client;

/** Whether this asynchronous context is inside a transaction on `db`. */
export const inTransaction = (db: Db): boolean => current.getStore()?.db === db;

export interface TransactionOptions {
  /**
   * `deferred` for a read-only transaction that only wants one consistent
   * snapshot; writes take `immediate` (the default).
   */
  readonly behavior?: 'immediate' | 'deferred';
}

/**
 * Runs `work` in a transaction: committed when it resolves, rolled back when
 * it rejects (and the rejection passed on). Called inside another
 * transaction, it is a savepoint of it: its failure undoes only its own part.
 */
export function withTransaction<T>(deps: { readonly db: Db }, work: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { db } = deps;
  const client = clientOf(db);
  const open = current.getStore();
  if (open?.db === db) {
    const name = `sp${++open.depth}`;
    client.exec(`SAVEPOINT ${name}`);
    return work(db).then(
      (result) => {
        client.exec(`RELEASE ${name}`);
        open.depth--;
        return result;
      },
      (error: unknown) => {
        client.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        open.depth--;
        throw error;
      },
    );
  }
  return gateOf(db).hold(() =>
    current.run({ db, depth: 0 }, async () => {
      client.exec(options.behavior === 'deferred' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await work(db);
      } catch (error) {
        // A failed COMMIT or a full disk may already have ended it.
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
      try {
        client.exec('COMMIT');
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
      return result;
    }),
  );
}

/**
 * Runs one read or one statement outside any transaction, after the
 * transactions that arrived before it (inside one, at once, as part of it).
 */
export function query<T>(deps: { readonly db: Db }, read: (db: Db) => T | Promise<T>): Promise<T> {
  const { db } = deps;
  if (inTransaction(db)) return Promise.resolve().then(() => read(db));
  return gateOf(db).hold(async () => read(db));
}
