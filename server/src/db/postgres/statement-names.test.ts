import { describe, expect, it } from 'vitest';
import { StatementNames } from './statement-names.ts';

describe('the statements PostgreSQL prepares', () => {
  it('names a text the second time it runs, and keeps that name', () => {
    const names = new StatementNames();
    expect(names.of('select 1')).toBeUndefined();
    const name = names.of('select 1');
    expect(name).toMatch(/^passerelle_\d+$/);
    expect(names.of('select 1')).toBe(name);
    expect(names.of('select 2')).toBeUndefined();
    expect(names.of('select 2')).not.toBe(name);
    expect(names.size).toBe(2);
  });

  it('never names a statement with a LIKE: its plan depends on the pattern', () => {
    const names = new StatementNames();
    const search = `select "id" from "companies" where "search_name" like ('%' || $1 || '%')`;
    for (let i = 0; i < 3; i++) expect(names.of(search)).toBeUndefined();
    expect(names.size).toBe(0);
  });

  it('names no more than its bound: later texts run unnamed', () => {
    const names = new StatementNames(2);
    for (const text of ['a', 'b', 'c']) names.of(text);
    expect([names.of('a'), names.of('b')]).toEqual(['passerelle_1', 'passerelle_2']);
    expect(names.of('c')).toBeUndefined();
    expect(names.of('c')).toBeUndefined();
    expect(names.size).toBe(2);
  });

  it('forgets texts seen once when too many came, never a name it gave', () => {
    const names = new StatementNames(10, 3);
    names.of('kept');
    const kept = names.of('kept');
    for (const text of ['x', 'y', 'z', 'w']) names.of(text);
    // 'x' was forgotten when 'w' came: seen once more, it is still unnamed.
    expect(names.of('x')).toBeUndefined();
    expect(names.of('kept')).toBe(kept);
  });
});
