import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverRoot } from '../paths.ts';
import * as tables from './tables/index.ts';
import { registerFunctions } from './functions.ts';
import { openPostgres, postgresEngineOf } from './postgres/open.ts';
import { migratePostgres, pendingPostgresMigrations } from './postgres/migrate.ts';
import { rootOf } from './transaction.ts';
import { withStatementCache } from './statement-cache.ts';
import { syncCommitsOffThread } from './wal-sync.ts';
import { Checkpointer } from './checkpointer.ts';

/**
 * The database as every query sees it: drizzle's SQLite query builder,
 * whose statements answer at once on better-sqlite3 and later on the
 * PostgreSQL engine (db/postgres/): always `await` them.
 */
export type Db = BaseSQLiteDatabase<'sync' | 'async', RunResult, typeof tables>;
/** The same database seen as what it is on the embedded engine, for the work that stays synchronous there (boot, migrations, backups, images). */
export type SqliteDb = BetterSQLite3Database<typeof tables>;

/** `db` as an embedded SQLite database; an error on another engine, for the SQLite-only paths. */
export function sqliteOf(db: Db): SqliteDb {
  if (!isSqlite(db)) throw new Error('This operation needs the embedded SQLite engine.');
  return db as unknown as SqliteDb;
}

/** Whether `db` runs on the embedded SQLite engine (better-sqlite3). */
export const isSqlite = (db: Db): boolean => (db as unknown as { $client?: { pragma?: unknown } }).$client?.pragma !== undefined;
/** Whether `db` (or a transaction's handle) runs on PostgreSQL. */
export const isPostgres = (db: Db): boolean => postgresEngineOf(rootOf(db)) !== undefined;

/** What a write says: how many rows it changed. */
export interface RunResult {
  readonly changes: number;
}
/**
 * A handle that `withTransaction` or `query` (db/transaction.ts) gives its
 * work: the same query builder, bound to that transaction or read. The names
 * say what a function expects to be given.
 */
export type Tx = Db;
export type DbOrTx = Db;

const migrationsFolder = resolve(serverRoot, 'drizzle');

/**
 * Opens the SQLite database with the settings the data deserves: WAL for
 * concurrent readers, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and, for a file, nothing told before it is on disk
 * so that a committed consent or pledge survives a power cut: the log is
 * synced off the event loop, for the commits of many requests at once,
 * before their promises settle (`wal-sync.ts`; that is `synchronous=FULL`'s
 * promise without its wait on the main thread).
 *
 * `url` is a file path, `file:` URL, or `:memory:` (tests). `maxPages`
 * (DATABASE_MAX_PAGES) caps the file, to rehearse a full disk: writes beyond
 * it fail with SQLITE_FULL and roll back, which the API answers with 507.
 */
