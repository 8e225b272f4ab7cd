import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
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

  it('is what the committed PostgreSQL migrations build: no table changed without `pnpm db:generate`', async () => {
    const journal = JSON.parse(readFileSync(join(postgresMigrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!.idx;
    const snapshot = JSON.parse(readFileSync(join(postgresMigrationsFolder, `meta/${String(last).padStart(4, '0')}_snapshot.json`), 'utf8')) as DrizzleSnapshotJSON;
    const current = generateDrizzleJson(kitSchema as Record<string, unknown>, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
