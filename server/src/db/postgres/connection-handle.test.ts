// A statement prepared inside a PostgreSQL transaction is built once per
// pooled connection, not once per transaction, and still runs in the
// transaction that uses it: it sees that transaction's own writes, and a
// rolled-back transaction leaves nothing. PostgreSQL only: on SQLite every
// transaction runs on the one connection's handle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { testPostgresAdminUrl } from './test-databases.ts';
import { openPostgres } from './open.ts';
import { withTransaction } from '../transaction.ts';
import { prepareOnce } from '../prepare-once.ts';
import type { Db } from '../open.ts';

describe.runIf(process.env.PASSERELLE_TEST_POSTGRES)('statements prepared in PostgreSQL transactions (PostgreSQL only)', () => {
  let db: Db;
  let close: () => Promise<void>;
  const table = `connection_handle_${process.pid}_${Date.now()}`;
  // The SQLite builder writes every statement; PostgreSQL runs it (statements.ts).
  const names = sqliteTable(table, { name: text('name').primaryKey() });

  beforeAll(async () => {
    // One connection: every transaction below takes the same one in turn.
    ({ db, close } = openPostgres(testPostgresAdminUrl(), { max: 1 }));
    await db.run(sql.raw(`create table ${table} (name text primary key)`));
  });
  afterAll(async () => {
    await db.run(sql.raw(`drop table if exists ${table}`));
    await close();
  });

  it('are built once for the connection, and each run sees its own transaction', async () => {
    let builds = 0;
    const byName = prepareOnce((handle) => {
      builds++;
      return handle.select().from(names).where(eq(names.name, sql.placeholder('name'))).prepare();
    });
    const found = async (tx: Db, name: string) => (await byName(tx).all({ name })).map((r) => r.name);

    const seen: string[][] = [];
    for (const name of ['first', 'second', 'third']) {
      seen.push(
        await withTransaction({ db }, async (tx) => {
          await tx.run(sql`insert into ${sql.raw(table)} (name) values (${name})`);
          return found(tx, name);
        }),
      );
    }
    expect(seen).toEqual([['first'], ['second'], ['third']]);
    expect(builds).toBe(1);

    // Rolled back: the statement ran inside it, and nothing stays.
    await expect(
      withTransaction({ db }, async (tx) => {
        await tx.run(sql`insert into ${sql.raw(table)} (name) values ('undone')`);
        expect(await found(tx, 'undone')).toEqual(['undone']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await db.all<[string]>(sql.raw(`select name from ${table} order by name`))).map((r) => r[0])).toEqual(['first', 'second', 'third']);
    expect(builds).toBe(1);
  });
});