export function openDatabase(url: string, options: { maxPages?: number | undefined } = {}): { db: Db; close: () => void } {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (path !== ':memory:') makeFolder(dirname(resolve(path)));
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // A file's commits reach its disk before anyone is told, synced off the event loop (wal-sync.ts).
  const walSync = path === ':memory:' ? undefined : syncCommitsOffThread(sqlite, resolve(path));
  // Its checkpoints too, on a thread of their own (checkpointer.ts), started after each sync of the log.
  const checkpointer = walSync && new Checkpointer(sqlite, resolve(path));
  if (walSync && checkpointer) walSync.afterSync = () => checkpointer.nudge();
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A page cache for the indexes a request walks (SQLite's default is 2 MiB): the solicitation check over 10,000 people
  // descends half a dozen indexes per person and spent about a tenth of its time copying pages from the OS’s cache again.
  sqlite.pragma('cache_size = -65536');
  if (options.maxPages !== undefined) sqlite.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
  registerFunctions(sqlite);
  // The planner's statistics follow the tables as they grow (SQLite's advice for long-lived connections):
  // checked at opening, every hour, and at closing; each run re-analyzes only the tables that changed much,
  // with a bounded sample. Statistics from when a table was small made it scan whole tables (pledges/queries/joined.ts).
  sqlite.pragma('optimize = 0x10002');
  const optimize = setInterval(() => sqlite.open && sqlite.pragma('optimize'), 60 * 60_000).unref();
  const db = drizzle(withStatementCache(sqlite), { schema: tables });
  return {
    db,
    close: () => {
      clearInterval(optimize);
      if (sqlite.open && !sqlite.readonly) sqlite.pragma('optimize');
      // Commits made without a promise to wait for (the synchronous paths: boot, migrations) reach the disk too.
      walSync?.close();
      // The last connection to close checkpoints the log and deletes it: the worker's goes first.
      checkpointer?.close();
      sqlite.close();
    },
  };
}

/**
 * Creates the database's folder and its missing parents, one level at a
 * time: `mkdirSync(…, { recursive: true })` loops forever where mkdir
 * answers ENOENT under an existing folder (`/proc/nope`), which hung the
 * boot; here that is an error, which the boot and the CLI word.
 */
function makeFolder(folder: string): void {
  if (existsSync(folder)) return;
  const parent = dirname(folder);
  if (parent !== folder) makeFolder(parent);
  mkdirSync(folder);
}

let journal: readonly { when: number }[] | undefined;

/**
 * How many committed migrations this database lacks (0 when it is up to
 * date), as drizzle's migrator counts them: those dated after the last one
 * it recorded in `__drizzle_migrations`.
 */
export function pendingMigrations(db: Db): number {
  journal ??= (JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries;
  const sqlite = sqliteOf(db);
  const applied = sqlite.get<{ n: number }>(sql`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)!.n;
  const last = applied ? Number(sqlite.get<{ last: number | null }>(sql`select max(created_at) as last from __drizzle_migrations`)?.last ?? 0) : 0;
  return journal.filter((entry) => entry.when > last).length;
}

/** Applies the committed drizzle-kit migrations. */
export function migrateDatabase(db: Db): void {
  migrate(sqliteOf(db), { migrationsFolder });
}

/**
 * An in-memory database holding a copy of `image` (what `serializeDatabase`
 * gave): a test's own database, made in a moment from one seeded once.
 */
export function databaseFromImage(image: Buffer): Db {
  const sqlite = new Database(image);
  sqlite.pragma('foreign_keys = ON');
  registerFunctions(sqlite);
  return drizzle(withStatementCache(sqlite), { schema: tables });
}

/** The whole database as bytes, for `databaseFromImage`. */
export const serializeDatabase = (db: Db): Buffer => (db as unknown as { $client: Database.Database }).$client.serialize();

/** A fresh migrated in-memory database: one per test file. */
export function memoryDatabase(): Db {
  const { db } = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}

/** The database's URL as it may be logged: a PostgreSQL URL without its password. */
export function withoutPassword(url: string): string {
  if (!isPostgresUrl(url)) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Whether `url` names a PostgreSQL database (`postgres://…`, `postgresql://…`) rather than a SQLite file. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the database `url` names, on its engine: a PostgreSQL pool for
 * `postgres://…`, else the embedded SQLite file (`openDatabase`).
 */
export function connectDatabase(url: string, options: { maxPages?: number | undefined; poolSize?: number | undefined; preparedStatements?: boolean } = {}): { db: Db; close: () => Promise<void> } {
  if (isPostgresUrl(url)) return openPostgres(url, { max: options.poolSize, ...(options.preparedStatements === false ? { preparedStatements: false } : {}) });
  const { db, close } = openDatabase(url, options);
  return { db, close: async () => close() };
}

/** Brings the database's schema up to date, on either engine. */
export async function migrateAnyDatabase(db: Db): Promise<void> {
  const engine = postgresEngineOf(db);
  if (engine) await migratePostgres(engine);
  else migrateDatabase(db);
}

/** How many migrations the database lacks, on either engine. */
export async function pendingMigrationsOf(db: Db): Promise<number> {
  const engine = postgresEngineOf(rootOf(db));
  return engine ? pendingPostgresMigrations(engine) : pendingMigrations(rootOf(db));
}
