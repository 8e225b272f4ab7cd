// Statements run more than once are prepared on the PostgreSQL connection
// that runs them (statement-names.ts): parsed and planned there once, not at
// every run; `preparedStatements: false` (DATABASE_PREPARED_STATEMENTS=off)
// prepares none. PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { testPostgresAdminUrl } from './test-databases.ts';
import { openPostgres } from './open.ts';
import { withTransaction } from '../transaction.ts';
import type { Db } from '../open.ts';

describe.runIf(process.env.PASSERELLE_TEST_POSTGRES)('prepared statements on PostgreSQL (PostgreSQL only)', () => {
  const table = `prepared_${process.pid}_${Date.now()}`;
  const cities = sqliteTable(table, { name: text('name').primaryKey() });
  const opened: { db: Db; close: () => Promise<void> }[] = [];
  // One connection per database: what the statements below prepare is what the view shows.
  const open = (preparedStatements?: boolean) => {
    const one = openPostgres(testPostgresAdminUrl(), { max: 1, ...(preparedStatements === undefined ? {} : { preparedStatements }) });
    opened.push(one);
    return one.db;
  };
  /** The statements prepared on the connection, as PostgreSQL lists them, that read the table. */
  const prepared = async (db: Db) =>
    // A raw statement's rows come as arrays on this engine (open.ts).
    (await db.all<[string]>(sql`select name from pg_prepared_statements where statement like ${`%${table}%`}`)).map((r) => r[0]);

  beforeAll(async () => {
    await open().run(sql.raw(`create table ${table} (name text primary key)`));
    await opened[0]!.db.run(sql.raw(`insert into ${table} values ('Lyon'), ('Lille')`));
  });
  afterAll(async () => {
    await opened[0]?.db.run(sql.raw(`drop table if exists ${table}`));
    for (const one of opened) await one.close();
  });

  const named = async (db: Db, name: string) => db.select().from(cities).where(eq(cities.name, name)).all();

  it('prepares a statement the second time it runs, once, and answers as before', async () => {
    const db = open();
    expect(await named(db, 'Lyon')).toEqual([{ name: 'Lyon' }]);
    expect(await prepared(db)).toEqual([]);
    expect(await named(db, 'Lille')).toEqual([{ name: 'Lille' }]);
    const [name] = await prepared(db);
    expect(name).toMatch(/^passerelle_\d+$/);
    // Run again, in a transaction too (the connection's own handle): still that one statement.
    expect(await named(db, 'Paris')).toEqual([]);
    expect(await withTransaction({ db }, (tx) => named(tx, 'Lyon'))).toEqual([{ name: 'Lyon' }]);
    expect(await prepared(db)).toEqual([name]);
  });

  it('prepares none when told not to (a pooler in transaction mode)', async () => {
    const db = open(false);
    for (const city of ['Lyon', 'Lille', 'Lyon']) expect(await named(db, city)).toEqual([{ name: city }]);
    expect(await prepared(db)).toEqual([]);
  });
});
