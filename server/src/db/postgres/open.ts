/**
 * The PostgreSQL engine: the same drizzle query builder every query is
 * written with (`Db`), its statements run on a node-postgres pool.
 *
 * drizzle's SQLite builder writes through a callback here (its "proxy"
 * driver), which numbers the placeholders (`statements.ts`), asks for rows
 * as arrays (the builder maps them to objects by position) and reads each
 * PostgreSQL type as the SQLite engine gives it: times as ISO 8601 strings,
 * calendar days as `YYYY-MM-DD`, JSON as its text (the builder parses it),
 * counts and sums as numbers.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import type { Db } from '../open.ts';
import { toPostgres } from './statements.ts';
import { fromDatabase } from '../refusal.ts';
import { changesWatched, NotifiedCache } from './change-listener.ts';
import { StatementNames } from './statement-names.ts';
import { answersNoRows, mayCarry, parsedOn, queryAfter, type Ahead } from './pipeline.ts';

/** What runs statements: the pool, or a transaction's own connection. */
export interface Queryable {
  query(config: pg.QueryArrayConfig): Promise<pg.QueryArrayResult>;
}

export class PostgresEngine {
  /** Whether `close` was called. */
  closed = false;
  /** What this instance keeps in memory until any instance changes it (`untilChange`). */
  readonly cache: NotifiedCache;
  constructor(
    readonly pool: pg.Pool,
    /** Settles when the database can be used (a test's database is created first). */
    readonly ready: Promise<void>,
    /** The statements run as named prepared statements on the pool's connections; none when undefined (statement-names.ts). */
    readonly names?: StatementNames,
    /** Opens a connection outside the pool, with its settings (the cache's listening connection). */
    connect: () => pg.Client = () => new pg.Client(pool.options),
  ) {
    // Whoever runs a statement learns of a failed start; nobody else must be told of it as unhandled.
    ready.catch(() => {});
    this.cache = new NotifiedCache({ connect, idleMillis: pool.options.idleTimeoutMillis ?? 10_000 }, ready);
  }
}

const engines = new WeakMap<Db, PostgresEngine>();

/** The engine under a database opened by `openPostgres`; undefined on SQLite. */
export const postgresEngineOf = (db: Db): PostgresEngine | undefined => engines.get(db);

