import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupRefused, backupDatabase, inspectDatabase, restoreDatabase } from './backup.ts';
import { migrateDatabase, openDatabase } from './open.ts';
import { seedDemo } from '../seed/demo.ts';

describe('backup and restore', () => {
  let dir: string;
  let live: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-backup-'));
    live = join(dir, 'live.db');
    const { db, close } = openDatabase(live);
    migrateDatabase(db);
    await seedDemo(db, {}, new Date());
    close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const countPeople = (path: string, where = '1 = 1') => {
    const sqlite = new Database(path, { readonly: true });
    try {
      return (sqlite.prepare(`SELECT count(*) AS n FROM people WHERE ${where}`).get() as { n: number }).n;
    } finally {
      sqlite.close();
    }
  };

  it('copies a database that another connection is writing to, checked, with its row counts', async () => {
    const writer = new Database(live);
    writer.exec('BEGIN');
    writer.prepare(`UPDATE people SET display_name = 'uncommitted'`).run();
    try {
      const report = await backupDatabase(live, join(dir, 'b.db'));
      expect(report.integrity).toBe('ok');
      expect(report.path).toBe(join(dir, 'b.db'));
      expect(report.tables.people).toBe(countPeople(live));
      expect(report.tables).not.toHaveProperty('__drizzle_migrations');
      expect(existsSync(join(dir, 'b.db-wal'))).toBe(false);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    const copy = new Database(join(dir, 'b.db'), { readonly: true });
    expect(copy.prepare(`SELECT count(*) AS n FROM people WHERE display_name = 'uncommitted'`).get()).toEqual({ n: 0 });
    copy.close();
  });

  it('never overwrites an existing file', async () => {
    writeFileSync(join(dir, 'b.db'), 'precious');
    await expect(backupDatabase(live, join(dir, 'b.db'))).rejects.toThrow(BackupRefused);
    expect(readFileSync(join(dir, 'b.db'), 'utf8')).toBe('precious');
  });

  it('restores over the target, keeps the replaced file, and leaves no stale WAL', async () => {
    await backupDatabase(live, join(dir, 'b.db'));
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.prepare(`UPDATE people SET display_name = 'after the backup'`).run();
    writer.close();
    const changed = `display_name = 'after the backup'`;
    expect(countPeople(live, changed)).toBeGreaterThan(0);

    const { restored, previous } = await restoreDatabase(join(dir, 'b.db'), live);
    expect(restored.integrity).toBe('ok');
    expect(restored.tables).toEqual(inspectDatabase(join(dir, 'b.db')).tables);
    expect(countPeople(live, changed)).toBe(0);
    expect(countPeople(previous!, changed)).toBe(countPeople(previous!));
    expect(existsSync(`${live}-wal`)).toBe(false);
  });

  it('refuses while another process has the target open, and changes nothing', async () => {
    await backupDatabase(live, join(dir, 'b.db'));
    const { db, close } = openDatabase(live);
    migrateDatabase(db); // a server holds its connection open after boot
    try {
      await expect(restoreDatabase(join(dir, 'b.db'), live)).rejects.toThrow(/in use/);
    } finally {
      close();
    }
    expect(inspectDatabase(live).integrity).toBe('ok');
  });

  it('refuses a damaged backup before touching the target', async () => {
    const before = readFileSync(live);
    writeFileSync(join(dir, 'bad.db'), 'SQLite format 3\0'.padEnd(8192, 'x'));
    await expect(restoreDatabase(join(dir, 'bad.db'), live)).rejects.toThrow(/integrity|cannot be opened/);
    expect(readFileSync(live).equals(before)).toBe(true);
  });
});
