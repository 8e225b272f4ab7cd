/**
 * API throughput against a bare baseline, on each engine in turn: autocannon
 * on loopback against the real server (its own process) over a seeded
 * database, and against a bare Hono route doing one primary-key SELECT on the
 * same database (`baseline-server.ts` with better-sqlite3 on SQLite,
 * `server/bench/baseline-postgres.ts` with node-postgres on PostgreSQL; its
 * own process too). Prints, per engine, req/s, p50/p99 and the ratio of each
 * endpoint to that engine's baseline; then p99 at a fixed rate; the server's
 * resident memory; and whether every acknowledged pledge was stored. On
 * PostgreSQL, then the same endpoints on two instances of the server over the
 * same database against one. `--profile <dir>`: the server runs under V8's
 * CPU profiler and writes its profile there when it stops; `bench/profile-summary.ts`
 * (server) says where the time went.
 *
 *   pnpm --filter @passerelle/e2e exec tsx bench/api.ts [--seconds 10] [--warmup 2] [--connections 10] [--rate 500]
 *                                                         [--profiles 200000] [--companies 100000] [--offers 50000]
 *                                                         [--engines sqlite,postgres] [--only <endpoint>] [--profile <dir>]
 *
 * The database is built once per size and kept in the temporary directory,
 * and copied once per size into a kept PostgreSQL database on the server
 * PASSERELLE_TEST_POSTGRES names (default postgres://postgres@127.0.0.1:5432/postgres; see `seed.ts`).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type Engine, type Figures, type LoadReport } from './load.ts';

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
    engines: { type: 'string', default: 'sqlite,postgres' },
    profile: { type: 'string', default: '' },
  },
});
const { only, engines: enginesArg, profile, ...numeric } = args;
const engines = enginesArg.split(',').map((e) => e.trim());
for (const e of engines) if (e !== 'sqlite' && e !== 'postgres') throw new Error(`--engines: sqlite, postgres or both, not ${e}`);
const flags = Object.fromEntries(Object.entries(numeric).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof numeric, number>;

const started = loadavg();
const reports: LoadReport[] = [];
for (const engine of engines as Engine[]) {
  reports.push(
    await runLoad({
      scale: { profiles: flags.profiles, companies: flags.companies, offers: flags.offers },
      seconds: flags.seconds,
      warmup: flags.warmup,
      connections: flags.connections,
      rate: flags.rate,
      only,
      engine,
      twoInstances: true,
      ...(profile ? { profileDir: profile } : {}),
    }),
  );
}

const n = (value: number, digits = 1) => value.toFixed(digits);
const row = (cells: (string | number)[], widths: number[]) => console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]!) : String(c).padStart(widths[i]!))).join(' '));
const widths = [32, 9, 8, 8, 12, 11, 7];
const line = (f: Figures, ratio: string) => row([f.name, n(f.rps, 0), n(f.p50), n(f.p99), ratio, n(f.cpuMs, 2), f.failed], widths);
const title = { sqlite: 'SQLite (embedded file)', postgres: 'PostgreSQL' } as const;
for (const report of reports) {
  console.log(`\n== ${title[report.engine]}: ${flags.seconds} s per endpoint after ${flags.warmup} s of warm-up, ${flags.connections} connections, ${flags.profiles} profiles / ${flags.companies} companies / ${flags.offers} offers:\n`);
  row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'CPU ms/req', 'failed'], widths);
  for (const b of [...report.baseline, ...report.writeBaseline]) line(b, '');
  for (const e of report.endpoints) line(e, `${n(e.ratio * 100, 0)} %${e.write ? ' (w)' : ''}`);
  if (report.fixedRate.length) {
    console.log(`\nAt a fixed ${flags.rate} req/s (${flags.connections} connections, ${flags.seconds} s):\n`);
    row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', '', 'CPU ms/req', 'failed'], widths);
    for (const f of report.fixedRate) line(f, '');
  }
  if (report.twoInstances.length) {
    console.log(`\nTwo instances of the server on the same database, the ${flags.connections} connections shared between them in turn (CPU: both processes):\n`);
    row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'vs one', 'CPU ms/req', 'failed'], widths);
    for (const f of report.twoInstances) line(f, `${n(f.ratio * 100, 0)} %`);
    console.log(`(${cpus().length} CPU here, shared by both instances, PostgreSQL and autocannon: this shows the shape, not the ceiling; instances on machines of their own would add their cores.)`);
  }
  if (report.writeBaseline.length) console.log('(w): against the write baseline, one INSERT in its own transaction with the same durability; the others against the read baseline.');
  console.log(`\nServer RSS: ${n(report.rss.idle, 0)} MiB after boot and sign-in, ${n(report.rss.peak, 0)} MiB peak under load.`);
  const { acknowledged, lost } = report.pledges;
  console.log(`Pledges acknowledged (201): ${acknowledged}; missing from the database after the server${report.twoInstances.length ? 's' : ''} stopped: ${lost}.`);
}
const reproduce = Object.entries({ ...flags, ...(only ? { only: `'${only}'` } : {}), engines: enginesArg }).map(([k, v]) => `--${k} ${v}`);
console.log(`\nReproduce: pnpm --filter @passerelle/e2e exec tsx bench/api.ts ${reproduce.join(' ')}`);
console.log(`(machine: ${cpus().length} CPU; load average ${started.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
for (const report of reports) for (const f of [...report.endpoints, ...report.fixedRate, ...report.twoInstances]) if (f.failures) console.log(`${report.engine}, ${f.name}: failed ${f.failures}`);
if (reports.some((r) => r.pledges.lost !== 0 || [...r.endpoints, ...r.twoInstances].some((e) => e.failed > 0))) process.exitCode = 1;
