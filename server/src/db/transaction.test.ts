import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from './open.ts';
import { inTransaction, query, withTransaction } from './transaction.ts';
import { sqliteCode } from '../http/errors.ts';
import { migrateDatabase } from './open.ts';
import { institutions } from './tables/index.ts';

/** A promise the test settles by hand: a transaction waiting on it stays open as long as the test wants, with no timer. */
function later<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function fileDatabase(): Promise<{ db: Db; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-tx-'));
  const file = join(dir, 'p.db');
  const { db, close } = openDatabase(file);
  cleanup.push(() => (close(), rmSync(dir, { recursive: true, force: true })));
  await db.run(sql`create table notes (body text not null)`);
  return { db, file };
}

const count = async (db: Db) => (await db.get<{ n: number }>(sql`select count(*) as n from notes`))!.n;
const bodies = async (db: Db) => (await db.all<{ body: string }>(sql`select body from notes order by rowid`)).map((r) => r.body);

describe('withTransaction', () => {
  it('commits what the work wrote when it resolves, and answers its result', async () => {
    const { db } = (await fileDatabase());
    const result = await withTransaction({ db }, async (tx) => {
      await tx.run(sql`insert into notes values ('one')`);
      await Promise.resolve();
      await tx.run(sql`insert into notes values ('two')`);
      return 'done';
    });
    expect(result).toBe('done');
    expect((await bodies(db))).toEqual(['one', 'two']);
    expect((db as unknown as { $client: { inTransaction: boolean } }).$client.inTransaction).toBe(false);
  });

  it('rolls everything back when the work rejects, and passes the error on', async () => {
    const { db } = (await fileDatabase());
    const failure = withTransaction({ db }, async (tx) => {
      await tx.run(sql`insert into notes values ('one')`);
      await Promise.resolve();
      throw new Error('refused half-way');
    });
    await expect(failure).rejects.toThrow('refused half-way');
    expect((await count(db))).toBe(0);
    expect((db as unknown as { $client: { inTransaction: boolean } }).$client.inTransaction).toBe(false);
  });

  it('lets no other statement of the process run while it waits between two of its own: a read issued meanwhile sees it committed, or not at all', async () => {
    const { db } = (await fileDatabase());
    const gate = later();
    const reads: number[] = [];
    const writing = withTransaction({ db }, async (tx) => {
      await tx.run(sql`insert into notes values ('half')`);
      await gate.promise;
      await tx.run(sql`insert into notes values ('whole')`);
    });
    const reading = query(db, async (d) => reads.push((await count(d))));
    // Give the read every chance to run early: several turns of the event loop.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(reads).toEqual([]);
    gate.resolve();
    await Promise.all([writing, reading]);
    expect(reads).toEqual([2]);

    const again = later();
    const failing = withTransaction({ db }, async (tx) => {
      await tx.run(sql`insert into notes values ('never')`);
      await again.promise;
      throw new Error('cancelled');
    });
    const after = query(db, count);
    again.resolve();
    await expect(failing).rejects.toThrow('cancelled');
    expect(await after).toBe(2);
  });

  it('runs transactions one after the other, in the order they arrived', async () => {
    const { db } = (await fileDatabase());
    const gates = [later(), later(), later()];
    const runs = gates.map((g, i) =>
      withTransaction({ db }, async (tx) => {
        await tx.run(sql`insert into notes values (${`start ${i}`})`);
        await g.promise;
        await tx.run(sql`insert into notes values (${`end ${i}`})`);
      }),
    );
    // Released in reverse: each still waits for the one before it.
    for (const g of [...gates].reverse()) g.resolve();
    await Promise.all(runs);
    expect((await bodies(db))).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('makes a transaction inside another a savepoint: its failure undoes only its part', async () => {
    const { db } = (await fileDatabase());
    await withTransaction({ db }, async (tx) => {
      await tx.run(sql`insert into notes values ('outer')`);
      expect(inTransaction(tx)).toBe(true);
      expect(inTransaction(db)).toBe(false);
      await expect(
        withTransaction({ db: tx }, async (inner) => {
          await inner.run(sql`insert into notes values ('inner, undone')`);
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
      await withTransaction({ db: tx }, async (inner) => inner.run(sql`insert into notes values ('inner, kept')`));
      // A query with the transaction's handle runs at once, as part of it.
      expect(await query(tx, count)).toBe(2);
    });
    expect((await bodies(db))).toEqual(['outer', 'inner, kept']);
  });

  it('gives a handle that works as the database does: the query builder and relational queries', async () => {
    const { db } = (await fileDatabase());
    migrateDatabase(db);
    const found = await withTransaction({ db }, async (tx) => {
      await tx.insert(institutions).values({ slug: 'demo', name: 'Démo', createdAt: new Date().toISOString() });
      return tx.query.institutions.findFirst({ columns: { slug: true, name: true } });
    });
    expect(found).toEqual({ slug: 'demo', name: 'Démo' });
    expect((await db.select({ slug: institutions.slug }).from(institutions).all())).toEqual([{ slug: 'demo' }]);
  });

  it('begins IMMEDIATE: from its first moment another process cannot write, so a read-then-write cannot lose its snapshot', async () => {
    const { db, file } = (await fileDatabase());
    const other = openDatabase(file);
    cleanup.unshift(other.close);
    await other.db.run(sql`pragma busy_timeout = 0`);
    const otherWrite = async () => {
      try {
        await other.db.run(sql`insert into notes values ('other')`);
        return 'ok';
      } catch (error) {
        return sqliteCode(error);
      }
    };
    const during = await withTransaction({ db }, async (tx) => {
      await tx.get(sql`select count(*) from notes`);
      return otherWrite();
    });
    expect(during).toBe('SQLITE_BUSY');
    expect(await otherWrite()).toBe('ok');
    // A read-only transaction may ask for a deferred one, which takes no lock.
    expect(await withTransaction({ db }, async () => otherWrite(), { behavior: 'deferred' })).toBe('ok');
  });
});
