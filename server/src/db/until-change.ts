import type Database from 'better-sqlite3';
import type { DbOrTx } from './open.ts';

/**
 * Reads kept in process until the database changes, for what every request
 * reads and almost nothing writes: the tenants' registered origins, their
 * entity tree, a person's memberships.
 *
 * Each of those lookups costs a SQLite read transaction (about 10 µs of
 * locking for a handful of rows), several times per request. Whether the
 * database changed costs less to ask: `PRAGMA data_version` changes when
 * ANOTHER connection (the CLI, another process) committed a write: it is read
 * once per turn of the event loop, so such a change is seen by the next
 * request. `total_changes()` counts every row this connection wrote: it is
 * read on every call, so this process's own writes are seen at once.
 * Any write at all empties the cache: it is only worth it while reads dominate.
 *
 * Inside a transaction nothing is cached nor served from the cache (what it
 * reads may be rolled back). Never use it for sessions: those are read from
 * the database on every request so that a sign-out or expiry applies at once.
 */
interface State {
  dataVersion: number;
  /** Whether `dataVersion` was read in this turn of the event loop (reset by `setImmediate`). */
  checked: boolean;
  totalChanges: number;
  values: Map<string, unknown>;
  version: Database.Statement<[], number>;
  changes: Database.Statement<[], number>;
}

/** Entries kept per database before starting afresh (bounds the memory a crowd of people takes). */
const MAX_ENTRIES = 10_000;

const states = new WeakMap<Database.Database, State>();

function clientOf(db: DbOrTx): Database.Database | undefined {
  // A transaction object has no `$client`: its reads are never cached.
  const client = (db as { $client?: Database.Database }).$client;
  return client && !client.inTransaction ? client : undefined;
}

/** The value `load()` returns, read again only when the database changed since it was kept under `key`. */
export function untilChange<T>(db: DbOrTx, key: string, load: () => T): T {
  const client = clientOf(db);
  if (!client) return load();
  let state = states.get(client);
  if (!state) {
    state = {
      dataVersion: -1,
      checked: false,
      totalChanges: -1,
      values: new Map(),
      version: client.prepare<[], number>('PRAGMA data_version').pluck(),
      changes: client.prepare<[], number>('SELECT total_changes()').pluck(),
    };
    states.set(client, state);
  }
  // Another connection's commit is seen from the next turn of the event loop
  // on (every HTTP request starts a turn): the reads of one turn share a check.
  let dataVersion = state.dataVersion;
  if (!state.checked) {
    dataVersion = state.version.get()!;
    state.checked = true;
    const checked = state;
    setImmediate(() => (checked.checked = false));
  }
  const totalChanges = state.changes.get()!;
  if (dataVersion !== state.dataVersion || totalChanges !== state.totalChanges || state.values.size >= MAX_ENTRIES) {
    state.values.clear();
    state.dataVersion = dataVersion;
    state.totalChanges = totalChanges;
  }
  if (state.values.has(key)) return state.values.get(key) as T;
  const value = load();
  state.values.set(key, value);
  return value;
}
