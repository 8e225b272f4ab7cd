/**
 * The offer board (`GET /v1/offers?q=…&place=…` and filters) over 50,000
 * offers (60 % published), their companies and targets.
 *
 * Seeds a temporary SQLite file through the real migrations (so the FTS5
 * index `offer_search` is filled by its triggers, as in production), starts
 * the real server (`src/index.ts`) on a random port, signs in through the
 * host-token exchange and measures p50/p95 over HTTP per kind of search.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/offers.ts [--offers 50000] [--requests 200]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { measure, ms, openForSeeding, printReproduce, table, tempDatabase, withServer } from './harness.ts';
import { insertCompanies, insertOffers } from './population.ts';

const { values: args } = parseArgs({ options: { offers: { type: 'string', default: '50000' }, requests: { type: 'string', default: '200' } } });
const TOTAL = Number(args.offers);
const REQUESTS = Number(args.requests);

async function main() {
  const { file, remove } = tempDatabase('offers');
  const started = performance.now();
  const { db, close, ids } = await openForSeeding(file);
  insertCompanies(db, ids, 5_000);
  await insertOffers(db, ids, TOTAL);
  db.run(sql`INSERT INTO offer_search(offer_search) VALUES ('optimize')`);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  close();
  console.log(`seeded ${TOTAL} offers in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);

  try {
    await withServer(file, async ({ signIn, call }) => {
      const student = await signIn('student-ines');
      const get = async (path: string) => {
        const r = await call(student, 'GET', path);
        return { ms: r.ms, items: ((JSON.parse(r.text) as { items?: unknown[] }).items ?? []).length };
      };
      const list = (query: string) => `/v1/offers?limit=20${query}`;
      const shapes: [string, (i: number) => string][] = [
        ['no search (published, newest first)', () => list('')],
        ['common word: "stage" (every title)', () => list('&q=stage')],
        ['subject word: "robotique" / "audit"…', (i) => list(`&q=${['robotique', 'audit', 'cybersecurite', 'marketing'][i % 4]}`)],
        ['2-letter prefix: "ro" / "au"…', (i) => list(`&q=${['ro', 'au', 'cy', 'ma'][i % 4]}`)],
        ['two words: "data engineering"', () => list('&q=data%20engineering')],
        ['rare: a title number "12345"', (i) => list(`&q=${12_345 + (i % 50) * 7}`)],
        ['company word: "atelier"', () => list('&q=atelier')],
        ['place: "lyon"', () => list('&place=lyon')],
        ['q + place + kind + remote', () => list('&q=robotique&place=lyon&kind=internship&remote=hybrid')],
        ['no match: "zzqx"', () => list('&q=zzqx')],
      ];
      console.log(`\n${REQUESTS} sequential requests per shape over HTTP, ${TOTAL} offers, limit=20:\n`);
      const row = table([['shape', 40], ['p50 ms', 8], ['p95 ms', 8], ['items', 6]]);
      for (const [name, make] of shapes) {
        const { p50, p95, results } = await measure(REQUESTS, 10, (i) => get(make(i)));
        row(name, ms(p50), ms(p95), (results.reduce((n, r) => n + r.items, 0) / REQUESTS).toFixed(1));
      }
    });
  } finally {
    remove();
  }
  printReproduce('offers', { offers: TOTAL, requests: REQUESTS });
}

await main();
