/**
 * The API load benchmark as a function, for `api.ts` (the command) and
 * `smoke.test.ts` (the same code on a tiny database in the default test
 * run), on either engine. The real server and the baseline each run in their
 * own process; autocannon, in this one, drives them over loopback. On
 * PostgreSQL the same endpoints can then be run on two instances of the
 * server over the same database, autocannon's connections shared between
 * them (what a load balancer does, round-robin per connection).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_ORIGIN } from '../../server/src/seed/demo.ts';
import { connectDatabase } from '../../server/src/db/open.ts';
import { pledges } from '../../server/src/db/tables/index.ts';
import { signIn, startProcess, startServer, type RunningServer } from '../../server/bench/harness.ts';
import { postgresWorkingCopy, scaleDatabase, scalePostgres, workingCopy, type Scale } from './seed.ts';

const testDir = fileURLToPath(new URL('..', import.meta.url));
const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

export type Engine = 'sqlite' | 'postgres';

export interface LoadOptions {
  scale: Scale;
  /** Seconds of measured load per endpoint. */
  seconds: number;
  /** Seconds of unmeasured load per endpoint before it. */
  warmup: number;
  connections: number;
  /** The fixed rate (req/s) at which the latency targets are checked; 0 skips that part. */
  rate: number;
  /** Only the endpoints whose name contains this text (all when empty). */
  only?: string;
  /** The database engine (SQLite when not said). */
  engine?: Engine;
  /** Then the same endpoints on two instances of the server over the same database (PostgreSQL only). */
  twoInstances?: boolean;
}

export interface Figures {
  name: string;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failed: number;
  /** The 2xx answers: for a write, the writes acknowledged. */
  ok: number;
  /**
   * CPU time the serving process spent per answer, ms: steadier than req/s
   * on a machine shared with other work, as it does not count waiting.
   */
  cpuMs: number;
}

export interface LoadReport {
  engine: Engine;
  baseline: Figures[];
  endpoints: (Figures & { ratio: number })[];
  fixedRate: Figures[];
  /** The endpoints on two instances; `ratio` is to the same endpoint on one. */
  twoInstances: (Figures & { ratio: number })[];
  /** Resident memory of the server process, MiB: after boot and sign-in, and the peak under load. */
  rss: { idle: number; peak: number };
  /** Pledges the server answered 201 to, and how many of those are missing from the database once it has stopped. */
  pledges: { acknowledged: number; lost: number };
}

type Request = autocannon.Request;

const prefixes = ['ma', 'du', 'le', 'be', 'ro', 'gi', 'mo', 'la', 'fr', 'pe'];
const typeahead = ['ec', 'so', 'gr', 'école', 'banque', 'groupe num', 'ecole lyon', 'atel'];
const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
const gift = { kind: 'donation', amountCents: 30000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false };

