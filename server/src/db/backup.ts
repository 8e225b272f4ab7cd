/**
 * Online backup and restore of the SQLite file, for `pnpm passerelle backup`
 * and `restore`.
 *
 * - A backup uses SQLite's backup API from a read-only connection, so it is
 *   safe while the server writes (WAL: the copy is one consistent snapshot).
 *   It is written next to its destination under a temporary name, checked
 *   (`PRAGMA integrity_check`) and only then renamed: a backup file that
 *   exists is complete.
 * - A restore checks the backup first, refuses while another process has the
 *   target open, copies the backup next to the target, checks the copy, and
 *   renames it over the target in one step: the target is never
 *   half-written. The replaced database is kept beside it.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { staffMessage, staffWords, type StaffMessage } from '@passerelle/schema/messages/staff';

export interface DatabaseReport {
  path: string;
  bytes: number;
  /** `ok`, or the first problems `PRAGMA integrity_check` found. */
  integrity: string;
  /** Rows per table (FTS index tables and migration bookkeeping left out). */
  tables: Record<string, number>;
}

/** A refusal to explain to the operator (exit code 2), as opposed to a bug. */
export class BackupRefused extends Error {
  /** `said` is why, which the CLI words in its language; the message is English, for logs. */
  constructor(readonly said: StaffMessage) {
    super(staffWords('en', said));
  }
}

/** The migration table drizzle keeps: its presence says "this is a Passerelle database". */
const MIGRATIONS_TABLE = '__drizzle_migrations';
/** Largest step SQLite's backup accepts: the whole file in one step, so one snapshot and no restart. */
const ALL_PAGES = 0x7fffffff;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Flushes a file (or a directory entry, after a rename) to the disk. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function integrityOf(sqlite: Database.Database): string {
  const rows = sqlite.pragma('integrity_check(20)') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).join('; ');
}

/**
 * Rows per ordinary table. Table names come from the schema itself, not
 * from input; SQLite cannot bind an identifier, hence the quoted name.
 */
function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string; sql: string | null }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (name === MIGRATIONS_TABLE || virtual.includes(name) || virtual.some((v) => name.startsWith(`${v}_`))) continue;
    counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`).get() as { n: number }).n;
  }
  return counts;
}

function isPasserelleDatabase(sqlite: Database.Database): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE) !== undefined;
}

/** Integrity, size and row counts of a database file, read without changing it. */
export function inspectDatabase(path: string): DatabaseReport {
  if (!existsSync(path)) throw new BackupRefused(staffMessage('backup.noDatabase', { path, databaseUrl: false }));
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupRefused(staffMessage('backup.unopenable', { path, reason: (err as Error).message }));
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    let integrity: string;
    try {
      integrity = integrityOf(sqlite);
    } catch (err) {
      // "file is not a database", "database disk image is malformed"…
      return { path, bytes: statSync(path).size, integrity: (err as Error).message, tables: {} };
    }
    if (integrity !== 'ok') return { path, bytes: statSync(path).size, integrity, tables: {} };
    if (!isPasserelleDatabase(sqlite)) throw new BackupRefused(staffMessage('backup.notPasserelle', { path }));
    return { path, bytes: statSync(path).size, integrity, tables: tableCounts(sqlite) };
  } finally {
    sqlite.close();
  }
}

/** Copies `from` (an open connection) into a new file, as one snapshot, self-contained (no -wal beside it). */
async function copyInto(from: Database.Database, to: string): Promise<void> {
  await from.backup(to, { progress: () => ALL_PAGES });
  const copy = new Database(to);
  try {
    // The copy carries the source's WAL flag; a single file travels better.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncPath(to);
}

const temporaryBeside = (path: string, what: string) => join(dirname(path), `.${basename(path)}.${what}-${process.pid}-${Date.now()}`);

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
}

/** Backs up the live database at `source` into the new file `dest`; returns the checked copy's report. */
export async function backupDatabase(source: string, dest: string): Promise<DatabaseReport> {
  if (!existsSync(source)) throw new BackupRefused(staffMessage('backup.noDatabase', { path: source, databaseUrl: true }));
  if (existsSync(dest)) throw new BackupRefused(staffMessage('backup.exists', { path: dest }));
  if (!existsSync(dirname(dest))) throw new BackupRefused(staffMessage('backup.noFolder', { path: dirname(dest) }));
  const partial = temporaryBeside(dest, 'partial');
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (!isPasserelleDatabase(sqlite)) throw new BackupRefused(staffMessage('backup.notPasserelle', { path: source }));
    await copyInto(sqlite, partial);
    const report = inspectDatabase(partial);
    if (report.integrity !== 'ok') throw new Error(`The copy failed its integrity check (${report.integrity}); nothing was written at ${dest}.`);
    renameSync(partial, dest);
    fsyncPath(dirname(dest));
    return { ...report, path: dest };
  } finally {
    sqlite.close();
    removeQuietly(partial);
  }
}

/**
 * Takes the target for ourselves: an exclusive lock that any other open
 * connection (a running server, a CLI) prevents — in WAL mode each of them
 * holds a shared lock for as long as it is open — then folds the target's
 * WAL into its main file, so that the file alone is the whole database.
 * Returns the connection, to be closed once the target has been replaced.
 */
function takeTarget(target: string): Database.Database {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(target, { fileMustExist: true, timeout: 0 });
  } catch (err) {
    throw new BackupRefused(staffMessage('backup.target.unopenable', { path: target, reason: (err as Error).message }));
  }
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new BackupRefused(staffMessage('backup.target.inUse', { path: target }));
    }
    throw new BackupRefused(staffMessage('backup.target.unreadable', { path: target, reason: (err as Error).message }));
  }
  sqlite.pragma('journal_mode = DELETE');
  return sqlite;
}

export interface RestoreResult {
  restored: DatabaseReport;
  /** Where the replaced database was kept, if there was one. */
  previous: string | undefined;
}

/** Replaces the database at `target` with the checked backup at `backup`. */
export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<RestoreResult> {
  const checked = inspectDatabase(backup);
  if (checked.integrity !== 'ok') throw new BackupRefused(staffMessage('backup.integrity', { path: backup, integrity: checked.integrity }));
  if (!existsSync(dirname(target))) throw new BackupRefused(staffMessage('backup.noFolder', { path: dirname(target) }));

  const held = existsSync(target) ? takeTarget(target) : undefined;
  const incoming = temporaryBeside(target, 'restore');
  let previous: string | undefined;
  try {
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await copyInto(source, incoming);
    } finally {
      source.close();
    }
    const copy = inspectDatabase(incoming);
    if (copy.integrity !== 'ok') throw new Error(`The copy of ${backup} failed its integrity check (${copy.integrity}); ${target} was left as it was.`);
    if (held) {
      previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      linkSync(target, previous);
    }
    // Stale companions of the replaced file must not be read with the new one.
    for (const stale of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(stale, { force: true });
    renameSync(incoming, target);
    fsyncPath(dirname(target));
  } finally {
    held?.close();
    removeQuietly(incoming);
  }
  return { restored: inspectDatabase(target), previous };
}
