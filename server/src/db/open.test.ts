import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from './open.ts';
import { institutions } from './tables/index.ts';

describe('openDatabase', () => {
  it('creates the folder and opens SQLite with WAL, foreign keys and synchronous=FULL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
    const file = join(dir, 'nested', 'p.db');
    const { db, close } = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.get<{ journal_mode: string }>(sql`pragma journal_mode`)?.journal_mode).toBe('wal');
      expect(db.get<{ synchronous: number }>(sql`pragma synchronous`)?.synchronous).toBe(2);
      expect(db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`)?.foreign_keys).toBe(1);
      migrateDatabase(db);
      migrateDatabase(db); // idempotent
      expect(db.select().from(institutions).all()).toEqual([]);
    } finally {
      close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
