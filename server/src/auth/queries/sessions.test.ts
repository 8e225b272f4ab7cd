import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseRefusal, testApp } from '../../testing.ts';
import type { Db } from '../../db/open.ts';
import { queryPlan } from '../../db/query-plan.ts';
import { institutions, sessions } from '../../db/tables/index.ts';
import { findLiveSession, insertSession, liveSessionLookup } from './sessions.ts';

/**
 * Sessions as a deployment accumulates them: every sign-in leaves one, live
 * or expired (3,000 here, of 1,000 people); then the statistics are
 * gathered, as autovacuum or `PRAGMA optimize` would.
 */
async function manySessions(db: Db, tenantId: string, personIds: readonly string[]): Promise<void> {
  const rows = Array.from({ length: 3000 }, (_, n) => ({
    tenantId,
    personId: personIds[n % personIds.length]!,
    tokenHash: `hash-${n}`,
    method: 'host' as const,
    createdAt: '2026-03-01T09:00:00.000Z',
    expiresAt: n % 2 ? '2026-03-01T10:00:00.000Z' : '2026-03-03T09:00:00.000Z',
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(sessions).values(rows.slice(i, i + 500)).run();
  await db.run(sql`ANALYZE sessions`);
}

// Every signed-in request looks its session up by the token's hash: that
// must read the one session however many the table holds. On PostgreSQL the
// hash had no index (the unique constraint SQLite has was not carried over),
// so each request read every session ever opened.
describe('looking a session up', () => {
  it('reads the one session by its token’s hash, not the whole table, with the plan a prepared statement is given', async () => {
    const t = testApp();
    const tenantId = t.ids.demo.tenantId;
    const people = Object.values(t.ids.demo.people);
    await manySessions(t.db, tenantId, people);
    const { sql: text } = liveSessionLookup(t.db).toSQL();

    const plan = await queryPlan(t.db, text, ['hash-2998', '2026-03-02T09:00:00.000Z']);
    if (plan.engine === 'postgres') {
      const read = plan.nodeOf('sessions');
      // The same index, by the same name, on both engines.
      expect(read?.['Index Name']).toBe('sessions_token_hash_unique');
      expect(read?.['Actual Rows']).toBe(1);
      expect(read?.['Rows Removed by Filter'] ?? 0).toBe(0);
    } else {
      expect(plan.details.find((d) => d.includes('sessions'))).toBe('SEARCH sessions USING INDEX sessions_token_hash_unique (token_hash=?)');
    }

    expect(await findLiveSession(t.db, 'hash-2998', '2026-03-02T09:00:00.000Z')).toMatchObject({ tenantId, personId: people[2998 % people.length] });
    // Expired, and unknown: none.
    expect(await findLiveSession(t.db, 'hash-2999', '2026-03-02T09:00:00.000Z')).toBeUndefined();
    expect(await findLiveSession(t.db, 'hash-3000', '2026-03-02T09:00:00.000Z')).toBeUndefined();
  });

  it('refuses a second session with the same token hash, and a second institution with the same slug, on either engine', async () => {
    const t = testApp();
    const tenantId = t.ids.demo.tenantId;
    const session = { tenantId, personId: t.ids.demo.people['alumna-claire'], tokenHash: 'the-same-hash', method: 'host' as const, createdAt: '2026-03-01T09:00:00.000Z', expiresAt: '2026-03-03T09:00:00.000Z' };
    await insertSession(t.db, session);
    expect(await databaseRefusal(() => insertSession(t.db, { ...session, personId: t.ids.demo.people['student-ines'] }))).toMatch(/UNIQUE constraint failed: sessions\.token_hash|"sessions_token_hash_unique"/);
    const [demo] = await t.db.select({ slug: institutions.slug }).from(institutions).where(sql`${institutions.id} = ${tenantId}`).all();
    expect(await databaseRefusal(() => t.db.insert(institutions).values({ slug: demo!.slug, name: 'Another', createdAt: '2026-03-01T09:00:00.000Z' }).run())).toMatch(/UNIQUE constraint failed: institutions\.slug|"institutions_slug_unique"/);
    expect(await t.db.select({ n: sql<number>`count(*)` }).from(sessions).where(sql`${sessions.tokenHash} = 'the-same-hash'`).all()).toEqual([{ n: 1 }]);
  });
});
