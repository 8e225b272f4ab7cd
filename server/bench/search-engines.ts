/**
 * Search on both engines over the same rows: the directory, the company
 * typeahead and the offer board's keywords, each asked of a populated SQLite
 * file and of its copy on PostgreSQL through the same functions the routes
 * call. Prints, per kind of search, whether both engines found the same
 * (same ids in the same order), and p50/p95 in the process on each; with
 * `--explain`, the plan PostgreSQL chose for each statement of one run
 * (which indexes it used).
 *
 *   pnpm --filter @passerelle/server exec tsx bench/search-engines.ts --postgres postgres://postgres@127.0.0.1:5432/postgres \
 *     [--profiles 200000] [--companies 100000] [--offers 50000] [--requests 50] [--db path] [--keep] [--explain]
 *
 * Seeds the file (bench/population.ts) and copies it into a new database of
 * that server (bench/postgres.ts); `--db path` reuses a seeded file, `--keep`
 * keeps the PostgreSQL copy (its URL is printed) and `--copy url` reuses one.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { OfferListQuerySchema, ProfileListQuerySchema, type Actor } from '@passerelle/schema';
import { connectDatabase, type Db } from '../src/db/open.ts';
import { people } from '../src/db/tables/index.ts';
import { postgresEngineOf } from '../src/db/postgres/open.ts';
import { toPostgres } from '../src/db/postgres/statements.ts';
import { loadActor } from '../src/auth/session.ts';
import { searchDirectory } from '../src/profiles/directory.ts';
import { searchCompanies } from '../src/companies/search.ts';
import { listOfferRows } from '../src/offers/queries/list.ts';
import { offerSearchWords } from '../src/offers/search.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { measure, ms, table, tempDatabase } from './harness.ts';
import { familyRoots, given, seedPopulation } from './population.ts';
import { copyToNewPostgres } from './postgres.ts';

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'string' },
    copy: { type: 'string' },
    profiles: { type: 'string', default: '200000' },
    companies: { type: 'string', default: '100000' },
    offers: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '50' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
if (!args.postgres && !args.copy) throw new Error('--postgres <admin url> (or --copy <database url>) is required');
const REQUESTS = Number(args.requests);

type Search = (db: Db, who: Record<string, Actor>) => Promise<unknown[]>;

/** Each kind of search, as the routes call it; the answer as the ids (and order) that were found. */
function searches(tenantId: string): [string, Search][] {
  const directory = (who: string, query: Record<string, string>) => async (db: Db, actors: Record<string, Actor>) =>
    (await searchDirectory(db, actors[who]!, v.parse(ProfileListQuerySchema, { limit: '20', ...query }))).rows.map((r) => r.personId);
  const companies = (q: string, status: 'active' | 'pending' = 'active') => async (db: Db) => (await searchCompanies(db, tenantId, q, status, 10)).map((c) => c.id);
  const offers = (query: Record<string, string>) => async (db: Db) => {
    const q = v.parse(OfferListQuerySchema, { limit: '20', ...query });
    const rows = await listOfferRows(db, tenantId, { list: 'published' }, { ...q, match: offerSearchWords(q) }, { today: new Date().toISOString().slice(0, 10), after: undefined, limit: 21 });
    return rows.map((r) => r.id);
  };
  const name = `${given[3]} ${familyRoots[5]}`;
  return [
    ['directory: list (student)', directory('student-ines', {})],
    ['directory: q=ma (student)', directory('student-ines', { q: 'ma' })],
    ['directory: q=m (student)', directory('student-ines', { q: 'm' })],
    [`directory: q=${name} (student)`, directory('student-ines', { q: name })],
    ['directory: q=du (company rep)', directory('rep-acme', { q: 'du' })],
    ['directory: employer=Acme Rob (student)', directory('student-ines', { employer: 'Acme Rob' })],
    ['directory: graduationYear=2001 (student)', directory('student-ines', { graduationYear: '2001' })],
    ['directory: q=le&graduationYear=2010 (staff)', directory('staff-mgmt', { q: 'le', graduationYear: '2010' })],
    ['directory: q=b (staff)', directory('staff-mgmt', { q: 'b' })],
    ['directory: list (staff)', directory('staff-mgmt', {})],
    ['directory: q=ro (admin)', directory('admin-demo', { q: 'ro' })],
    ['typeahead: "ecole lyon"', companies('ecole lyon')],
    ['typeahead: "École"', companies('École')],
    ['typeahead: "ec"', companies('ec')],
    ['typeahead: "s"', companies('s')],
    ['typeahead: "ecole gen mart"', companies('ecole gen mart')],
    ['typeahead: SIREN "0000 4"', companies('0000 4')],
    ['typeahead: SIRET prefix "000123"', companies('000123')],
    ['typeahead: "zzqx"', companies('zzqx')],
    ['typeahead: pending "ec"', companies('ec', 'pending')],
    ['offers: no search', offers({})],
    ['offers: q=stage', offers({ q: 'stage' })],
    ['offers: q=robotique', offers({ q: 'robotique' })],
    ['offers: q=ro', offers({ q: 'ro' })],
    ['offers: q=data engineering', offers({ q: 'data engineering' })],
    ['offers: q=12345', offers({ q: '12345' })],
    ['offers: place=lyon', offers({ place: 'lyon' })],
    ['offers: q=robotique&place=lyon&kind&remote', offers({ q: 'robotique', place: 'lyon', kind: 'internship', remote: 'hybrid' })],
    ['offers: q=zzqx', offers({ q: 'zzqx' })],
  ];
}

