/**
 * The CRM import at scale: a 100,000-line people file as Excel writes it in
 * France (Windows-1252, `;`, French headers and a mapping file), imported by
 * the real CLI in a child process over a temporary SQLite file with the demo
 * seed; then the same file again (every line matched by external id:
 * unchanged), then a copy where every other line has a new employer (updated).
 *
 *   pnpm --filter @passerelle/server exec tsx bench/import.ts [--rows 100000]
 *
 * Prints the time and lines/s of each run (the CLI's own summary is shown
 * too) and the command that reproduces them.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cp1252High } from '../src/csv/parse.ts';
import { openForSeeding, printReproduce, table, tempDatabase } from './harness.ts';
import { employers, familyRoots, given } from './population.ts';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(args.rows);
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Text as Windows-1252 bytes (what Excel's "CSV (séparateur : point-virgule)" writes). */
function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = cp1252High.indexOf(text[i]!);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else if (high >= 0) bytes[i] = 0x80 + high;
    else throw new Error(`not in Windows-1252: ${text[i]}`);
  }
  return bytes;
}

const mapping = {
  Matricule: 'externalId',
  Nom: 'familyName',
  Prénom: 'givenName',
  'Adresse électronique': 'email',
  Promotion: 'graduationYear',
  Diplôme: 'programme',
  École: 'entity',
  Statut: 'role',
  Employeur: 'employer',
  Fonction: 'jobTitle',
  'Ville (travail)': 'workCity',
  Pays: 'workCountry',
};

/**
 * mulberry32: deterministic like the harness's generator, but with 32-bit
 * integer steps, so 100,000 names do not fall into a short cycle.
 */
function generator(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { random, pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T };
}

/** The people file; `variant` changes every other employer (for the update run). */
function peopleFile(rows: number, variant: boolean): Buffer {
  const { random, pick } = generator(7);
  const suffixes = ['', '', '', 'eau', 'in', 'et', 'ier', 'on', 'ot', 'aud'];
  const schools = ["École d'ingénieurs", 'École de management'];
  const programmes = ["Diplôme d'ingénieur", 'Master Management', 'Mastère spécialisé Œnologie', 'Bachelor « Commerce »'];
  const titles = ['Chargée d’études', 'Ingénieur', 'Chef de projet', 'Directrice financière', 'Consultant'];
  const cities = ['Lyon', 'Besançon', 'Orléans', 'Nîmes', 'Saint-Étienne', 'Paris'];
  const lines = [`${Object.keys(mapping).join(';')}\r\n`];
  for (let i = 0; i < rows; i++) {
    const g = pick(given);
    const f = `${pick(familyRoots)}${pick(suffixes)}${random() < 0.3 ? `-${pick(familyRoots)}` : ''}`;
    const year = 1980 + Math.floor(random() * 46);
    const employer = variant && i % 2 === 0 ? `${pick(employers)} (nouveau)` : pick(employers);
    const email = `${g}.${f}.${i}@alumni.example.org`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const cells = [`CRM-${String(i).padStart(6, '0')}`, f, g, email, year, pick(programmes), pick(schools), year > 2025 ? 'student' : 'alumnus', `"${employer}"`, pick(titles), pick(cities), 'FR'];
    lines.push(`${cells.join(';')}\r\n`);
  }
  return windows1252(lines.join(''));
}

async function main() {
  const { file: database, remove } = tempDatabase('import');
  const dir = dirname(database);
  try {
    const seeding = await openForSeeding(database);
    seeding.close();
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping, null, 2));
    writeFileSync(join(dir, 'base.csv'), peopleFile(ROWS, false));
    writeFileSync(join(dir, 'base-changed.csv'), peopleFile(ROWS, true));
    console.log(`${ROWS} lines, Windows-1252, ";" — ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}\n`);

    const row = table([
      ['run', 34],
      ['seconds', 9],
      ['lines/s', 9],
    ]);
    const summaries: string[] = [];
    for (const [label, csv] of [
      ['first import (creates)', 'base.csv'],
      ['same file again (unchanged)', 'base.csv'],
      ['every other employer (updates)', 'base-changed.csv'],
    ] as const) {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'people', csv, '--tenant', 'demo', '--mapping', 'mapping.json'], {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: database, INIT_CWD: dir },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`);
      row(label, seconds.toFixed(1), Math.round(ROWS / seconds));
      summaries.push(`${label}:\n${run.stdout.trim()}`);
    }
    console.log('\n(wall time of the whole CLI process: start, migrations check, read, import, report)\n');
    console.log(summaries.join('\n\n'));
    printReproduce('import', { rows: ROWS });
  } finally {
    remove();
  }
}

await main();