/** `2026-03-02 09:00:00.12+00` (the server's text, in UTC) as `2026-03-02T09:00:00.120Z`. */
export function isoTime(text: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/.exec(text);
  if (!m) return new Date(text).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

const identity = (text: string) => text;
const parsers: Record<number, (text: string) => unknown> = {
  20: Number, // int8: counts, sums of cents (below 2^53)
  1700: Number, // numeric: sums of bigint
  1184: isoTime, // timestamptz
  1082: identity, // date
  114: identity, // json: parsed by the builder
  3802: identity, // jsonb
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * drizzle's statement callback over `target` (awaited before each statement);
 * `changed` is called after a statement that wrote to a table whose rows the
 * instances keep in memory (`change-listener.ts`); `names` names the
 * statements prepared on the server (`statement-names.ts`).
 */
export function runner(target: () => Queryable | Promise<Queryable>, changed?: () => void, names?: StatementNames, ahead?: ConnectionHandle) {
  return async (sql: string, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => {
    let result: pg.QueryArrayResult;
    try {
      const text = toPostgres(sql);
      const name = names?.of(text);
      // `ahead`'s writes answering no rows are sent with the connection's next statement (pipeline.ts).
      if (method === 'run' && ahead?.takesAhead(text, name)) {
        ahead.sendAhead({ text, name, values: params });
        if (changed && changesWatched(sql)) changed();
        return { rows: [], changes: 0 };
      }
      const client = await target();
      result = await client.query(name ? { name, text, values: params, rowMode: 'array' } : { text, values: params, rowMode: 'array' });
    } catch (error) {
      // The server's refusal or the connection's failure: the API words the ones that mean "full" or "try again" (db/refusal.ts).
      throw fromDatabase(error);
    }
    if (changed && changesWatched(sql)) changed();
    if (method === 'run') return { rows: [], changes: result.rowCount ?? 0 };
    if (method === 'get') return { rows: result.rows[0] as unknown[] };
    return { rows: result.rows };
  };
}

/** A database handle whose statements run on `target` (see `runner` for `changed` and `names`). */
export const builderOn = (target: () => Queryable | Promise<Queryable>, changed?: () => void, names?: StatementNames, ahead?: ConnectionHandle): Db =>
  drizzle(runner(target, changed, names, ahead) as never) as unknown as Db;

/** A pooled connection's own handle, and whether its current transaction wrote to what the instances keep in memory. */
export class ConnectionHandle {
  /** Set by a statement that wrote to a kept table; a transaction clears it when it begins. */
  changedKept = false;
  /** What goes ahead of the next statement (pipeline.ts): the transaction's BEGIN, then writes nobody waits for. */
  #ahead: Ahead[] = [];
  /** Whether the transaction's BEGIN is among them, i.e. nothing of the transaction has reached the server. */
  #beginAhead = false;
  readonly db: Db;
  /** The same connection, for the writes nobody waits for: those answering no rows go with the next statement (`sendWithNext`). */
  readonly ahead: Db;

  constructor(
    readonly client: pg.PoolClient,
    names?: StatementNames,
  ) {
    const queryable: Queryable = { query: (config) => this.#run(config) };
    const changed = () => (this.changedKept = true);
    this.db = builderOn(() => queryable, changed, names);
    this.ahead = builderOn(() => queryable, changed, names, this);
  }

  /** Opens a transaction with `statement` (a BEGIN), sent with the first statement after it. */
  begin(statement: string): void {
    this.#ahead = [{ text: statement }];
    this.#beginAhead = true;
  }

  /**
   * Whether the statement may be sent ahead: it answers no rows, and is
   * unnamed or already parsed here. A named one is run at once the first
   * time on a connection, which parses it under its name (pipeline.ts); after
   * that it goes ahead, only bound.
   */
  takesAhead(text: string, name: string | undefined): boolean {
    return answersNoRows(text) && (name === undefined || parsedOn(this.client, name, text));
  }

  /** Sends `write` (see `takesAhead`) with the next statement. */
  sendAhead(write: Ahead): void {
    this.#ahead.push(write);
  }

  /** Commits, with the writes still ahead; a transaction of which nothing was sent has nothing to commit. */
  async commit(): Promise<void> {
    if (this.#beginAhead && this.#ahead.length === 1) return this.reset();
    await this.#run({ text: 'COMMIT', rowMode: 'array' });
  }

  /** Rolls back: what is still ahead is never sent. */
  async rollback(): Promise<void> {
    const begun = !this.#beginAhead;
    this.reset();
    if (begun) await this.client.query('ROLLBACK');
  }

  /** Sends what is ahead on its own, if anything (before a statement not run through this handle's builder). */
  async flush(): Promise<void> {
    const ahead = this.#take();
    if (ahead.length === 0) return;
    // The last one carries the others, unnamed (a carrier must be parsed in its own query: pipeline.ts).
    const last = ahead.pop()!;
    await queryAfter(this.client, ahead, { text: last.text, values: last.values ? [...last.values] : [] });
  }

  /** Forgets what is ahead: never left for the connection's next holder. */
  reset(): void {
    this.#ahead = [];
    this.#beginAhead = false;
  }

  #take(): Ahead[] {
    const ahead = this.#ahead;
    this.reset();
    return ahead;
  }

  #run(config: pg.QueryArrayConfig): Promise<pg.QueryArrayResult> {
    if (this.#ahead.length === 0) return this.client.query(config);
    if (!mayCarry(this.client, config)) return this.flush().then(() => this.client.query(config));
    return queryAfter(this.client, this.#take(), config);
  }
}

const connectionHandles = new WeakMap<pg.PoolClient, ConnectionHandle>();

/**
 * The handle of one pooled connection, made once and kept while the
 * connection lives: the transactions and snapshots that take the connection
 * in turn all use it, so a statement prepared on it (`prepareOnce`) is built
 * once per connection rather than once per transaction. Building drizzle's
 * SQL was a quarter of a profile save's CPU on PostgreSQL when every
 * transaction had a handle of its own. A connection serves one holder at a
 * time (the pool lends it to one), so its flag is that holder's.
 */
export function handleOfConnection(engine: PostgresEngine, client: pg.PoolClient): ConnectionHandle {
  let handle = connectionHandles.get(client);
  if (!handle) connectionHandles.set(client, (handle = new ConnectionHandle(client, engine.names)));
  return handle;
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  readonly max?: number;
  /** Closes a connection idle this long (ms). */
  readonly idleTimeoutMillis?: number;
  /** Statements run often are prepared on the server (default true; false behind a pooler in transaction mode: statement-names.ts). */
  readonly preparedStatements?: boolean;
}

/** Opens a pool on `url` (`postgres://…`) and the database handle over it; its statements wait for `before` (creating a test's database). */
export function openPostgres(url: string, options: PostgresOptions = {}, before: Promise<void> = Promise.resolve()): { db: Db; close: () => Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 30_000,
    // A database that does not answer is an error after this long, not a hang (the API answers 503).
    connectionTimeoutMillis: 5_000,
    // Times travel in UTC; the server checks `check_function_bodies` etc. as configured.
    options: '-c TimeZone=UTC',
    types,
    allowExitOnIdle: true,
  });
  // An idle connection that breaks (the server restarted) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  // A connection the pool cannot give (the server down or refusing, none free in time) is the database's failure,
  // for a transaction's own connection as for a statement's (db/refusal.ts words it 503).
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: unknown) => (callback === undefined ? connect()!.catch((error: unknown) => Promise.reject(fromDatabase(error))) : connect(callback))) as typeof pool.connect;
  const engine = new PostgresEngine(pool, before, options.preparedStatements === false ? undefined : new StatementNames());
  // A write outside a transaction is committed when its statement returns: forgotten here at once.
  const db = builderOn(
    async () => {
      await engine.ready;
      return pool;
    },
    () => engine.cache.forget(),
    engine.names,
  );
  engines.set(db, engine);
  return {
    db,
    close: async () => {
      if (engine.closed) return;
      engine.closed = true;
      await engine.cache.close();
      await engine.ready.catch(() => {});
      await pool.end();
    },
  };
}
