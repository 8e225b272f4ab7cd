import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('withStatementCache', () => {
  const connection = new Database(':memory:');
  afterEach(() => connection.exec('DROP TABLE IF EXISTS t'));

  it('compiles a text once and hands the statement out as a fresh one', () => {
    const cached = withStatementCache(connection);
    cached.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    cached.prepare('INSERT INTO t (name) VALUES (?)').run('Ada');
    const first = cached.prepare('SELECT id, name FROM t WHERE id = ?');
    expect(first.raw().get(1)).toEqual([1, 'Ada']);
    const again = cached.prepare('SELECT id, name FROM t WHERE id = ?');
    expect(again).toBe(first);
    // Left raw by its last user, it answers objects again, as a new statement does.
    expect(again.get(1)).toEqual({ id: 1, name: 'Ada' });
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').pluck().get(1)).toBe('Ada');
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'Ada' });
  });

  it('is the same connection otherwise: transactions, exec, pragmas', () => {
    const cached = withStatementCache(connection);
    cached.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    cached.exec('BEGIN');
    expect(cached.inTransaction).toBe(true);
    expect(connection.inTransaction).toBe(true);
    cached.prepare('INSERT INTO t DEFAULT VALUES').run();
    cached.exec('ROLLBACK');
    expect(cached.inTransaction).toBe(false);
    expect(cached.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(cached.pragma('foreign_keys', { simple: true })).toBe(connection.pragma('foreign_keys', { simple: true }));
  });

  it('keeps at most a thousand statements, the least recently used going first', () => {
    const cached = withStatementCache(connection);
    const first = cached.prepare('SELECT 0');
    const oneBefore = cached.prepare('SELECT 1');
    for (let i = 2; i <= 999; i++) cached.prepare(`SELECT ${i}`);
    expect(cached.prepare('SELECT 0')).toBe(first); // used again: now the most recent
    cached.prepare('SELECT 1000'); // the thousand and first: `SELECT 1` goes
    expect(cached.prepare('SELECT 0')).toBe(first);
    const one = cached.prepare('SELECT 1');
    expect(one).not.toBe(oneBefore);
    expect(one.pluck().get()).toBe(1);
  });
});
