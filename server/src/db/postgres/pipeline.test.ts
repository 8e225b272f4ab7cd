// A PostgreSQL transaction's BEGIN travels with its first statement, and
// the writes nobody waits for (`sendWithNext`) with the statement after
// them or the COMMIT: fewer answers waited for, and the same transaction as
// before — its isolation, its statements seeing one another in order, a
// failure anywhere rolling all of it back, a named statement parsed once,
// the connection clean for its next holder. PostgreSQL only: SQLite has no
// round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testPostgresAdminUrl } from './test-databases.ts';
import { openPostgres, postgresEngineOf } from './open.ts';
import { postgresCode, sendWithNext, withTransaction } from '../transaction.ts';
import type { Db } from '../open.ts';

describe.runIf(process.env.PASSERELLE_TEST_POSTGRES)('statements sent ahead of the next one (PostgreSQL only)', () => {
  let db: Db;
  let close: () => Promise<void>;
  /** Times the server said it was ready for a query on the pool's one connection: one per answer waited for. */
  let answers = 0;
  const table = `pipeline_${process.pid}_${Date.now()}`;
  const insert = async (tx: Db, name: string) => {
    await tx.run(sql`insert into ${sql.raw(table)} (name) values (${name})`);
  };

  beforeAll(async () => {
    // One connection: every transaction below takes the same one in turn.
    ({ db, close } = openPostgres(testPostgresAdminUrl(), { max: 1 }));
    await db.run(sql.raw(`create table ${table} (name text primary key)`));
    const client = await postgresEngineOf(db)!.pool.connect();
    (client as unknown as { connection: NodeJS.EventEmitter }).connection.on('readyForQuery', () => answers++);
    client.release();
  });
  afterAll(async () => {
    await db.run(sql.raw(`drop table if exists ${table}`));
    await close();
  });

  const names = async () => (await db.all<[string]>(sql.raw(`select name from ${table} order by name`))).map((r) => r[0]);
  const one = async <T>(rows: PromiseLike<[T][]> | [T][]): Promise<T | undefined> => (await rows)[0]?.[0];
  /** What a connection outside any transaction reports: a BEGIN left behind would make it 'serializable'. */
  const isolationOutside = () => one(db.all<[string]>(sql`select current_setting('transaction_isolation')`));
  /** The answers `run` waited for on the connection. */
  async function answersOf(run: () => Promise<unknown>): Promise<number> {
    const before = answers;
    await run();
    return answers - before;
  }

  it('runs the transaction at its isolation, BEGIN with its first statement', async () => {
    const rounds = await answersOf(() =>
      withTransaction({ db }, async (tx) => {
        expect(await one(tx.all<[string]>(sql`select current_setting('transaction_isolation')`))).toBe('serializable');
        await insert(tx, 'ada');
        // The same transaction: its insert is seen.
        expect(await one(tx.all<[number]>(sql`select count(*) from ${sql.raw(table)} where name = 'ada'`))).toBe(1);
      }),
    );
    // Three statements and COMMIT; BEGIN went with the first.
    expect(rounds).toBe(4);
    expect(await names()).toEqual(['ada']);

    const snapshotRounds = await answersOf(() =>
      withTransaction(
        { db },
        // A text not run before: unnamed, so it carries BEGIN (a named one not yet parsed here would not: the last test).
        async (tx) => expect(await one(tx.all<[string]>(sql`select current_setting('transaction_isolation') as snapshot_isolation`))).toBe('repeatable read'),
        { behavior: 'deferred' },
      ),
    );
    expect(snapshotRounds).toBe(2);
  });

  it('sends the writes nobody waits for with the next statement, in order, and the last ones with COMMIT', async () => {
    // The insert's text is named by now (its second sighting) but not parsed on the connection: run at once, this first time.
    const warmUp = await answersOf(() => withTransaction({ db }, (tx) => sendWithNext(tx, (tx) => insert(tx, 'babbage'))));
    expect(warmUp).toBe(3);
    const rounds = await answersOf(() =>
      withTransaction({ db }, async (tx) => {
        await sendWithNext(tx, (tx) => insert(tx, 'curie'));
        await sendWithNext(tx, (tx) => insert(tx, 'dijkstra'));
        // Sent after them, in the same write: it sees both.
        expect(await one(tx.all<[number]>(sql`select count(*) from ${sql.raw(table)} where name in ('curie', 'dijkstra')`))).toBe(2);
        await sendWithNext(tx, (tx) => insert(tx, 'erdos'));
      }),
    );
    // BEGIN, two inserts and the count; then the last insert and COMMIT.
    expect(rounds).toBe(2);
    expect(await names()).toEqual(['ada', 'babbage', 'curie', 'dijkstra', 'erdos']);
    expect(await isolationOutside()).toBe('read committed');
  });

  it('fails the transaction, and keeps none of it, when a write sent ahead fails', async () => {
    /** The SQLSTATE `work`'s transaction failed with. */
    const failure = (work: (tx: Db) => Promise<unknown>) => withTransaction({ db }, work).then(() => 'committed', postgresCode);
    // With the next statement: that statement fails with the write's error (a unique violation).
    expect(
      await failure(async (tx) => {
        await insert(tx, 'euler');
        await sendWithNext(tx, (tx) => insert(tx, 'ada'));
        await tx.all(sql`select 1`);
      }),
    ).toBe('23505');
    // With COMMIT: the commit fails with it.
    expect(
      await failure(async (tx) => {
        await insert(tx, 'euler');
        await sendWithNext(tx, (tx) => insert(tx, 'ada'));
      }),
    ).toBe('23505');
    expect(await names()).toEqual(['ada', 'babbage', 'curie', 'dijkstra', 'erdos']);
    expect(await isolationOutside()).toBe('read committed');
  });

  it('rolls back a transaction whose first statement fails, and leaves the connection ready', async () => {
    await expect(withTransaction({ db }, (tx) => insert(tx, 'ada'))).rejects.toThrow();
    // Not "current transaction is aborted": the connection is outside any transaction.
    expect(await isolationOutside()).toBe('read committed');
    await withTransaction({ db }, (tx) => insert(tx, 'grace'));
    expect(await names()).toContain('grace');
  });

  it('sends nothing for a transaction that runs no statement, and nothing of one that fails before sending', async () => {
    expect(await answersOf(() => withTransaction({ db }, async () => 'nothing to do'))).toBe(0);
    const rounds = await answersOf(() =>
      expect(
        withTransaction({ db }, async (tx) => {
          await sendWithNext(tx, (tx) => insert(tx, 'hamilton'));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind'),
    );
    expect(rounds).toBe(0);
    expect(await names()).not.toContain('hamilton');
    expect(await isolationOutside()).toBe('read committed');
  });

  it('sends what is ahead before a savepoint', async () => {
    await withTransaction({ db }, async (tx) => {
      await sendWithNext(tx, (tx) => insert(tx, 'kay'));
      await expect(
        withTransaction({ db: tx }, async (inner) => {
          await insert(inner, 'lovelace');
          throw new Error('undo the savepoint only');
        }),
      ).rejects.toThrow('undo the savepoint only');
      await insert(tx, 'liskov');
    });
    const kept = await names();
    expect(kept).toEqual(expect.arrayContaining(['kay', 'liskov']));
    expect(kept).not.toContain('lovelace');
  });

  it('runs a write at once outside a transaction', async () => {
    await sendWithNext(db, (db) => insert(db, 'meitner'));
    expect(await names()).toContain('meitner');
  });

  it('runs a statement prepared on the server first in a transaction, each time', async () => {
    // Named from its second sighting (statement-names.ts); parsed on the connection at its first named run.
    const text = `select name from ${table} where name = 'ada'`;
    const rounds: number[] = [];
    for (let i = 0; i < 4; i++) {
      rounds.push(await answersOf(async () => expect(await withTransaction({ db }, async (tx) => tx.all<[string]>(sql.raw(text)))).toEqual([['ada']])));
    }
    // Unnamed with BEGIN; named, parsed after a BEGIN of its own; then named and parsed, with BEGIN.
    expect(rounds).toEqual([2, 3, 2, 2]);
  });
});
