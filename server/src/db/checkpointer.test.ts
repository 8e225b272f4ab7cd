import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { Checkpointer } from './checkpointer.ts';
import { openDatabase } from './open.ts';
import { withTransaction } from './transaction.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0).reverse()) c();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-checkpoint-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A WAL database whose main connection is `sqlite`, with a table of 3 kB rows (one page or so each). */
function walDatabase(): { sqlite: Database.Database; file: string } {
  const file = join(folder(), 'c.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table pages (body blob not null)');
  cleanup.push(() => sqlite.open && sqlite.close());
  return { sqlite, file };
}

const writePages = (sqlite: Database.Database, n: number) => {
  const insert = sqlite.prepare('insert into pages (body) values (randomblob(3000))');
  for (let i = 0; i < n; i += 100) sqlite.transaction(() => { for (let j = 0; j < 100; j++) insert.run(); })();
};

/** Resolves once `done` holds, checked whenever the checkpointer settles something (no clock involved). */
const until = (checkpointer: Checkpointer, done: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => done() && ((checkpointer.onSettled = undefined), resolve());
    checkpointer.onSettled = check;
    check();
  });

/** What a passive checkpoint of the main connection finds: the log's pages, and how many are already in the file. */
const logOf = (sqlite: Database.Database) => sqlite.pragma('wal_checkpoint(PASSIVE)') as [{ busy: number; log: number; checkpointed: number }];

describe('Checkpointer', () => {
  it('copies the log into the database file on its own thread, the main connection checkpointing only past 10,000 pages', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = new Checkpointer(sqlite, file, { pause: 0 });
    cleanup.push(() => checkpointer.close());
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    writePages(sqlite, 2_000);
    checkpointer.nudge();
    await until(checkpointer, () => checkpointer.checkpoints >= 1);
    // Nothing was written meanwhile: the worker's checkpoint caught up with the last commit.
    expect(checkpointer.last!.log).toBeGreaterThan(2_000);
    expect(checkpointer.last!.checkpointed).toBe(checkpointer.last!.log);
    // So the next commit starts the log again from its beginning.
    writePages(sqlite, 100);
    const [after] = logOf(sqlite);
    expect(after.log).toBeLessThan(500);
  });

  it('gives the checkpoints back to the main connection, at SQLite’s 1,000 pages, if its worker fails', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = new Checkpointer(sqlite, file, { driver: join(folder(), 'no-such-driver.js') });
    cleanup.push(() => checkpointer.close());
    await until(checkpointer, () => checkpointer.failure !== undefined);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    checkpointer.nudge();
    writePages(sqlite, 1_500);
    const [log] = logOf(sqlite);
    expect(log.log).toBeLessThan(1_500);
  });

  it('closes its connection first, even before its worker has started, so that closing the database deletes the log', () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = new Checkpointer(sqlite, file);
    writePages(sqlite, 10);
    checkpointer.close();
    sqlite.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('runs under every file database: writes answered, the rows there after closing, the log gone', async () => {
    const file = join(folder(), 'p.db');
    const { db, close } = openDatabase(file);
    await db.run(sql`create table notes (body text not null)`);
    for (let i = 0; i < 300; i++) await withTransaction({ db }, async (tx) => void await tx.run(sql`insert into notes (body) values (${'x'.repeat(2000)})`));
    close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = new Database(file, { readonly: true });
    expect(again.prepare('select count(*) from notes').pluck().get()).toBe(300);
    again.close();
  });
});