/** The endpoints under load, each as the requests autocannon cycles through. */
function endpoints(tokens: { student: string; donor: string }, acknowledged: string[]): { name: string; requests: Request[] }[] {
  // The components call the API from the institution's pages: every request carries their Origin, as a browser's would.
  const get = (token: string, path: string): Request => ({ method: 'GET', path, headers: { authorization: `Bearer ${token}`, origin: DEMO_ORIGIN } });
  return [
    { name: 'GET /v1/profiles/me', requests: [get(tokens.student, '/v1/profiles/me')] },
    { name: 'directory search ?q=<prefix>', requests: prefixes.map((p) => get(tokens.student, `/v1/profiles?q=${p}`)) },
    { name: 'offer listing (published)', requests: [get(tokens.student, '/v1/offers?limit=20')] },
    { name: 'company typeahead ?q=', requests: typeahead.map((q) => get(tokens.student, `/v1/companies?q=${encodeURIComponent(q)}&limit=10`)) },
    {
      name: 'POST /v1/pledges (donation)',
      requests: [
        {
          method: 'POST',
          path: '/v1/pledges',
          headers: { authorization: `Bearer ${tokens.donor}`, origin: DEMO_ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify(gift),
          // A fresh key per request: every one is a new pledge, not a replay.
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': crypto.randomUUID() } }),
          onResponse: (status, body) => {
            if (status === 201) acknowledged.push((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    },
  ];
}

/** Load on `targets`: one server, or several sharing the connections (autocannon spreads them over its URLs in turn). */
async function load(targets: RunningServer | RunningServer[], name: string, requests: Request[], seconds: number, connections: number, overallRate?: number): Promise<Figures> {
  const all = Array.isArray(targets) ? targets : [targets];
  const cpuNow = () => all.reduce((sum, t) => sum + cpuOf(t.child.pid!), 0);
  const cpu = cpuNow();
  // autocannon takes several URLs at run time (lib/url.js), which its types do not say.
  const url = (all.length === 1 ? all[0]!.base : all.map((t) => t.base)) as string;
  const r = await autocannon({ url, requests, duration: seconds, connections, overallRate });
  const answers = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts, ok: r['2xx'], cpuMs: (cpuNow() - cpu) / answers };
}

/** User and system CPU time of a process so far, ms (Linux; clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  // The command name, in parentheses, may contain spaces: count fields after it.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmRSS of a process, in MiB (Linux). */
function rssOf(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples `pid`'s resident memory every 100 ms until `stop()`, which returns the peak. */
function watchRss(pid: number): { stop: () => number } {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssOf(pid));
    },
  };
}

/** How many of `ids` have no pledge row in the database `url` names (either engine, read through drizzle). */
async function missingPledges(url: string, ids: readonly string[]): Promise<number> {
  const { db, close } = connectDatabase(url, { poolSize: 1 });
  try {
    const stored = new Set((await db.select({ id: pledges.id }).from(pledges).all()).map((row) => row.id));
    return ids.filter((id) => !stored.has(id)).length;
  } finally {
    await close();
  }
}

/** A private copy of the benchmark database for one run, on `engine`: its DATABASE_URL, and `remove()`. */
async function runDatabase(engine: Engine, scale: Scale, log: (line: string) => void): Promise<{ url: string; remove: () => unknown }> {
  const cached = await scaleDatabase(scale, log);
  if (engine === 'postgres') return postgresWorkingCopy(await scalePostgres(scale, cached, log));
  const copy = workingCopy(cached);
  return { url: copy.file, remove: copy.remove };
}

/** The bare baseline for `engine`, in its own process over the database `url`. */
function startBaseline(engine: Engine, url: string): Promise<RunningServer> {
  // node-postgres is the server's dependency: its baseline lives with it.
  return engine === 'postgres'
    ? startProcess(serverDir, 'bench/baseline-postgres.ts', { DATABASE_URL: url }, 'Baseline on')
    : startProcess(testDir, 'bench/baseline-server.ts', { DATABASE_URL: url }, 'Baseline on');
}

/**
 * Baseline first and last (the machine is shared: two samples show the
 * drift), the endpoints in between, then the fixed-rate runs.
 */
export async function runLoad(options: LoadOptions, log: (line: string) => void = console.log): Promise<LoadReport> {
  const engine = options.engine ?? 'sqlite';
  const copy = await runDatabase(engine, options.scale, log);
  const running: RunningServer[] = [];
  try {
    const baseline = await startBaseline(engine, copy.url);
    running.push(baseline);
    const server = await startServer(copy.url);
    running.push(server);
    const pid = server.child.pid!;
    const tokens = { student: await signIn(server.base, 'student-ines'), donor: await signIn(server.base, 'alumna-claire') };
    const { seconds, warmup, connections } = options;
    const run = async (target: RunningServer | RunningServer[], name: string, requests: Request[]) => {
      if (warmup > 0) await load(target, name, requests, warmup, connections);
      return load(target, name, requests, seconds, connections);
    };

    const baselineRequests: Request[] = [{ method: 'GET', path: '/baseline' }];
    const report: LoadReport = { engine, baseline: [], endpoints: [], fixedRate: [], twoInstances: [], rss: { idle: rssOf(pid), peak: 0 }, pledges: { acknowledged: 0, lost: 0 } };
    const acknowledged: string[] = [];
    report.baseline.push(await run(baseline, 'baseline (first)', baselineRequests));
    const rss = watchRss(pid);
    const measured: Figures[] = [];
    const chosen = endpoints(tokens, acknowledged).filter((e) => !options.only || e.name.includes(options.only));
    for (const endpoint of chosen) measured.push(await run(server, endpoint.name, endpoint.requests));
    if (options.rate > 0) {
      for (const endpoint of chosen.filter((e) => e.name === 'GET /v1/profiles/me' || e.name.startsWith('directory'))) {
        report.fixedRate.push(await load(server, endpoint.name, endpoint.requests, seconds, connections, options.rate));
      }
    }
    report.rss.peak = rss.stop();
    report.baseline.push(await run(baseline, 'baseline (last)', baselineRequests));
    const reference = report.baseline.reduce((sum, b) => sum + b.rps, 0) / report.baseline.length;
    report.endpoints = measured.map((m) => ({ ...m, ratio: m.rps / reference }));
    if (options.twoInstances && engine === 'postgres') {
      const second = await startServer(copy.url);
      running.push(second);
      for (const [i, endpoint] of chosen.entries()) {
        const two = await run([server, second], endpoint.name, endpoint.requests);
        report.twoInstances.push({ ...two, ratio: two.rps / measured[i]!.rps });
      }
    }
    for (const r of running.splice(0)) await stopped(r);
    report.pledges = { acknowledged: acknowledged.length, lost: await missingPledges(copy.url, acknowledged) };
    return report;
  } finally {
    for (const r of running) r.stop();
    await copy.remove();
  }
}

/** Stops a child and waits for it to exit, so the database is closed before it is read. */
function stopped(r: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    if (r.child.exitCode !== null) return resolve();
    r.child.once('exit', () => resolve());
    r.stop();
  });
}
