import { describe, expect, it } from 'vitest';
import { toPostgres } from './statements.ts';

describe('toPostgres', () => {
  it('numbers the placeholders in order', () => {
    expect(toPostgres('select "a" from "t" where "b" = ? and "c" in (?, ?) limit ?')).toBe('select "a" from "t" where "b" = $1 and "c" in ($2, $3) limit $4');
  });

  it('leaves question marks inside literals, identifiers and comments alone', () => {
    expect(toPostgres(`select 'what?', 'it''s ?', "odd?name" from t -- why?\nwhere x = ?`)).toBe(`select 'what?', 'it''s ?', "odd?name" from t -- why?\nwhere x = $1`);
  });

  it('drops SQLite’s unary-plus index hint, and only it', () => {
    expect(toPostgres('select * from "m" where (+"m"."tenant_id" = ? and "m"."x" = ?) order by +"m"."sort", "m"."id"')).toBe(
      'select * from "m" where ("m"."tenant_id" = $1 and "m"."x" = $2) order by "m"."sort", "m"."id"',
    );
    expect(toPostgres('update "c" set "last" = "c"."last" + 1, "n" = (+"c"."n")')).toBe('update "c" set "last" = "c"."last" + 1, "n" = ("c"."n")');
    expect(toPostgres('select ? +"a" from t')).toBe('select $1 +"a" from t');
  });

  it('writes an upsert’s conflict target with bare column names, as PostgreSQL wants them', () => {
    expect(toPostgres('insert into "s" ("year", "c") values (?, ?) on conflict ("s"."year") do update set "c" = ?')).toBe(
      'insert into "s" ("year", "c") values ($1, $2) on conflict ("year") do update set "c" = $3',
    );
    expect(toPostgres('insert into "r" ("t", "y", "last") values (?, ?, ?) on conflict ("r"."t", "r"."y") do update set "last" = "r"."last" + 1 returning "last"')).toBe(
      'insert into "r" ("t", "y", "last") values ($1, $2, $3) on conflict ("t", "y") do update set "last" = "r"."last" + 1 returning "last"',
    );
    expect(toPostgres('insert into "f" ("a") values (?) on conflict do nothing')).toBe('insert into "f" ("a") values ($1) on conflict do nothing');
  });
});
