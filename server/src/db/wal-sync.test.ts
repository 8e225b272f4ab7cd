import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { fsync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Db } from './open.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../env.ts';
import { query, withTransaction } from './transaction.ts';
import { sqliteCode } from './refusal.ts';
import { syncCommitsOffThread, walSyncOf, type FsyncFile, type WalSync } from './wal-sync.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0).reverse()) c();
});

const clientOf = (db: Db) => (db as unknown as { $client: Database.Database }).$client;

async function fileDatabase(): Promise<{ db: Db; file: string; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-wal-'));
  const file = join(dir, 'p.db');
  const { db, close } = openDatabase(file);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  let closed = false;
  const closeOnce = () => (closed ? undefined : ((closed = true), close()));
  cleanup.push(closeOnce);
  await db.run(sql`create table notes (body text not null)`);
  return { db, file, close: closeOnce };
}

/**
 * The log's fsyncs held by the test: each one asked for waits (the real
 * fsync, then the test's word) until `release` or `fail`.
 */
function heldSyncs() {
  const asked: Array<{ release: () => void; fail: (code: string) => void }> = [];
  let onAsk: (() => void) | undefined;
  const sync: FsyncFile = (fd, done) => {
    asked.push({
      release: () => fsync(fd, done),
      fail: (code) => done(Object.assign(new Error(`${code}: i/o error, fsync`), { code })),
    });
    onAsk?.();
  };
  /** Resolves once `n` fsyncs have been asked for in all. */
  const askedFor = (n: number) => new Promise<void>((resolve) => {
    const check = () => asked.length >= n && ((onAsk = undefined), resolve());
    onAsk = check;
    check();
  });
  return { sync, asked, askedFor };
}

/** Whether `promise` has settled by the time the promises already queued have run (no clock involved). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** The file database, its commits synced through `sync`. */
async function heldDatabase(sync: FsyncFile): Promise<{ db: Db; file: string; wal: WalSync; close: () => void }> {
  const { db, file, close } = await fileDatabase();
  const wal = syncCommitsOffThread(clientOf(db), file, sync);
  return { db, file, wal, close };
}

const insert = (db: Db, body: string) => withTransaction({ db }, async (tx) => void (await tx.run(sql`insert into notes values (${body})`)));
const bodies = (db: Db) => query(db, async (q) => (await q.all<{ body: string }>(sql`select body from notes order by rowid`)).map((r) => r.body));

describe('a file database’s commits', () => {
  it('run with synchronous = NORMAL, and a write settles after the log is synced', async () => {
    const { db } = await fileDatabase();
    const client = clientOf(db);
    expect(client.pragma('synchronous', { simple: true })).toBe(1);
    const wal = walSyncOf(client)!;
    const before = wal.syncs;
    await insert(db, 'one');
    expect(wal.syncs).toBe(before + 1);
    // A read with no commit since: no fsync to wait for.
    expect(await bodies(db)).toEqual(['one']);
    expect(wal.syncs).toBe(before + 1);
  });

  it('are told to nobody, neither the writer nor a reader that saw them, before their fsync ends', async () => {
    const held = heldSyncs();
    const { db, file } = await heldDatabase(held.sync);
    const write = insert(db, 'one');
    await held.askedFor(1);
    // Committed (another connection sees it), not yet told.
    const other = new Database(file, { readonly: true });
    cleanup.push(() => other.close());
    expect(other.prepare('select count(*) from notes').pluck().get()).toBe(1);
    const read = bodies(db);
    expect(await settled(write)).toBe(false);
    expect(await settled(read)).toBe(false);
    held.asked[0]!.release();
    await write;
    expect(await read).toEqual(['one']);
  });

  it('made while one fsync runs share the next one', async () => {
    const held = heldSyncs();
    const { db, wal } = await heldDatabase(held.sync);
    const first = insert(db, 'first');
    await held.askedFor(1);
    const others = ['a', 'b', 'c', 'd'].map((body) => insert(db, body));
    expect(await settled(Promise.all(others))).toBe(false);
    // The running fsync began before their commits: they wait for one more, asked for when it ends.
    expect(held.asked).toHaveLength(1);
    held.asked[0]!.release();
    await first;
    await held.askedFor(2);
    expect(await settled(Promise.all(others))).toBe(false);
    held.asked[1]!.release();
    await Promise.all(others);
    expect(held.asked).toHaveLength(2);
    expect(wal.syncs).toBe(2);
    expect(await bodies(db)).toEqual(['first', 'a', 'b', 'c', 'd']);
  });

  it('after a failed fsync, refuse every later use that waits for one, in words an operator can act on', async () => {
    const held = heldSyncs();
    const { db } = await heldDatabase(held.sync);
    const write = insert(db, 'one');
    await held.askedFor(1);
    held.asked[0]!.fail('EIO');
    const refused = await write.then(() => undefined, (error: unknown) => error);
    expect(sqliteCode(refused)).toBe('SQLITE_IOERR_FSYNC');
    expect((refused as Error).message).toMatch(/could not be synced to disk \(EIO\); restart the server/);
    // The system may have dropped what it could not write: no later fsync is trusted.
    await expect(insert(db, 'two')).rejects.toThrow(/could not be synced/);
    await expect(bodies(db)).rejects.toThrow(/could not be synced/);
    expect(held.asked).toHaveLength(1);
  });

  it('after a failed fsync, make the instance not ready (503 on /ready), so that its operators and load balancer are told', async () => {
    const held = heldSyncs();
    const { db, file } = await fileDatabase();
    migrateDatabase(db);
    // Held from here on: what the migrations wrote came before it (the first one syncs that at close).
    syncCommitsOffThread(clientOf(db), file, held.sync);
    const app = createApp({ db, config: testConfig(), mailer: { send: async () => undefined } });
    expect((await app.request('/ready')).status).toBe(200);
    const write = insert(db, 'one');
    await held.askedFor(1);
    held.asked[0]!.fail('EIO');
    await expect(write).rejects.toThrow(/could not be synced/);
    const res = await app.request('/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not-ready', checks: { database: 'failed' } });
  });

  it('still reach the disk, and their writer is answered, when the database closes during their fsync', async () => {
    const held = heldSyncs();
    const { db, wal, close } = await heldDatabase(held.sync);
    const write = insert(db, 'cut at the grace');
    await held.askedFor(1);
    // The shutdown closes the database (its log's sync first, as openDatabase's close does) while the thread pool holds the log's descriptor.
    wal.close();
    close();
    held.asked[0]!.release();
    await expect(write).resolves.toBeUndefined();
  });

  it('made without a promise (the synchronous paths) are synced when the database closes', async () => {
    const { db, close } = await fileDatabase();
    const wal = walSyncOf(clientOf(db))!;
    clientOf(db).prepare("insert into notes values ('at boot')").run();
    const before = wal.syncs;
    close();
    expect(wal.syncs).toBe(before + 1);
  });
});
