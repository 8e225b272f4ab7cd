import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { valuesUnseen } from './values-unseen.ts';
import { withStatementCache } from './statement-cache.ts';

describe('valuesUnseen', () => {
  it('writes each placeholder `+?`, outside quotes and comments only', () => {
    const sql = `select '?', 'it''s ?', "a?b" from "t" where "a" = ? and "b" in (?, ?2) -- what ?\n and "c" = /* why? */ ? limit ?`;
    expect(valuesUnseen(sql)).toBe(`select '?', 'it''s ?', "a?b" from "t" where "a" = +? and "b" in (+?, +?2) -- what ?\n and "c" = /* why? */ +? limit +?`);
  });

  describe('on a connection through the statement cache', () => {
    // Kinds: one "rare", 1,999 "common"; owners: half each. With the statistics of ANALYZE (STAT4 samples among them),
    // SQLite seeks the kind index for "rare" and scans for "common" when it may look at the value bound.
    const connection = new Database(':memory:');
    connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, owner TEXT NOT NULL, n INTEGER); CREATE INDEX t_kind ON t (kind); CREATE INDEX t_owner ON t (owner)');
    const insert = connection.prepare('INSERT INTO t (kind, owner, n) VALUES (?, ?, ?)');
    connection.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(i === 0 ? 'rare' : 'common', `o${i % 2}`, i);
    })();
    connection.exec('ANALYZE');
    const plan = 'EXPLAIN QUERY PLAN SELECT id FROM t WHERE kind = ? AND owner = ?';
    const planFor = (db: Database.Database, kind: string) => (db.prepare(plan).all(kind, 'o0') as { detail: string }[]).map((r) => r.detail);

    it('plans a statement once, whatever values are bound (a plain statement is planned again for each)', () => {
      expect(planFor(connection, 'rare')).not.toEqual(planFor(connection, 'common'));
      const cached = withStatementCache(connection);
      expect(planFor(cached, 'rare')).toEqual(planFor(cached, 'common'));
    });

    it('finds the same rows: a placeholder has no affinity, written `+?` neither', () => {
      const cached = withStatementCache(connection);
      const query = 'SELECT id, kind, n FROM t WHERE kind = ? AND n = ? ORDER BY id LIMIT ?';
      for (const args of [['rare', 0, 5], ['common', '7', '5'], ['common', 7.0, 1], ['nobody', 1, 5]] as const) {
        expect(cached.prepare(query).all(...args)).toEqual(connection.prepare(query).all(...args));
      }
      expect(cached.prepare(query).all('common', '7', 5)).toEqual([{ id: 8, kind: 'common', n: 7 }]);
    });
  });
});
