import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { people } from '../db/tables/index.ts';
import { cliDatabase } from './testing.ts';

const { db, dir, cliSync } = await cliDatabase('import');
const peopleCount = async () => (await db.select({ n: count() }).from(people).get())!.n;
/** The CLI as `pnpm passerelle` runs it, typed from `dir`. */
const cli = (...args: string[]) => cliSync(args);

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
