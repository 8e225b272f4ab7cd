/**
 * The database the load and scale benchmarks run against: the demo seed (so
 * the demo people can sign in), then `profiles` alumni, `companies`
 * companies and `offers` offers, inserted in batches through prepared
 * statements (`seedPopulation` in `server/bench/population.ts`).
 *
 * Building 200,000 profiles takes a while, so the built file is kept in the
 * temporary directory under a name made of its parameters and of the
 * migrations it was built with; each run works on a fresh copy of it, so
 * what one run writes (sessions, pledges) never reaches the next.
 *
 * On PostgreSQL the same rows are copied from that file into a database
 * named after the same parameters (and PostgreSQL's migrations), kept too,
 * each run working on a copy (`server/bench/kept-postgres.ts`).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedPopulation, type Scale } from '../../server/bench/population.ts';
import { keptPostgres, postgresWorkingCopy } from '../../server/bench/kept-postgres.ts';

export type { Scale };

/** Raise when the generated data changes, so that cached files are rebuilt. */
const DATA_VERSION = 2;
const journal = fileURLToPath(new URL('../../server/drizzle/meta/_journal.json', import.meta.url));
const postgresJournal = fileURLToPath(new URL('../../server/drizzle-pg/meta/_journal.json', import.meta.url));

/** The cached file for `scale`, built first when missing. */
export async function scaleDatabase(scale: Scale, log: (line: string) => void = console.log): Promise<string> {
  const schema = createHash('sha256').update(readFileSync(journal)).update(String(DATA_VERSION)).digest('hex').slice(0, 10);
  const file = join(tmpdir(), `passerelle-bench-p${scale.profiles}-c${scale.companies}-o${scale.offers}-${schema}.db`);
  if (existsSync(file)) {
    log(`database: ${file} (cached)`);
    return file;
  }
  const started = performance.now();
  // Built under another name and renamed at the end, so an interrupted build is never taken for a cached one.
  const building = `${file}.${process.pid}.building`;
  await seedPopulation(building, scale);
  renameSync(building, file);
  log(`database: ${file} (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return file;
}

/** The URL of the kept PostgreSQL database holding the rows of `file`, the cached SQLite file for `scale`: copied first when missing or different. */
export async function scalePostgres(scale: Scale, file: string, log: (line: string) => void = console.log): Promise<string> {
  const schema = createHash('sha256').update(readFileSync(journal)).update(readFileSync(postgresJournal)).update(String(DATA_VERSION)).digest('hex').slice(0, 10);
  return keptPostgres(file, `passerelle_bench_p${scale.profiles}_c${scale.companies}_o${scale.offers}_${schema}`, log);
}

export { postgresWorkingCopy };

/** A private copy of the cached database for one run; `remove()` deletes it. */
export function workingCopy(file: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-run-'));
  const copy = join(dir, 'bench.db');
  copyFileSync(file, copy);
  return { file: copy, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

