import type Database from 'better-sqlite3';
import type { Db, DbOrTx } from './open.ts';
import { postgresEngineOf } from './postgres/open.ts';

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
 * read on every call, so this process's own writes are seen at once. After
 * either moved, `kept_changes` (drizzle/0018) says whether the write touched
 * what is kept: its triggers count every write to those tables. A pledge or a
 * profile saved no longer empties the cache (it used to: under a stream of
 * writes every request read its memberships and entities again).
 *
 * Inside a transaction nothing is cached nor served from the cache (what it
 * reads may be rolled back). Never use it for sessions: those are read from
 * the database on every request so that a sign-out or expiry applies at once.
 */
/** What a committed write changed, for a cache to forget what depends on it. */
export interface Change {
  readonly what: 'origins' | 'entities' | 'memberships' | 'settings';
  /** The tenant concerned; null for every tenant. */
  readonly tenantId: string | null;
}

/**
 * The in-process cache behind `untilChange`. An engine supplies its own:
 * this one (SQLite) learns of changes from the database itself, so `forget`
 * is only a shortcut; PostgreSQL's (`postgres/change-listener.ts`), shared by
 * several instances, forgets when any instance commits a change (LISTEN/
 * NOTIFY) and keeps nothing while it is not listening.
 */
export interface ReadCache {
  /** `load()`'s value, kept under `key` until a change; `load()` again after one. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A committed write changed this: forget what depends on it. */
  forget(change: Change): void;
}

/** Entries kept per database before starting afresh (bounds the memory a crowd of people takes). */
const MAX_ENTRIES = 10_000;

/**
 * SQLite: `PRAGMA data_version` for other connections' commits, `total_changes()` for this one's writes,
 * then `kept_changes` for whether they touched what is kept.
 */
class DataVersionCache implements ReadCache {
  private dataVersion = -1;
  /** Whether `dataVersion` was read in this turn of the event loop (reset by `setImmediate`). */
  private checked = false;
  private totalChanges = -1;
  /** `kept_changes.n` when last read: the writes to what is kept, by anyone. */
  private keptChanges = -1;
  private readonly values = new Map<string, unknown>();
  private readonly version: Database.Statement<[], number>;
  private readonly changes: Database.Statement<[], number>;
  private readonly kept: Database.Statement<[], number>;

  constructor(client: Database.Database) {
    // Plucked again at each use: the connection may share a statement of the same text (db/statement-cache.ts).
    this.version = client.prepare<[], number>('PRAGMA data_version').pluck();
    this.changes = client.prepare<[], number>('SELECT total_changes()').pluck();
    this.kept = client.prepare<[], number>('SELECT n FROM kept_changes WHERE id = 1').pluck();
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    this.refresh();
    if (this.values.has(key)) return this.values.get(key) as T;
    const seen = this.keptChanges;
    const value = await load();
    // Kept only if nothing it depends on was written while it loaded (it might predate the write).
    this.refresh();
    if (this.keptChanges === seen) this.values.set(key, value);
    return value;
  }

  forget(): void {
    // Any write empties this cache anyway (see `refresh`); a notice does it now.
    this.values.clear();
  }

  /** Empties the cache when the database changed since it last looked. */
  private refresh(): void {
    // Another connection's commit is seen from the next turn of the event loop
    // on (every HTTP request starts a turn): the reads of one turn share a check.
    let dataVersion = this.dataVersion;
    if (!this.checked) {
      dataVersion = this.version.pluck().get()!;
      this.checked = true;
      setImmediate(() => (this.checked = false));
    }
    const totalChanges = this.changes.pluck().get()!;
    if (dataVersion === this.dataVersion && totalChanges === this.totalChanges && this.values.size < MAX_ENTRIES) return;
    this.dataVersion = dataVersion;
    this.totalChanges = totalChanges;
    const keptChanges = this.kept.pluck().get()!;
    if (keptChanges !== this.keptChanges || this.values.size >= MAX_ENTRIES) {
      this.values.clear();
      this.keptChanges = keptChanges;
    }
  }
}

const caches = new WeakMap<Database.Database, DataVersionCache>();

function clientOf(db: DbOrTx): Database.Database | undefined {
  // Inside a transaction nothing is cached nor served from the cache.
  const client = (db as { $client?: Database.Database }).$client;
  return client && !client.inTransaction ? client : undefined;
}

/** The database's read cache; undefined inside a transaction (what it reads may be rolled back). */
export function cacheOf(db: DbOrTx): ReadCache | undefined {
  // PostgreSQL: the engine's own, forgotten on every instance at each change (postgres/change-listener.ts);
  // a transaction's handle is not the engine's, so it reads the database.
  const engine = postgresEngineOf(db as Db);
  if (engine) return engine.cache;
  const client = clientOf(db);
  if (!client) return undefined;
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new DataVersionCache(client)));
  return cache;
}

/** The value `load()` returns, read again only when the database changed since it was kept under `key`. */
export function untilChange<T>(db: DbOrTx, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db);
  return cache ? cache.read(key, load) : load();
}

