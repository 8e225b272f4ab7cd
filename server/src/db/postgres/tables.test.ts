import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { is } from 'drizzle-orm';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import * as sqliteTables from '../tables/index.ts';
import * as kitSchema from './kit-schema.ts';
import { pgTables } from './tables.ts';
import { postgresMigrationsFolder } from './migrate.ts';

describe('the PostgreSQL schema', () => {
  it('has a table for every SQLite table, and drizzle-kit finds each of them exported', () => {
    const names = Object.values(sqliteTables).filter((t) => is(t, SQLiteTable)).length;
    expect(pgTables.size).toBe(names);
    expect(new Set(Object.values(kitSchema))).toEqual(new Set(pgTables.values()));
  });

  // A column only SQLite kept unique once: a session's token hash, so that
  // PostgreSQL looked every request's session up by reading the whole table.
  it('keeps unique on PostgreSQL whatever is unique on SQLite, under the same name', () => {
    const uniques = (columns: readonly { name: string; isUnique: boolean; uniqueName?: string }[], indexes: readonly { name: string; unique: boolean; columns: string[] }[]) =>
      [...columns.filter((c) => c.isUnique).map((c) => `${c.uniqueName}(${c.name})`), ...indexes.filter((i) => i.unique).map((i) => `${i.name}(${i.columns.join(',')})`)].sort();
    const onSqlite = Object.values(sqliteTables)
      .filter((t) => is(t, SQLiteTable))
      .map((t) => sqliteTableConfig(t))
      .map((c) => [c.name, uniques(c.columns, c.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique, columns: i.config.columns.map((col) => (col as { name: string }).name) })))] as const);
    const onPostgres = new Map(
      [...pgTables.values()]
        .map((t) => pgTableConfig(t))
        .map((c) => [c.name, uniques(c.columns, c.indexes.map((i) => ({ name: i.config.name!, unique: i.config.unique, columns: i.config.columns.map((col) => (col as { name: string }).name) })))] as const),
    );
    expect(onSqlite.filter(([, u]) => u.length).length).toBeGreaterThan(0);
    for (const [name, unique] of onSqlite) expect({ name, unique: onPostgres.get(name) }).toEqual({ name, unique });
  });

  it('is what the committed PostgreSQL migrations build: no table changed without `pnpm db:generate`', async () => {
    const journal = JSON.parse(readFileSync(join(postgresMigrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!.idx;
    const snapshot = JSON.parse(readFileSync(join(postgresMigrationsFolder, `meta/${String(last).padStart(4, '0')}_snapshot.json`), 'utf8')) as DrizzleSnapshotJSON;
    const current = generateDrizzleJson(kitSchema as Record<string, unknown>, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
