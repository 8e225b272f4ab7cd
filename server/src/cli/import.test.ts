import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { people } from '../db/tables/index.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'passerelle-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const database = join(dir, 'cli.db');
{
  const { db, close } = openDatabase(database);
  migrateDatabase(db);
  await seedDemo(db, {}, new Date());
  close();
}
const peopleCount = async () => {
  const { db, close } = openDatabase(database);
  try {
    return (await db.select({ n: count() }).from(people).get())!.n;
  } finally {
    close();
  }
};

/** The CLI as `pnpm passerelle` runs it, typed from `dir`. */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: database, INIT_CWD: dir, PASSERELLE_LANG: 'en' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('pnpm passerelle import (child process)', () => {
  it('imports a file given relative to where the command was typed: summary on stdout, progress on stderr', async () => {
    writeFileSync(join(dir, 'base.csv'), 'Nom;Prénom;Promo;Mail\nSimon;Julie;2014;julie.simon@example.org\nSimon;;2014;\n');
    const before = (await peopleCount());
    const run = cli('import', 'people', 'base.csv', '--tenant', 'demo', '--map', 'Nom=familyName', '--map', 'Prénom=givenName', '--map', 'Promo=graduationYear', '--map', 'Mail=email', '--entity', 'École de management');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported people: 2 lines');
    expect(run.stdout).toContain('created 1, updated 0, unchanged 0, flagged 0, rejected 1');
    expect(run.stdout).toContain(`report: ${join(dir, 'base.csv.report.csv')}`);
    expect(run.stderr).toMatch(/^50 % \(1\/2 lines.*\n100 % \(2\/2 lines/);
    expect(existsSync(join(dir, 'base.csv.report.csv'))).toBe(true);
    expect((await peopleCount())).toBe(before + 1);
  });

  it('exits with 2 and a message on a structural error, writing nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'Nom;Prénom\nSimon;Julie\n');
    const before = peopleCount();
    const run = cli('import', 'people', 'bad.csv', '--tenant', 'demo', '--map', 'Nom=surname');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Nothing was imported\. Invalid column mapping:\n {2}column "Nom": .*externalId.*linkedinUrl/);
    expect(run.stdout).toBe('');
    expect((await peopleCount())).toBe((await before));
    expect(existsSync(join(dir, 'bad.csv.report.csv'))).toBe(false);
  });
});
