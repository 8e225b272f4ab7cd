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
  /** Where the server (the first instance) writes a V8 CPU profile of the whole run when it stops. */
  profileDir?: string;
}

export interface Figures {
  name: string;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failed: number;
  /** What `failed` counts, by status (`3 × 412`), errors and timeouts; empty when nothing failed. */
  failures: string;
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
  /** The bare read (GET /baseline), first and last: the reads' yardstick. */
  baseline: Figures[];
  /** The bare write (POST /baseline: one INSERT in its own transaction), first and last: the writes' yardstick. */
  writeBaseline: Figures[];
  /** `ratio`: req/s over the mean of the reads' or the writes' baseline. */
  endpoints: (Figures & { ratio: number; write: boolean })[];
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

/** The endpoints under load, each as the requests autocannon cycles through; `write` ones are compared with the bare write. */
function endpoints(tokens: { student: string; donor: string }, editors: Editors, acknowledged: string[]): { name: string; write?: boolean; requests: Request[]; before?: () => Promise<void> }[] {
  // The components call the API from the institution's pages: every request carries their Origin, as a browser's would.
  const get = (token: string, path: string): Request => ({ method: 'GET', path, headers: { authorization: `Bearer ${token}`, origin: DEMO_ORIGIN } });
  return [
    { name: 'GET /v1/profiles/me', requests: [get(tokens.student, '/v1/profiles/me')] },
    { name: 'directory search ?q=<prefix>', requests: prefixes.map((p) => get(tokens.student, `/v1/profiles?q=${p}`)) },
    { name: 'offer listing (published)', requests: [get(tokens.student, '/v1/offers?limit=20')] },
    { name: 'company typeahead ?q=', requests: typeahead.map((q) => get(tokens.student, `/v1/companies?q=${encodeURIComponent(q)}&limit=10`)) },
    {
      name: 'POST /v1/pledges (donation)',
      write: true,
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
    {
      name: 'PATCH /v1/profiles/:id (own)',
      write: true,
      before: () => editors.refresh(),
      requests: [
        {
          method: 'PATCH',
          path: '/v1/profiles/me',
          headers: { origin: DEMO_ORIGIN, 'content-type': 'application/json' },
          setupRequest: (req) => {
            const editor = editors.take();
            editor.edits++;
            return {
              ...req,
              path: `/v1/profiles/${editor.id}`,
              headers: { ...req.headers, authorization: `Bearer ${editor.token}`, 'if-match': editor.etag },
              body: JSON.stringify({ jobTitle: `Ingénieure ${editor.edits}`, workCity: editor.edits % 2 ? 'Lyon' : 'Grenoble' }),
            };
          },
          onResponse: (status, body, _context, headers) => editors.give(status, body, headers?.etag),
        },
      ],
    },
  ];
}

/** One's own profile's id and ETag, read as its editor reads it. */
async function ownProfile(base: string, token: string): Promise<{ id: string; etag: string }> {
  const res = await fetch(`${base}/v1/profiles/me`, { headers: { authorization: `Bearer ${token}`, origin: DEMO_ORIGIN } });
  if (res.status !== 200) throw new Error(`GET /v1/profiles/me: ${res.status} ${await res.text()}`);
  return { id: ((await res.json()) as { id: string }).id, etag: res.headers.get('etag')! };
}

/** A person editing their own profile: who, their session and the ETag their next change names. */
interface Editor {
  id: string;
  token: string;
  etag: string;
  edits: number;
}

/**
 * The people whose own profiles the PATCH endpoint edits, three times as
 * many as the connections: a change names the ETag the previous one
 * answered, so each person has at most one change in flight (a free one is
 * taken for each request, and given back with the new ETag when its answer
 * arrives).
 */
class Editors {
  private free: Editor[];
  /** Taken for a change whose answer has not been read. */
  private readonly out = new Set<Editor>();
  private readonly byId: Map<string, Editor>;
  private constructor(
    private readonly base: string,
    editors: Editor[],
  ) {
    this.free = [...editors];
    this.byId = new Map(editors.map((e) => [e.id, e]));
  }
  static async signIn(base: string, count: number): Promise<Editors> {
    const editors: Editor[] = [];
    for (let i = 0; i < count; i++) {
      const token = await signIn(base, `bench-editor-${i}`, { affiliation: 'alum', name: `Éditrice ${i}`, email: `editrice.${i}@alumni.demo.test` });
      editors.push({ ...(await ownProfile(base, token)), token, edits: 0 });
    }
    return new Editors(base, editors);
  }
  /**
   * Before a run: the editors free, with the ETag their profile has now. A
   * run's end cuts the changes in flight, whose answers (and new ETags) never
   * arrive, and which the server may still be committing as this reads: their
   * editors sit the next run out (a stale ETag would be a 412) and are read
   * again before the one after. Without this the next run would start with
   * those editors missing.
   */
  async refresh(): Promise<void> {
    const inFlight = new Set(this.out);
    this.out.clear();
    const ready = [...this.byId.values()].filter((editor) => !inFlight.has(editor));
    for (const editor of ready) editor.etag = (await ownProfile(this.base, editor.token)).etag;
    this.free = ready;
  }
  take(): Editor {
    // Never empty: at most one change in flight per connection, three editors per connection, at most one per connection sitting a run out.
    const editor = this.free.shift() ?? this.byId.values().next().value!;
    this.out.add(editor);
    return editor;
  }
  give(status: number, body: string, etag: string | undefined): void {
    // The answer names the profile: the changed one (200), or the current one in a 412's `current`.
    let parsed: { id?: string; current?: { id: string }; etag?: string };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return; // Not an answer of the API (a proxy's page): the editor is left out until the next run's refresh.
    }
    const editor = this.byId.get(parsed.id ?? parsed.current?.id ?? '');
    if (!editor) return;
    // An answer from before the last refresh: that editor is read again at the next one.
    if (!this.out.delete(editor)) return;
    const next = status === 200 ? etag : parsed.etag;
    if (next) editor.etag = next;
    this.free.push(editor);
  }
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
  // autocannon counts the answers by status (its types do not say so): the failures' statuses, for the report.
  const statuses = Object.entries((r as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  const failures = [...statuses.map(([code, { count }]) => `${count} × ${code}`), ...(r.errors ? [`${r.errors} errors`] : []), ...(r.timeouts ? [`${r.timeouts} timeouts`] : [])].join(', ');
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts, failures, ok: r['2xx'], cpuMs: (cpuNow() - cpu) / answers };
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
    const server = await startServer(copy.url, options.profileDir);
    running.push(server);
    const pid = server.child.pid!;
    const tokens = { student: await signIn(server.base, 'student-ines'), donor: await signIn(server.base, 'alumna-claire') };
    const editors = await Editors.signIn(server.base, options.connections * 3);
    const { seconds, warmup, connections } = options;
    const run = async (target: RunningServer | RunningServer[], name: string, requests: Request[], before?: () => Promise<void>) => {
      if (warmup > 0) {
        await before?.();
        await load(target, name, requests, warmup, connections);
      }
      await before?.();
      return load(target, name, requests, seconds, connections);
    };

    const baselineRequests: Request[] = [{ method: 'GET', path: '/baseline' }];
    const writeRequests: Request[] = [{ method: 'POST', path: '/baseline', headers: { 'content-type': 'application/json' }, body: JSON.stringify(gift) }];
    const report: LoadReport = { engine, baseline: [], writeBaseline: [], endpoints: [], fixedRate: [], twoInstances: [], rss: { idle: rssOf(pid), peak: 0 }, pledges: { acknowledged: 0, lost: 0 } };
    const acknowledged: string[] = [];
    const chosen = endpoints(tokens, editors, acknowledged).filter((e) => !options.only || e.name.includes(options.only));
    const writes = chosen.some((e) => e.write);
    report.baseline.push(await run(baseline, 'baseline (first)', baselineRequests));
    if (writes) report.writeBaseline.push(await run(baseline, 'write baseline (first)', writeRequests));
    const rss = watchRss(pid);
    const measured: Figures[] = [];
    for (const endpoint of chosen) measured.push(await run(server, endpoint.name, endpoint.requests, endpoint.before));
    if (options.rate > 0) {
      for (const endpoint of chosen.filter((e) => e.name === 'GET /v1/profiles/me' || e.name.startsWith('directory'))) {
        report.fixedRate.push(await load(server, endpoint.name, endpoint.requests, seconds, connections, options.rate));
      }
    }
    report.rss.peak = rss.stop();
    report.baseline.push(await run(baseline, 'baseline (last)', baselineRequests));
    if (writes) report.writeBaseline.push(await run(baseline, 'write baseline (last)', writeRequests));
    const mean = (figures: Figures[]) => figures.reduce((sum, b) => sum + b.rps, 0) / figures.length;
    report.endpoints = measured.map((m, i) => {
      const write = chosen[i]!.write === true;
      return { ...m, write, ratio: m.rps / mean(write ? report.writeBaseline : report.baseline) };
    });
    if (options.twoInstances && engine === 'postgres') {
      const second = await startServer(copy.url);
      running.push(second);
      for (const [i, endpoint] of chosen.entries()) {
        const two = await run([server, second], endpoint.name, endpoint.requests, endpoint.before);
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
