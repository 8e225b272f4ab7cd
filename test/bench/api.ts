/**
 * API throughput against a bare baseline: autocannon on loopback against the
 * real server (its own process) over a seeded database, and against a bare
 * Hono route doing one better-sqlite3 primary-key SELECT on the same file
 * (`baseline-server.ts`, its own process too). Prints req/s, p50/p99 and the
 * ratio of each endpoint to the baseline; then p99 at a fixed rate; the
 * server's resident memory; and whether every acknowledged pledge was stored.
 *
 *   pnpm --filter @passerelle/e2e exec tsx bench/api.ts [--seconds 10] [--warmup 2] [--connections 10] [--rate 500]
 *                                                         [--profiles 200000] [--companies 100000] [--offers 50000]
 *
 * The database is built once per size and kept in the temporary directory (see `seed.ts`).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type Figures } from './load.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    profiles: { type: 'string', default: '200000' },
    companies: { type: 'string', default: '100000' },
    offers: { type: 'string', default: '50000' },
    only: { type: 'string', default: '' },
  },
});
const { only, ...numeric } = args;
const flags = Object.fromEntries(Object.entries(numeric).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof numeric, number>;

const started = loadavg();
const report = await runLoad({
  scale: { profiles: flags.profiles, companies: flags.companies, offers: flags.offers },
  seconds: flags.seconds,
  warmup: flags.warmup,
  connections: flags.connections,
  rate: flags.rate,
  only,
});

const n = (value: number, digits = 1) => value.toFixed(digits);
const row = (cells: (string | number)[], widths: number[]) => console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]!) : String(c).padStart(widths[i]!))).join(' '));
const widths = [32, 9, 8, 8, 12, 11, 7];
console.log(`\n${flags.seconds} s per endpoint after ${flags.warmup} s of warm-up, ${flags.connections} connections, ${flags.profiles} profiles / ${flags.companies} companies / ${flags.offers} offers:\n`);
row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'CPU ms/req', 'failed'], widths);
const line = (f: Figures, ratio: string) => row([f.name, n(f.rps, 0), n(f.p50), n(f.p99), ratio, n(f.cpuMs, 2), f.failed], widths);
for (const b of report.baseline) line(b, '');
for (const e of report.endpoints) line(e, `${n(e.ratio * 100, 0)} %`);
if (report.fixedRate.length) {
  console.log(`\nAt a fixed ${flags.rate} req/s (${flags.connections} connections, ${flags.seconds} s):\n`);
  row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', '', 'CPU ms/req', 'failed'], widths);
  for (const f of report.fixedRate) line(f, '');
}
console.log(`\nServer RSS: ${n(report.rss.idle, 0)} MiB after boot and sign-in, ${n(report.rss.peak, 0)} MiB peak under load.`);
const { acknowledged, lost } = report.pledges;
console.log(`Pledges acknowledged (201): ${acknowledged}; missing from the database after the server stopped: ${lost}.`);
const reproduce = Object.entries({ ...flags, ...(only ? { only: `'${only}'` } : {}) }).map(([k, v]) => `--${k} ${v}`);
console.log(`\nReproduce: pnpm --filter @passerelle/e2e exec tsx bench/api.ts ${reproduce.join(' ')}`);
console.log(`(machine: ${cpus().length} CPU; load average ${started.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
if (lost !== 0 || report.endpoints.some((e) => e.failed > 0)) process.exitCode = 1;