/** The demo readers, as the sessions' actors. */
async function actorsOf(db: Db, tenantId: string): Promise<Record<string, Actor>> {
  const actors: Record<string, Actor> = {};
  for (const sub of ['student-ines', 'rep-acme', 'staff-mgmt', 'admin-demo']) {
    const person = (await db.select({ id: people.id }).from(people).where(eq(people.hostSubject, sub)).get())!;
    actors[sub] = await loadActor(db, tenantId, person.id);
  }
  return actors;
}

/** Runs `work` with every statement PostgreSQL receives recorded; then EXPLAIN ANALYZE of each. */
async function explain(db: Db, work: () => Promise<unknown>): Promise<string[]> {
  const pool = postgresEngineOf(db)!.pool;
  const seen: pg.QueryArrayConfig[] = [];
  const original = pool.query.bind(pool) as (config: pg.QueryArrayConfig) => Promise<pg.QueryArrayResult>;
  (pool as unknown as { query: typeof original }).query = (config) => {
    seen.push(config);
    return original(config);
  };
  try {
    await work();
  } finally {
    (pool as unknown as { query: typeof original }).query = original;
  }
  const plans: string[] = [];
  for (const statement of seen) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, COSTS OFF) ${toPostgres(statement.text)}`, values: statement.values as unknown[] });
    plans.push(rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
  }
  return plans;
}

async function main() {
  const { file, remove } = args.db ? { file: resolve(args.db), remove: () => {} } : tempDatabase('search-engines');
  if (!args.db || !existsSync(file)) await seedPopulation(file, { profiles: Number(args.profiles), companies: Number(args.companies), offers: Number(args.offers) });
  const copy = args.copy ? { url: args.copy, drop: async () => {} } : await copyToNewPostgres(file, args.postgres!, 'search');
  const sqlite = connectDatabase(file);
  const postgres = connectDatabase(copy.url);
  try {
    const tenantId = (await seedDemo(sqlite.db, {}, new Date())).demo.tenantId;
    const engines = [
      ['SQLite', sqlite.db, await actorsOf(sqlite.db, tenantId)],
      ['PostgreSQL', postgres.db, await actorsOf(postgres.db, tenantId)],
    ] as const;
    console.log(`\n${REQUESTS} sequential calls per search, in the process (no HTTP):\n`);
    const row = table([['search', 48], ['same', 5], ['found', 6], ['SQLite p50', 11], ['p95', 7], ['PG p50', 8], ['p95', 7]]);
    const plans: [string, string[]][] = [];
    let differ = 0;
    for (const [name, search] of searches(tenantId)) {
      const timings: string[] = [];
      const answers: string[] = [];
      for (const [, db, actors] of engines) {
        const { p50, p95, results } = await measure(REQUESTS, 5, async () => {
          const t0 = performance.now();
          const found = await search(db, actors);
          return { ms: performance.now() - t0, found: JSON.stringify(found) };
        });
        timings.push(ms(p50), ms(p95));
        answers.push(results[0]!.found);
      }
      const same = answers[0] === answers[1];
      if (!same) differ++;
      row(name, same ? 'yes' : 'NO', (JSON.parse(answers[0]!) as unknown[]).length, ...timings);
      if (args.explain) plans.push([name, await explain(postgres.db, () => search(postgres.db, engines[1][2]))]);
    }
    for (const [name, list] of plans) console.log(`\n${name}:\n${list.join('\n  --\n')}`);
    console.log(`\n${differ === 0 ? 'Both engines found the same for every search.' : `${differ} searches found differently.`}`);
    if (args.keep || args.copy) console.log(`PostgreSQL copy kept: ${copy.url}`);
    else await copy.drop();
  } finally {
    await sqlite.close();
    await postgres.close();
    remove();
  }
}

await main();
