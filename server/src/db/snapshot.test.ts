import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { testApp } from '../testing.ts';
import { isPostgres } from './open.ts';
import { people } from './tables/index.ts';
import { inSnapshot, query } from './transaction.ts';

const countPeople = async (db: Parameters<typeof query>[0]) => (await query(db, (d) => d.select({ n: count() }).from(people).get()))?.n ?? 0;

describe('inSnapshot (what an export reads from)', () => {
  it('on PostgreSQL every batch sees the database as it was at the start; on SQLite each batch is its own read', async () => {
    const t = testApp();
    const before = await countPeople(t.db);
    const seen: number[] = [];
    for await (const n of inSnapshot(t.db, async function* (db) {
      yield await countPeople(db);
      // Someone signs up while the export runs.
      await t.db.insert(people).values({ tenantId: t.ids.demo.tenantId, email: 'late@example.org', displayName: 'Late', createdAt: t.clock.now().toISOString() }).run();
      yield await countPeople(db);
    })) {
      seen.push(n);
    }
    expect(seen[0]).toBe(before);
    expect(seen[1]).toBe(isPostgres(t.db) ? before : before + 1);
    expect(await countPeople(t.db)).toBe(before + 1);
  });

  it('gives its connection back when the reader stops early (a client that hangs up)', async () => {
    const t = testApp();
    for (let i = 0; i < 20; i++) {
      for await (const n of inSnapshot(t.db, async function* (db) {
        yield await countPeople(db);
        yield await countPeople(db);
      })) {
        expect(n).toBeGreaterThan(0);
        break;
      }
    }
    expect(await countPeople(t.db)).toBeGreaterThan(0);
  });
});
