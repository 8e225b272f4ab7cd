import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Db } from './open.ts';
import { usedTokenIds } from '../auth/tables.ts';
import { insertInstitution } from '../tenancy/queries/institutions.ts';
import { institutions } from './tables/index.ts';
import { sqliteCode } from '../http/errors.ts';
import { withTransaction } from '../db/transaction.ts';

describe('openDatabase', () => {
  it('creates the folder and opens SQLite with WAL, foreign keys, and its commits synced off the event loop (synchronous=NORMAL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
    const file = join(dir, 'nested', 'p.db');
    const { db, close } = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect((await db.get<{ journal_mode: string }>(sql`pragma journal_mode`))?.journal_mode).toBe('wal');
      // The log's fsync comes before anyone is told, from wal-sync.ts (wal-sync.test.ts).
      expect((await db.get<{ synchronous: number }>(sql`pragma synchronous`))?.synchronous).toBe(1);
      expect((await db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`))?.foreign_keys).toBe(1);
      migrateDatabase(db);
      migrateDatabase(db); // idempotent
      expect((await db.select().from(institutions).all())).toEqual([]);
    } finally {
      close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('brings the planner’s statistics up to date when a table grew much since they were gathered (checked at opening and closing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
    const file = join(dir, 'p.db');
    const rowsSeen = async (db: Db) => Number((await db.get<{ stat: string } | undefined>(sql`select stat from sqlite_stat1 where tbl = 'used_token_ids'`))?.stat.split(' ')[0]);
    try {
      const first = openDatabase(file);
      migrateDatabase(first.db);
      const tenantId = await insertInstitution(first.db, { slug: 'x', name: 'X', allowedOrigins: [], createdAt: new Date().toISOString() });
      const token = (i: number) => ({ tenantId, jti: `j${i}`, expiresAt: new Date().toISOString() });
      await first.db.insert(usedTokenIds).values([token(0), token(1)]);
      await first.db.run(sql`ANALYZE`);
      expect(await rowsSeen(first.db)).toBe(2);
      await first.db.insert(usedTokenIds).values(Array.from({ length: 500 }, (_, i) => token(i + 2)));
      first.close();
      const again = openDatabase(file);
      try {
        expect(await rowsSeen(again.db)).toBe(502);
      } finally {
        again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('begins transactions IMMEDIATE: one that reads then writes holds the write lock from the start, so another process waits instead of making it fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-db-'));
    const file = join(dir, 'p.db');
    const mine = openDatabase(file);
    // Another process's connection, not waiting at all: a lock it meets is an immediate SQLITE_BUSY.
    const other = openDatabase(file);
    const sqliteCodeOf = (write: () => unknown) => {
      try {
        write();
        return 'ok';
      } catch (err) {
        return sqliteCode(err);
      }
    };
    try {
      await mine.db.run(sql`create table counter (n integer not null)`);
      await mine.db.run(sql`insert into counter values (0)`);
      await other.db.run(sql`pragma busy_timeout = 0`);
      const otherWrite = () => other.db.run(sql`update counter set n = n + 100`);

      const attempts = await withTransaction(mine, async (tx) => {
        const before = (await tx.get<{ n: number }>(sql`select n from counter`))!.n;
        const during = sqliteCodeOf(otherWrite);
        await tx.run(sql`update counter set n = ${before + 1}`);
        return during;
      });
      // Deferred, the other write would have gone through and this update failed with SQLITE_BUSY_SNAPSHOT.
      expect(attempts).toBe('SQLITE_BUSY');
      expect(sqliteCodeOf(otherWrite)).toBe('ok');
      expect((await other.db.get<{ n: number }>(sql`select n from counter`))?.n).toBe(101);

      // A read-only transaction may still ask for a deferred one: it takes no lock.
      const duringDeferred = await withTransaction(mine, async () => sqliteCodeOf(otherWrite), { behavior: 'deferred' });
      expect(duringDeferred).toBe('ok');
    } finally {
      other.close();
      mine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
