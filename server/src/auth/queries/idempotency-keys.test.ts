import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../testing.ts';
import type { Db } from '../../db/open.ts';
import { queryPlan } from '../../db/query-plan.ts';
import { idempotencyKeys } from '../../db/tables/index.ts';
import { findIdempotencyKey, idempotencyKeyLookup, insertIdempotencyKey } from './idempotency-keys.ts';

/**
 * Keys as a busy deployment holds them: one person (an integration posting
 * all day) with a thousand, two thousand people with one each; then the
 * statistics are gathered, as autovacuum or `PRAGMA optimize` would.
 */
async function busyKeys(db: Db, tenantId: string, heavy: string): Promise<void> {
  const at = '2026-03-02T09:00:00.000Z';
  const row = (personId: string, n: number) => ({ tenantId, personId, key: `key-${n}`, requestHash: 'h', status: 201, body: '{}', location: null, createdAt: at });
  const rows = [...Array.from({ length: 1000 }, (_, n) => row(heavy, n)), ...Array.from({ length: 2000 }, (_, n) => row(crypto.randomUUID(), n))];
  for (let i = 0; i < rows.length; i += 500) await db.insert(idempotencyKeys).values(rows.slice(i, i + 500)).run();
  await db.run(sql`ANALYZE idempotency_keys`);
}

// Every idempotent write (a pledge, an offer, a solicitation) first looks its key up: that must read
// one entry however many keys the person holds, or each write of a busy integration costs more
// than the one before it.
describe('looking an idempotency key up', () => {
  it('reads the one entry, not all the person’s keys, with the plan a prepared statement is given', async () => {
    const t = testApp();
    const tenantId = t.ids.demo.tenantId;
    const heavy = t.ids.demo.people['alumna-claire'];
    await busyKeys(t.db, tenantId, heavy);
    const { sql: text } = idempotencyKeyLookup(t.db).toSQL();

    const plan = await queryPlan(t.db, text, [tenantId, heavy, 'key-999']);
    if (plan.engine === 'postgres') {
      expect(plan.plan['Index Name']).toBe('idempotency_keys_tenant_id_person_id_key_pk');
      expect(plan.plan['Actual Rows']).toBe(1);
      expect(plan.plan['Rows Removed by Filter'] ?? 0).toBe(0);
    } else {
      expect(plan.details).toEqual(['SEARCH idempotency_keys USING INDEX sqlite_autoindex_idempotency_keys_1 (tenant_id=? AND person_id=? AND key=?)']);
    }

    const found = await findIdempotencyKey(t.db, { tenantId, personId: heavy, key: 'key-999' });
    expect(found).toMatchObject({ requestHash: 'h', status: 201, body: '{}', location: null });
    expect(await findIdempotencyKey(t.db, { tenantId, personId: heavy, key: 'key-1000' })).toBeUndefined();
    // A key taken already is refused, and answers false (the request that lost the race).
    expect(await insertIdempotencyKey(t.db, { tenantId, personId: heavy, key: 'key-999', requestHash: 'other', status: 201, body: '{}', location: null, createdAt: '2026-03-02T09:00:00.000Z' })).toBe(false);
  });
});
