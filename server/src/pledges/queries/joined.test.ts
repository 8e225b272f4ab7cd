import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, testPostgres } from '../../testing.ts';
import { sqliteOf } from '../../db/open.ts';
import { findPledgeJoined, pledgeJoinedById } from './joined.ts';

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
const gift = { kind: 'donation', amountCents: 5000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false };

// Every pledge made or changed is read back by id: on SQLite the plan must find it by its key
// whatever ANALYZE last saw, or each write reads the whole table.
describe.skipIf(testPostgres)('reading one pledge back (SQLite)', () => {
  it('finds it by its key, with statistics from when the table was small and with none', async () => {
    const t = testApp();
    const token = await t.signIn('alumna-claire');
    const ids: string[] = [];
    for (const key of ['plan-1', 'plan-2']) {
      const res = await t.call('POST', '/v1/pledges', { token, body: gift, headers: { 'idempotency-key': key } });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const sqlite = sqliteOf(t.db);
    const { sql: text } = pledgeJoinedById(t.db).toSQL();
    const plan = () => sqlite.all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${text.replaceAll('?', "''")}`)).map((r) => r.detail);

    sqlite.run(sql`ANALYZE`);
    expect(plan()[0]).toMatch(/^SEARCH pledges USING INDEX sqlite_autoindex_pledges_1 \(id=\?\)$/);
    sqlite.run(sql`DELETE FROM sqlite_stat1`);
    sqlite.run(sql`ANALYZE sqlite_schema`);
    expect(plan()[0]).toMatch(/^SEARCH pledges USING INDEX sqlite_autoindex_pledges_1 \(id=\?\)$/);

    const joined = await findPledgeJoined(t.db, t.ids.demo.tenantId, ids[1]!);
    expect(joined?.pledge.id).toBe(ids[1]);
    expect(joined?.entityName).toBeTruthy();
    expect(joined?.companyName).toBeNull();
  });
});
