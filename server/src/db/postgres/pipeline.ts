/**
 * Statements sent ahead of the next one, in the same write, when nothing
 * waits for their answers: a transaction's BEGIN, and the writes whose
 * result nobody reads (an audit entry, an outbox row), which go with the
 * transaction's next statement or its COMMIT.
 *
 * node-postgres sends a statement only once the previous one is answered,
 * so a transaction of n statements costs n + 2 round trips, each a write to
 * the socket and a wake-up to read its answer. In a CPU profile of
 * `PATCH /v1/profiles/:id` on PostgreSQL, the socket writes were the largest
 * single cost of the server's process (`writev`, 30 % of its busy time; the
 * write baseline makes three of them, the profile change seven).
 *
 * The extended protocol needs no answer between two statements: each is
 * parsed, bound and executed in turn, and one Sync ends them all;
 * PostgreSQL runs them in order and answers them in order, then is ready
 * once. The server sees the same statements in the same order as before;
 * an explicit BEGIN inside such a pipeline opens a transaction block that
 * outlives the Sync, as the separate BEGIN did. When a statement sent ahead
 * fails, PostgreSQL skips the rest up to the Sync and the statement sent
 * with it fails with that error (its SQLSTATE, hence the API's answer, is
 * the one of the statement that failed): the transaction is aborted, and
 * rolled back, as before.
 *
 * A statement sent ahead is never described, so it must answer no rows
 * (`answersNoRows`). node-postgres records a name as parsed on the first
 * ParseComplete it receives during a query, for that query's name, whatever
 * the statement parsed: so a statement named (prepared) but not yet parsed
 * on the connection neither goes ahead (it runs at once, the first time) nor
 * carries others (what is ahead is sent on its own first). Each statement
 * meets this once per connection.
 */
import { createRequire } from 'node:module';
import pg from 'pg';

/** A statement to send ahead: no rows in its answer. A name means a statement prepared on the server. */
export interface Ahead {
  readonly text: string;
  readonly name?: string;
  readonly values?: readonly unknown[];
}

/** The parts of node-postgres's connection (not in its types) a query writes to. */
interface Connection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  readonly parsedStatements: Record<string, string | undefined>;
  parse(message: { text: string; name?: string }): void;
  bind(message: { portal?: string; statement?: string; values?: readonly unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  execute(message: { portal?: string; rows?: number }): void;
}

/** node-postgres's `Query` as seen from a subclass: what its types leave out. */
interface QueryInternals {
  readonly name?: string;
  readonly text: string;
  submit(connection: Connection): Error | null;
  handleCommandComplete(message: unknown, connection: Connection): void;
}
type Callback = (error: Error | null, result: pg.QueryArrayResult) => void;
const Query = pg.Query as unknown as new (config: pg.QueryConfig & { queryMode?: 'extended'; rowMode?: 'array'; callback?: Callback }) => QueryInternals;
/** How node-postgres turns a JavaScript value into a parameter (dates, arrays, JSON): the same for the statements ahead. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => unknown };

class AfterAhead extends Query {
  /** The CommandCompletes still to come from the statements ahead, which are not the query's results. */
  #aheadPending: number;

  constructor(
    private readonly ahead: readonly Ahead[],
    config: pg.QueryConfig,
    callback: Callback,
  ) {
    // Extended always: a simple Query message would end the pipeline.
    super({ ...config, rowMode: 'array', queryMode: 'extended', callback });
    this.#aheadPending = ahead.length;
  }

  override submit(connection: Connection): Error | null {
    // The one refusal node-postgres's submit can make of a statement here (`mayCarry` rules it out): made
    // before anything is written, since statements ahead without their Sync would leave the connection waiting.
    const previous = this.name === undefined ? undefined : connection.parsedStatements[this.name];
    if (previous !== undefined && previous !== this.text) return super.submit(connection);
    connection.stream.cork?.();
    try {
      for (const { text, name, values } of this.ahead) {
        // Named and parsed here: only bound. Otherwise parsed unnamed: a name parsed here would not be recorded as parsed.
        const parsed = name !== undefined && connection.parsedStatements[name] === text;
        if (!parsed) connection.parse({ text, name: '' });
        connection.bind({ statement: parsed ? name : '', values: values ?? [], valueMapper: prepareValue });
        connection.execute({ portal: '' });
      }
      // Parses (if need be), binds, describes and executes the statement, then Sync: one write for all.
      return super.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }

  override handleCommandComplete(message: unknown, connection: Connection): void {
    if (this.#aheadPending > 0) this.#aheadPending--;
    else super.handleCommandComplete(message, connection);
  }
}

/** Whether the statement `name` was parsed as `text` on `client`'s connection. */
export const parsedOn = (client: pg.ClientBase, name: string, text: string): boolean =>
  (client as unknown as { connection?: Connection }).connection?.parsedStatements[name] === text;

/** Whether `config` may carry statements ahead of it: unnamed, or named and already parsed on `client`'s connection. */
export const mayCarry = (client: pg.ClientBase, config: pg.QueryConfig): boolean => config.name === undefined || parsedOn(client, config.name, config.text);

/** A write that answers no rows (no RETURNING): one that may be sent ahead. */
export const answersNoRows = (text: string): boolean => /^\s*(insert|update|delete)\s/i.test(text) && !/\sreturning\s/i.test(text);

/**
 * Runs the statements `ahead` then `config` on `client`, in one write and
 * one answer; resolves with `config`'s result, rejects with the first
 * failure. Check `mayCarry` first. A statement ahead that is named but not
 * parsed on this connection is parsed unnamed, this time.
 */
export function queryAfter(client: pg.ClientBase, ahead: readonly Ahead[], config: pg.QueryConfig): Promise<pg.QueryArrayResult> {
  return new Promise((resolve, reject) => {
    client.query(new AfterAhead(ahead, config, (error, result) => (error ? reject(error) : resolve(result))) as unknown as pg.Submittable);
  });
}
