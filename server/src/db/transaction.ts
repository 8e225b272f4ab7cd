import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Db } from './open.ts';
import { handleOfConnection, postgresEngineOf, type ConnectionHandle, type PostgresEngine } from './postgres/open.ts';
import { databaseRefusal, fromDatabase } from './refusal.ts';
import { walSyncOf } from './wal-sync.ts';

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
 * interleaves, nothing is half-seen. The transaction's own statements go
 * through the handle it is given (`tx`), which passes straight through: a
 * query made with the plain database inside a transaction would wait for
 * that transaction's end, so always pass `tx` down. (The handle, not
 * AsyncLocalStorage, says where a statement belongs: on Node 20 the latter
 * costs a hook on every promise of the process.)
 *
 * Transactions begin IMMEDIATE, so that another process's write lock is
 * waited for under the busy timeout (see `openDatabase`), and never wait on
 * the network: mail and webhooks go through outboxes written in the
 * transaction and sent after it. On a file, a transaction's or a read's
 * promise settles only once what it committed, or may have seen committed,
 * is on disk; that wait is outside the gate, so the next holder runs
 * meanwhile and commits made during one fsync share the next
 * (`wal-sync.ts`).
 *
 * On PostgreSQL (db/postgres/) there is no gate: each transaction has a
 * connection of its own from the pool and runs SERIALIZABLE, the isolation
 * SQLite's single writer gives, so the use cases keep the guarantees they
 * were written for; a serialization failure or a deadlock (another
 * instance's transaction won) runs the work again, from the start, a few
 * times. A read made with `query` runs on the pool, statement by statement.
 */

/** Mutual exclusion in arrival order: each holder runs when the previous one has finished. */
class Gate {
  private tail: Promise<void> = Promise.resolve();
  /** Holders that have arrived and not finished. */
  private waiting = 0;

  hold<T>(run: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    // Nobody holds it or waits: enter now, without a turn of the event loop
    // (the common case, and the cheap one); otherwise after the previous holder.
    const entered = this.waiting++ === 0 ? enter(run) : previous.then(run);
    return entered.finally(() => {
      this.waiting--;
      release();
    });
  }
}

/** Runs `run` now, its synchronous throw turned into a rejection. */
function enter<T>(run: () => Promise<T>): Promise<T> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A transaction's handle: the database, seen from inside the transaction, and how deep in savepoints it is. */
interface Open {
  readonly db: Db;
  depth: number;
  /** A read's handle (from `query`): no transaction is open, so a `withTransaction` inside it begins one. */
  readonly reading?: boolean;
  /** PostgreSQL: the transaction's own connection. */
  readonly client?: pg.PoolClient;
  /** PostgreSQL: that connection's handle, which holds the transaction's BEGIN and its writes sent ahead until its next statement. */
  readonly connection?: ConnectionHandle;
}

const gates = new WeakMap<Db, Gate>();
/** better-sqlite3's connection under drizzle's database (drizzle sets `$client`; its type does not say so). */
const connectionOf = (db: Db): Database.Database => (db as unknown as { $client: Database.Database }).$client;
const handles = new WeakMap<Db, Open>();

function gateOf(db: Db): Gate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = new Gate()));
  return gate;
}

/** Whether `db` is a transaction's handle (given to `withTransaction`'s work). */
export const inTransaction = (db: Db): boolean => handles.has(db) && !handles.get(db)!.reading;

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
  const open = handles.get(deps.db);
  if (open?.reading) throw new Error('withTransaction inside query(): begin the transaction first, and read inside it.');
  if (open) return savepoint(deps.db, open, work);
  const { db } = deps;
  const engine = postgresEngineOf(db);
  if (engine) return postgresTransaction(db, engine, work, options);
  const client = connectionOf(db);
  return durably(client, gateOf(db), async () => {
    // The same query builder, known to `query` and to nested transactions as this transaction's.
    const tx = Object.create(db) as Db;
    handles.set(tx, { db, depth: 0 });
    client.exec(options.behavior === 'deferred' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      // A failed statement (a full disk) may already have ended it.
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    } finally {
      handles.delete(tx);
    }
    try {
      client.exec('COMMIT');
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
    return result;
  });
}

