import type Database from 'better-sqlite3';
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';

/** How a file is synced: `fs.fsync`, or a test's hand on it (to hold it, or to make it fail as a disk would). */
export type FsyncFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * SQLite commits made durable off the event loop, together (group commit).
 *
 * With `synchronous = FULL`, every COMMIT waits for the disk on the main
 * thread: on the benchmark's machine 0.2–0.5 ms in which the process
 * served nobody, a quarter of a profile edit's time. The file
 * database now runs with `synchronous = NORMAL` (a commit is written to the
 * write-ahead log, in the system's cache, at once) and this class syncs the
 * log with `fsync` on libuv's thread pool. Every use of the database through
 * `withTransaction` or `query` (db/transaction.ts) takes a mark of the
 * commits made so far, inside the gate, and its promise settles only once
 * an `fsync` started after the mark has finished. So:
 *
 * - no answer, mail or webhook says a write happened before the write is on
 *   disk: a write's own promise waits for it, and so does a read that may
 *   have seen it (a reader that came after it through the gate);
 * - the requests that commit while one `fsync` runs share the next one;
 * - one request alone waits for its `fsync` as it did for FULL's, minus
 *   nothing, plus a hop to the thread pool.
 *
 * What a power cut may take is what nobody outside the process was told:
 * the same promise as FULL's. (Another process writing to the same file,
 * such as a second instance, syncs its own commits; a read of them here in
 * the moment before is not held.) A failed `fsync` is not retried: the
 * system may have dropped the pages it could not write, so every later use
 * that needs one fails too, until the process is restarted (PostgreSQL
 * stops for the same reason).
 */
export class WalSync {
  readonly #walFile: string;
  readonly #totalChanges: Database.Statement;
  readonly #sync: FsyncFile;
  #fd: number | undefined;
  /** What `total_changes()` said at the last mark. */
  #seen: number;
  /** Commits seen so far, counted at marks (several commits between two marks count once: one fsync covers them all). */
  #committed = 0;
  /** Every commit counted up to this one is on disk. */
  #synced = 0;
  /** The fsync under way, and the count it covers. */
  #running: Promise<void> | undefined;
  #runningCovers = 0;
  /** The fsync that starts when the running one ends, for the commits it does not cover. */
  #queued: Promise<void> | undefined;
  #failed: Error | undefined;
  /** How many fsyncs it has made (the tests read it). */
  syncs = 0;
  /** Called after each fsync that succeeded (`open.ts` starts a checkpoint there). */
  afterSync: (() => void) | undefined;

  constructor(sqlite: Database.Database, walFile: string, sync: FsyncFile = fsync) {
    this.#walFile = walFile;
    this.#totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
    this.#sync = sync;
    this.#seen = this.#read();
  }

  #read = (): number => this.#totalChanges.get() as number;

  /**
   * The commits made so far, as a mark to wait for. Call it where no
   * transaction is open (inside the gate, after COMMIT or a read): the
   * connection's count of changed rows also counts an open transaction's.
   */
  mark(): number {
    const total = this.#read();
    if (total !== this.#seen) {
      this.#seen = total;
      this.#committed++;
    }
    return this.#committed;
  }

  /** Resolves once every commit up to `mark` is on disk. */
  durable(mark: number): Promise<void> | undefined {
    if (this.#synced >= mark) return undefined;
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#running && this.#runningCovers >= mark) return this.#running;
    if (!this.#running) return this.#start();
    // The one running began before this commit: the next one, shared by every commit made meanwhile.
    this.#queued ??= this.#running.then(
      () => ((this.#queued = undefined), this.#start()),
      (error: unknown) => ((this.#queued = undefined), Promise.reject(error)),
    );
    return this.#queued;
  }

  #start(): Promise<void> {
    const covers = this.#committed;
    this.#runningCovers = covers;
    this.syncs++;
    const running = new Promise<void>((resolve, reject) => {
      let fd: number;
      try {
        fd = this.#fd ??= openSync(this.#walFile, 'r');
      } catch (error) {
        return reject(this.#fail(error));
      }
      this.#sync(fd, (error) => (error ? reject(this.#fail(error)) : resolve()));
    }).then(() => {
      this.#synced = Math.max(this.#synced, covers);
      this.#running = undefined;
      this.afterSync?.();
    }, (error: unknown) => {
      this.#running = undefined;
      throw error;
    });
    this.#running = running;
    return running;
  }

  #fail(error: unknown): Error {
    const cause = error instanceof Error ? error : new Error(String(error));
    this.#failed ??= Object.assign(new Error(`The database's write-ahead log could not be synced to disk (${(cause as NodeJS.ErrnoException).code ?? cause.message}); restart the server.`, { cause }), { code: 'SQLITE_IOERR_FSYNC' });
    return this.#failed;
  }

  /** Syncs what is left to sync, at once, and lets go of the log (before the connection closes). */
  close(): void {
    if (!this.#failed && this.#totalChanges.database.open && this.mark() > this.#synced) {
      const fd = (this.#fd ??= openSync(this.#walFile, 'r'));
      this.syncs++;
      fsyncSync(fd);
      this.#synced = this.#committed;
    }
    const letGo = () => {
      if (this.#fd !== undefined) closeSync(this.#fd);
      this.#fd = undefined;
    };
    // An fsync on the thread pool (a request cut at the end of the shutdown's grace) may not have begun: its number must not name another file by then.
    const pending = this.#queued ?? this.#running;
    if (pending) void pending.then(letGo, letGo);
    else letGo();
  }
}

const syncs = new WeakMap<Database.Database, WalSync>();

/**
 * Runs the file database `sqlite` (already in WAL mode) with its commits
 * synced by a {@link WalSync}: `synchronous = NORMAL` on the connection, the
 * log's `fsync` before anything is told. Returns it, to be closed with the
 * connection.
 */
export function syncCommitsOffThread(sqlite: Database.Database, file: string, fsyncFile?: FsyncFile): WalSync {
  sqlite.pragma('synchronous = NORMAL');
  const sync = new WalSync(sqlite, `${file}-wal`, fsyncFile);
  syncs.set(sqlite, sync);
  return sync;
}

/**
 * The connection's {@link WalSync}; none for an in-memory database, whose
 * commits never reach a disk. drizzle's `$client` is the connection seen
 * through the statement cache (`statement-cache.ts`), an object whose
 * prototype is the connection: either finds it.
 */
export const walSyncOf = (sqlite: Database.Database): WalSync | undefined =>
  syncs.get(sqlite) ?? syncs.get(Object.getPrototypeOf(sqlite) as Database.Database);
