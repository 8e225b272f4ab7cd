/**
 * Latency at scale: p50/p95 of sequential requests (each timed until its
 * whole body is read) for the directory search, the offer listing and the
 * company typeahead, over the benchmark database (200,000 profiles, 100,000
 * companies, 50,000 offers by default; built once, see `seed.ts`).
 *
 *   pnpm --filter @passerelle/e2e exec tsx bench/scale.ts [--requests 200] [--profiles 200000] [--companies 100000] [--offers 50000]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measure, ms, table, withServer } from '../../server/bench/harness.ts';
import { scaleDatabase, workingCopy } from './seed.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    profiles: { type: 'string', default: '200000' },
    companies: { type: 'string', default: '100000' },
    offers: { type: 'string', default: '50000' },
  },
});
const flags = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof args, number>;

const started = loadavg();
const copy = workingCopy(await scaleDatabase({ profiles: flags.profiles, companies: flags.companies, offers: flags.offers }));
try {
  await withServer(copy.file, async ({ signIn, call }) => {
    const student = await signIn('student-ines');
    const prefixes = ['ma', 'du', 'le', 'be', 'ro', 'gi', 'mo', 'la', 'fr', 'pe'];
    const typeahead = ['ec', 'so', 'gr', 'école', 'banque', 'groupe num', 'ecole lyon', 'atel'];
    const shapes: [string, (i: number) => string][] = [
      ['directory search ?q=<2-letter prefix>', (i) => `/v1/profiles?q=${prefixes[i % prefixes.length]}`],
      ['directory, no filter', () => '/v1/profiles?limit=20'],
      ['offer listing (published, limit 20)', () => '/v1/offers?limit=20'],
      ['offer listing, kind=internship', () => '/v1/offers?limit=20&kind=internship'],
      ['company typeahead ?q=', (i) => `/v1/companies?q=${encodeURIComponent(typeahead[i % typeahead.length]!)}&limit=10`],
    ];
    console.log(`\n${flags.requests} sequential requests per shape, ${flags.profiles} profiles / ${flags.companies} companies / ${flags.offers} offers:\n`);
    const row = table([['shape', 40], ['p50 ms', 8], ['p95 ms', 8]]);
    for (const [name, path] of shapes) {
      const { p50, p95 } = await measure(flags.requests, 10, (i) => call(student, 'GET', path(i)));
      row(name, ms(p50), ms(p95));
    }
  });
} finally {
  copy.remove();
}
console.log(`\nReproduce: pnpm --filter @passerelle/e2e exec tsx bench/scale.ts ${Object.entries(flags).map(([k, v]) => `--${k} ${v}`).join(' ')}`);
console.log(`(machine: ${cpus().length} CPU; load average ${started.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