/**
 * Runs `run` holding the SQLite gate, then, on a file database, settles only
 * once the commits it made or may have seen are on disk (`wal-sync.ts`): the
 * mark is taken inside the gate, where no transaction is open; the wait is
 * outside it, so the next holder runs while the log is synced.
 */
function durably<T>(client: Database.Database, gate: Gate, run: () => Promise<T>): Promise<T> {
  const wal = walSyncOf(client);
  if (!wal) return gate.hold(run);
  let mark = 0;
  const marked = () => (mark = wal.mark());
  return gate.hold(() => run().finally(marked)).then(
    (result) => {
      const synced = wal.durable(mark);
      return synced ? synced.then(() => result) : result;
    },
    (error: unknown) => {
      const synced = wal.durable(mark);
      return synced ? synced.then(() => Promise.reject(error), () => Promise.reject(error)) : Promise.reject(error);
    },
  );
}

async function savepoint<T>(tx: Db, open: Open, work: (tx: Db) => Promise<T>): Promise<T> {
  const name = `sp${++open.depth}`;
  const pgClient = open.client;
  const { connection } = open;
  const exec = pgClient
    ? async (sql: string) => {
        // What is ahead (the transaction's BEGIN, writes nobody waits for) goes first.
        await connection?.flush();
        return pgClient.query(sql);
      }
    : (sql: string) => connectionOf(open.db).exec(sql);
  await exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(tx);
    await exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await exec(`RELEASE SAVEPOINT ${name}`);
    throw error;
  } finally {
    open.depth--;
  }
}

/**
 * How long a PostgreSQL transaction keeps being run again after
 * serialization failures or deadlocks, from its first attempt. Writes that
 * meet at once (one person's, or any on the same page of a small table's
 * index, which is what SERIALIZABLE's predicate locks cover) fail one
 * another, and each round lets at least one of them commit: a burst of N
 * needs up to N rounds. Past the budget the failure is the answer (503,
 * try again shortly).
 */
const RETRY_BUDGET_MS = 10_000;
/** The longest wait between two attempts: full jitter under 5 ms doubling per attempt, up to this. */
const MAX_BACKOFF_MS = 250;
/** SQLSTATEs that mean "another transaction won; the same work may succeed now". */
const RETRYABLE = new Set(['40001', '40P01']);

