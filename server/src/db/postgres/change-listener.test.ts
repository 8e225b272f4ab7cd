// What each instance keeps in memory on PostgreSQL, and how every instance
// forgets it when one of them (or the CLI) changes it: two engines on one
// database stand for two API instances. PostgreSQL only (SQLite's cache is
// db/until-change.test.ts's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { emptyDatabase, testPostgresAdminUrl } from './test-databases.ts';
import { openPostgres, postgresEngineOf } from './open.ts';
import { migratePostgres } from './migrate.ts';
import { CHANGE_CHANNEL } from './change-listener.ts';
import { withTransaction } from '../transaction.ts';
import { untilChange } from '../until-change.ts';
import type { Db } from '../open.ts';
import { institutionOrigins, insertInstitution, setInstitutionOrigins } from '../../tenancy/queries/institutions.ts';

const ORIGIN = 'https://alumni.example.org';

/** Resolves once `condition()` holds, checked after each turn of the event loop (never a fixed wait). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((next) => setTimeout(next, 5));
}

describe.runIf(process.env.PASSERELLE_TEST_POSTGRES)('what an instance keeps in memory on PostgreSQL (PostgreSQL only)', () => {
  let url: string;
  let one: { db: Db; close: () => Promise<void> };
  let other: { db: Db; close: () => Promise<void> };
  let tenantId: string;
  let loads = 0;
  /** Instance one's origins, counting the reads that reached the database. */
  const originsOnOne = () =>
    untilChange(one.db, `origins:${tenantId}`, async () => {
      loads++;
      return institutionOrigins(one.db, tenantId);
    });
  const listening = (db: Db) => postgresEngineOf(db)!.cache.isListening;

  beforeAll(async () => {
    url = await emptyDatabase(testPostgresAdminUrl());
    one = openPostgres(url, { max: 2 });
    other = openPostgres(url, { max: 2 });
    await migratePostgres(postgresEngineOf(one.db)!);
    tenantId = await insertInstitution(one.db, { slug: 'x', name: 'X', allowedOrigins: [], createdAt: new Date().toISOString() });
  });
  afterAll(async () => {
    await one.close();
    await other.close();
  });

  it('keeps a read once listening, and reads again on every instance after another instance commits a change', async () => {
    await originsOnOne();
    await until(() => listening(one.db));
    expect(await originsOnOne()).toEqual([]);
    const before = loads;
    expect(await originsOnOne()).toEqual([]);
    expect(loads).toBe(before);

    // The other instance (or the CLI) commits: the notice reaches instance one, which reads again.
    await setInstitutionOrigins(other.db, tenantId, [ORIGIN]);
    await until(async () => (await originsOnOne())?.includes(ORIGIN) === true);
    const after = loads;
    expect(await originsOnOne()).toEqual([ORIGIN]);
    expect(loads).toBe(after);
  });

  it('an instance reads its own committed change at once, inside a transaction or not', async () => {
    await until(async () => (await originsOnOne(), listening(one.db)));
    await setInstitutionOrigins(one.db, tenantId, []);
    expect(await originsOnOne()).toEqual([]);
    await withTransaction({ db: one.db }, (tx) => setInstitutionOrigins(tx, tenantId, [ORIGIN]));
    expect(await originsOnOne()).toEqual([ORIGIN]);
  });

  it('a transaction rolled back announces nothing: what is kept stays kept', async () => {
    await until(async () => (await originsOnOne(), listening(one.db)));
    await originsOnOne();
    const before = loads;
    await expect(
      withTransaction({ db: other.db }, async (tx) => {
        await setInstitutionOrigins(tx, tenantId, ['https://never.example.org']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A notice, had there been one, would have been delivered before this one (same sender, in commit order).
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    try {
      await probe.query(`NOTIFY ${CHANGE_CHANNEL}, 'probe'`);
    } finally {
      await probe.end();
    }
    const seen = loads;
    await until(async () => (await originsOnOne(), loads > seen));
    // The probe's notice emptied the cache once (one more read); the rollback's would have been seen earlier.
    expect(await originsOnOne()).toEqual([ORIGIN]);
    expect(loads - before).toBe(1);
  });

  it('a lost listening connection keeps nothing until it listens again, and misses no change made meanwhile', async () => {
    await until(async () => (await originsOnOne(), listening(one.db)));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [`LISTEN ${CHANGE_CHANNEL}`]);
      await until(() => !listening(one.db));
      // Changed while nobody listened: read from the database, not from memory.
      await setInstitutionOrigins(other.db, tenantId, []);
      expect(await originsOnOne()).toEqual([]);
      // It listens again (a second later at the earliest) and keeps reads again.
      await until(async () => (await originsOnOne(), listening(one.db)));
      await originsOnOne();
      const before = loads;
      expect(await originsOnOne()).toEqual([]);
      expect(loads).toBe(before);
    } finally {
      await admin.end();
    }
  });
});
