/**
 * Company typeahead (`GET /v1/companies?q=`) over 100,000 companies.
 *
 * Seeds a temporary SQLite file through the real migrations (so the FTS5
 * index is filled by its triggers, as in production), starts the real server
 * (`src/index.ts`) on a random port, signs in through the host-token exchange
 * and measures p50/p95 over HTTP for several kinds of prefix.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/companies.ts [--companies 100000] [--requests 200] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * With `--postgres`, the same file is also copied into a new database of
 * that server (bench/postgres.ts) and the same requests are measured there.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { measure, ms, openForSeeding, printReproduce, table, tempDatabase, withServer } from './harness.ts';
import { insertCompanies } from './population.ts';
import { copyToNewPostgres } from './postgres.ts';

const { values: args } = parseArgs({ options: { companies: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' }, postgres: { type: 'string' } } });
const TOTAL = Number(args.companies);
const REQUESTS = Number(args.requests);

async function main() {
  const { file, remove } = tempDatabase('companies');
  const started = performance.now();
  const { db, close, ids } = await openForSeeding(file);
  const sampleSirets = insertCompanies(db, ids, TOTAL);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  close();
  console.log(`seeded ${TOTAL} companies in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);

  const postgres = args.postgres ? await copyToNewPostgres(file, args.postgres, 'companies') : undefined;
  try {
    await measureOn(file, 'SQLite', sampleSirets);
    if (postgres) await measureOn(postgres.url, 'PostgreSQL', sampleSirets);
  } finally {
    remove();
    await postgres?.drop();
  }
  printReproduce('companies', { companies: TOTAL, requests: REQUESTS, ...(args.postgres ? { postgres: args.postgres } : {}) });
}

/** The requests, on the server over `database` (a file or a PostgreSQL URL). */
async function measureOn(database: string, engine: string, sampleSirets: readonly string[]) {
  await withServer(database, async ({ signIn, call }) => {
    const student = await signIn('student-ines');
    const staff = await signIn('staff-eng');
    const get = async (token: string, path: string) => {
      const r = await call(token, 'GET', path);
      return { ms: r.ms, items: ((JSON.parse(r.text) as { items?: unknown[] }).items ?? []).length };
    };
    const q = (s: string) => `/v1/companies?q=${encodeURIComponent(s)}&limit=10`;
    const shapes: [string, (i: number) => [string, string]][] = [
      ['1 letter: "é" / "s" / "g"…', (i) => [student, q(['é', 's', 'g', 'a', 'l', 'c'][i % 6]!)]],
      ['2 letters: "ec", "so", "gr"…', (i) => [student, q(['ec', 'so', 'gr', 'at', 'la', 'ba'][i % 6]!)]],
      ['word: "École" / "ecole" / "ÉCOLE"', (i) => [student, q(['École', 'ecole', 'ÉCOLE'][i % 3]!)]],
      ['two words: "ecole lyon", "soc gen"…', (i) => [student, q(['ecole lyon', 'soc gen', 'groupe numer', 'banque ocea'][i % 4]!)]],
      ['three words, narrow: "ecole gen mart"', (i) => [student, q(['ecole gen mart', 'atelier robo legare', 'institut sante noel'][i % 3]!)]],
      ['SIREN prefix (4 digits)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!.slice(0, 4))]],
      ['SIREN (9 digits, spaced)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!.slice(0, 9).replace(/(\d{3})(?=\d)/g, '$1 '))]],
      ['SIRET (14 digits)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!)]],
      ['no match: "zzqx"', () => [student, q('zzqx')]],
      ['staff, status=pending, "ec"', () => [staff, `${q('ec')}&status=pending`]],
    ];
    console.log(`\n${engine}: ${REQUESTS} sequential requests per shape over HTTP, ${TOTAL} companies, limit=10:\n`);
    const row = table([['shape', 40], ['p50 ms', 8], ['p95 ms', 8], ['items', 6]]);
    for (const [name, make] of shapes) {
      const { p50, p95, results } = await measure(REQUESTS, 10, (i) => get(...make(i)));
      row(name, ms(p50), ms(p95), (results.reduce((n, r) => n + r.items, 0) / REQUESTS).toFixed(1));
    }
  });
}

await main();