/** The SQLSTATE behind an error (drizzle wraps the driver's error as its cause). */
export function postgresCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function postgresTransaction<T>(db: Db, engine: PostgresEngine, work: (tx: Db) => Promise<T>, options: TransactionOptions): Promise<T> {
  await engine.ready;
  const began = Date.now();
  for (let attempt = 0; ; attempt++) {
    const client = await engine.pool.connect();
    // The connection's own handle, with the statements already prepared on it (prepare-once.ts).
    const connection = handleOfConnection(engine, client);
    // Whether it wrote to what the instances keep in memory: forgotten here as soon as it is committed (change-listener.ts).
    connection.changedKept = false;
    const tx = connection.db;
    const open: Open = { db, depth: 0, client, connection };
    handles.set(tx, open);
    // Its writes sent ahead are the transaction's too (savepoints included).
    handles.set(connection.ahead, open);
    let broken: unknown;
    // A connection lost between two statements is told to its client as an event (without a listener, an
    // uncaught error: the process would end); its next statement then fails with words that do not say why.
    let lost: Error | undefined;
    const onLost = (error: Error) => (lost = error);
    client.on('error', onLost);
    try {
      // Sent with the work's first statement, in the same write (postgres/pipeline.ts).
      connection.begin(options.behavior === 'deferred' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await work(tx);
      // With the writes still ahead; work that sent nothing began nothing on the server, and commits nothing.
      // COMMIT is the engine's statement too: a connection that fails there is the database's failure (db/refusal.ts).
      await connection.commit().catch((error: unknown) => Promise.reject(fromDatabase(error)));
      if (connection.changedKept) engine.cache.forget();
      return result;
    } catch (error) {
      await connection.rollback().catch((e: unknown) => (broken = e));
      // The lost connection is why the work failed: say so (503, try again), whatever its next statement said.
      if (lost && !databaseRefusal(error)) throw fromDatabase(lost);
      const code = postgresCode(error);
      if (code === undefined || !RETRYABLE.has(code) || Date.now() - began >= RETRY_BUDGET_MS) throw error;
    } finally {
      handles.delete(tx);
      handles.delete(connection.ahead);
      // Nothing left ahead for the connection's next holder.
      connection.reset();
      client.off('error', onLost);
      const dead = lost ?? broken;
      client.release(dead instanceof Error ? dead : undefined);
    }
    // Another transaction won: let it finish (the connection back in the pool meanwhile), then start again; later attempts wait longer, with jitter.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 5 * 2 ** Math.min(attempt, 10))));
  }
}

/**
 * Runs `write` (one write answering no rows: an INSERT, UPDATE or DELETE
 * without RETURNING) as part of the transaction `tx`. On PostgreSQL it is
 * not sent at once but with the transaction's next statement or its COMMIT,
 * in the same write to the server (postgres/pipeline.ts): for the writes
 * nobody reads back in the transaction (an audit entry, an outbox row),
 * whose answer the work would only wait for. Their failure then fails that
 * next statement or the COMMIT, so the transaction fails as it would have.
 * The statements reach the server in the order they were made. On SQLite,
 * and outside a transaction, it runs at once.
 */
export async function sendWithNext(tx: Db, write: (tx: Db) => Promise<unknown>): Promise<void> {
  const open = handles.get(tx);
  await write(open?.connection && !open.reading ? open.connection.ahead : tx);
}

/** The database a handle belongs to (itself when it is the database). */
export const rootOf = (db: Db): Db => handles.get(db)?.db ?? db;

/**
 * Runs a read or a single write (one function of a `queries/` file): with a
 * transaction's handle, at once, as part of it; with the database, after the
 * transactions that arrived before it, and with the gate held until `read`
 * settles, so that a read made of several statements (awaited one after the
 * other) sees no transaction's half-done work either. `read` receives the
 * handle to pass to the queries it calls: they run straight through.
 */
export function query<T>(db: Db, read: (db: Db) => T | Promise<T>): Promise<T> {
  if (handles.has(db) || postgresEngineOf(db)) {
    try {
      return Promise.resolve(read(db));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return durably(connectionOf(db), gateOf(db), async () => {
    const held = Object.create(db) as Db;
    handles.set(held, { db, depth: 0, reading: true });
    try {
      return await read(held);
    } finally {
      handles.delete(held);
    }
  });
}

/**
 * `batches`, read from one snapshot of the database: an export that reads
 * batch after batch sees every row present at its start exactly once, and
 * none of the changes made meanwhile. On PostgreSQL a connection of its own
 * holds a REPEATABLE READ, READ ONLY transaction for the whole stream (ended
 * when the stream ends, fails or is dropped); on SQLite, whose one
 * connection cannot stay in a transaction while other requests are served,
 * each batch is its own read (README, "Exports").
 */
export async function* inSnapshot<T>(db: Db, batches: (db: Db) => AsyncIterable<T>): AsyncGenerator<T> {
  const engine = postgresEngineOf(db);
  if (!engine) return yield* batches(db);
  await engine.ready;
  const client = await engine.pool.connect();
  const snapshot = handleOfConnection(engine, client).db;
  handles.set(snapshot, { db, depth: 0, client, reading: true });
  let ended = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    yield* batches(snapshot);
    await client.query('COMMIT');
    ended = true;
  } finally {
    handles.delete(snapshot);
    if (!ended) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
