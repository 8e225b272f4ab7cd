import { describe, expect, it } from 'vitest';
import { mailOutbox } from '../mail/tables.ts';
import { testApp } from '../testing.ts';
import { preparedInsert } from './prepared-insert.ts';
import { query } from './transaction.ts';

// The mail outbox has all a row can need: a generated id, a JSON column, a boolean, a column with a default.
const insert = preparedInsert(mailOutbox, (db, values) => db.insert(mailOutbox).values(values).returning().prepare());

describe('preparedInsert', () => {
  it('stores each row as given, with a new id each time and the defaults of the columns left out', async () => {
    const t = testApp();
    const base = {
      tenantId: t.ids.demo.tenantId,
      personId: t.ids.demo.people['alumna-claire'],
      address: 'claire@example.org',
      language: 'fr' as const,
      kind: 'pledge.received' as const,
      transactional: true,
      status: 'pending' as const,
      createdAt: '2026-12-04T10:00:00.000Z',
    };
    const rows = [];
    for (const params of [{ n: 1 }, { n: 2, nested: { a: ['x'] } }]) {
      const { statement, values } = insert(t.db, { ...base, params });
      rows.push(await query(t.db, () => statement.get(values)));
    }
    // The same statement twice, yet two ids: the id's generator ran for each row, not once into the statement.
    expect(new Set(rows.map((r) => r?.id)).size).toBe(2);
    expect(rows.map((r) => [r?.params, r?.transactional, r?.attempts])).toEqual([
      [{ n: 1 }, true, 0],
      [{ n: 2, nested: { a: ['x'] } }, true, 0],
    ]);

    // Another set of columns: an id and a number of attempts given, undefined ones left out.
    const id = crypto.randomUUID();
    const given = insert(t.db, { ...base, id, params: {}, attempts: 3, transactional: false, lastError: undefined });
    const row = await query(t.db, () => given.statement.get(given.values));
    expect([row?.id, row?.attempts, row?.transactional, row?.lastError]).toEqual([id, 3, false, null]);

    const stored = await query(t.db, (db) => db.select({ id: mailOutbox.id }).from(mailOutbox).all());
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining([...rows.map((r) => r?.id), id]));
  });
});
