import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's checkpoints (copying the write-ahead log's pages into the
 * database file, then syncing it) run on a thread of their own, with a
 * connection of their own, instead of inside a COMMIT on the event loop.
 *
 * SQLite checkpoints when a commit leaves 1,000 pages or more in the log: the
 * committing connection copies them and syncs the log and the file, twice an
 * `fsync`, while the process serves nobody. A pledge writes a page in each of
 * about 23 B-trees, so every fortieth pledge or so stalled the event loop
 * 4.7–9.3 ms, and checkpoints were 37–42 % of the time spent in COMMIT.
 *
 * Here the main connection's automatic checkpoint waits for `BOUND` pages
 * instead, and after each sync of the log (`WalSync.afterSync`) the worker
 * runs a passive checkpoint (never waiting for a lock, never blocking a
 * writer or a reader), then another while commits keep coming. A passive
 * checkpoint copies only what was committed when it began; the log starts
 * again from its beginning once a checkpoint has caught up with the last
 * commit, which it does whenever writes pause for the time of one. Under
 * writes that never pause, the log reaches `BOUND` pages and the main
 * connection checkpoints as before, with little left to copy: so the log
 * stays bounded (about 40 MB) whatever the load. If the worker fails, the
 * main connection takes the checkpoints back at SQLite's usual 1,000 pages.
 * A checkpoint only moves committed pages from one file to the other and
 * syncs the log first, so what it does is the same on either thread.
 */
const BOUND = 10_000;
const SQLITE_DEFAULT = 1_000;
/** The least time between two checkpoints while commits keep coming (ms). */
const PAUSE = 20;

/** The worker's code, run with `eval` so that the bundled server needs no file beside it. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { driver, file, state } = workerData;
const flags = new Int32Array(state);
let db;
const close = () => {
  if (db && db.open) db.close();
  db = undefined;
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  parentPort.close();
};
if (Atomics.load(flags, 0) === 1) close();
else {
  const Database = require(driver);
  db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  parentPort.on('message', (message) => {
    if (message === 'close' || Atomics.load(flags, 0) === 1) return close();
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage(row);
  });
  parentPort.postMessage('ready');
}
`;

/** What a passive checkpoint answers: the log's pages and how many of them are in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export class Checkpointer {
  readonly #worker: Worker;
  readonly #sqlite: Database.Database;
  /** [0]: close asked; [1]: the worker's connection is closed. */
  readonly #flags = new Int32Array(new SharedArrayBuffer(8));
  #running = false;
  #again = false;
  #exited = false;
  #waiting: NodeJS.Timeout | undefined;
  #endedAt = -Infinity;
  readonly #pause: number;
  #failure: Error | undefined;
  /** Checkpoints the worker has made (the tests read it). */
  checkpoints = 0;
  /** The last one's result. */
  last: CheckpointResult | undefined;
  /** Whenever a checkpoint ends, or the worker fails (the tests wait for it). */
  onSettled: (() => void) | undefined;

  constructor(sqlite: Database.Database, file: string, options: { pause?: number; driver?: string } = {}) {
    this.#sqlite = sqlite;
    this.#pause = options.pause ?? PAUSE;
    const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
    sqlite.pragma(`wal_autocheckpoint = ${BOUND}`);
    this.#running = true; // Until the worker is ready.
    this.#worker = new Worker(WORKER, { eval: true, workerData: { driver, file, state: this.#flags.buffer } });
    this.#worker.unref();
    this.#worker.on('message', (message: CheckpointResult | 'ready') => {
      this.#running = false;
      this.#endedAt = performance.now();
      if (message !== 'ready') {
        this.checkpoints++;
        this.last = message;
      }
      if (this.#again) {
        this.#again = false;
        this.nudge();
      }
      this.onSettled?.();
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', () => {
      this.#exited = true;
      if (Atomics.load(this.#flags, 0) === 0) this.#fail(new Error('The checkpoint worker stopped.'));
    });
  }

  /** The worker failed: the main connection checkpoints again, at SQLite's usual size. */
  #fail(error: Error): void {
    this.#failure ??= error;
    if (this.#sqlite.open) this.#sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT}`);
    this.onSettled?.();
  }

  /** Why the worker stopped, if it did. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Commits reached the log: a checkpoint, once the running one has ended and `pause` ms have passed since. */
  nudge(): void {
    if (this.#failure || Atomics.load(this.#flags, 0) === 1) return;
    if (this.#running || this.#waiting) {
      this.#again = true;
      return;
    }
    const wait = this.#endedAt + this.#pause - performance.now();
    if (wait > 0) {
      this.#waiting = setTimeout(() => {
        this.#waiting = undefined;
        this.nudge();
      }, wait).unref();
      return;
    }
    this.#again = false;
    this.#running = true;
    this.#worker.postMessage('checkpoint');
  }

  /**
   * Closes the worker's connection before the main one closes (the last
   * connection to close checkpoints the log and deletes it): waits for the
   * worker's checkpoint under way, if any, to end.
   */
  close(): void {
    if (Atomics.load(this.#flags, 0) === 1) return;
    Atomics.store(this.#flags, 0, 1);
    clearTimeout(this.#waiting);
    // A worker that failed or stopped has no connection to close (better-sqlite3 closes it as a thread ends).
    if (this.#exited || this.#failure) return void this.#worker.terminate();
    this.#worker.postMessage('close');
    // A checkpoint takes milliseconds; a worker stuck beyond this is left to the process's exit.
    Atomics.wait(this.#flags, 1, 0, 10_000);
    void this.#worker.terminate();
  }
}
