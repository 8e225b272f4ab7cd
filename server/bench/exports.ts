/**
 * The people export over 200,000 alumni, streamed as CSV over HTTP: rows,
 * bytes, time, rows/s, and how much the server's resident memory grows
 * while it streams (sampled every 20 ms from /proc/<pid>/status). The point
 * is that the growth does not depend on the number of rows.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/exports.ts [--people 200000] [--db path]
 *
 * `--db path` keeps the seeded file for another run (seeding is skipped when it exists).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openForSeeding, printReproduce, tempDatabase, withServer } from './harness.ts';
import { insertProfiles } from './population.ts';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '200000' }, db: { type: 'string' } } });
const TOTAL = Number(args.people);

/** The server: the child of this process running `src/index.ts`. */
function serverPid(): number {
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    for (const pid of readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/index.ts')) return Number(pid);
    }
  }
  throw new Error('server process not found');
}
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

async function main() {
  const { file, remove } = args.db ? { file: resolve(args.db), remove: () => {} } : tempDatabase('exports');
  if (!args.db || !existsSync(file)) {
    const started = performance.now();
    const { db, close, ids } = await openForSeeding(file);
    db.run(sql`PRAGMA cache_size = -262144`);
    insertProfiles(db, ids, TOTAL);
    db.run(sql`ANALYZE`);
    close();
    console.log(`seeded ${TOTAL} alumni with profiles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  try {
    await withServer(file, async ({ signIn, call }) => {
      const pid = serverPid();
      const admin = await signIn('admin-demo');
      // Warm-up: the same code paths over a few rows, so the baseline includes them.
      await call(admin, 'GET', '/v1/exports/people?graduationYear=1990');
      const before = rssMiB(pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
      const reply = await call(admin, 'GET', '/v1/exports/people');
      clearInterval(sampler);
      peak = Math.max(peak, rssMiB(pid));
      const rows = reply.text.split('\r\n').length - 2; // header, and the empty string after the last CRLF
      console.log(`\nGET /v1/exports/people (CSV, administrator) over HTTP, ${TOTAL} alumni in the database:\n`);
      console.log(`rows            ${rows}`);
      console.log(`bytes           ${reply.bytes} (${(reply.bytes / 1024 / 1024).toFixed(1)} MiB)`);
      console.log(`time            ${(reply.ms / 1000).toFixed(2)} s`);
      console.log(`rows/s          ${Math.round(rows / (reply.ms / 1000))}`);
      console.log(`server RSS      ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak: +${(peak - before).toFixed(0)} MiB while streaming`);
    });
  } finally {
    remove();
  }
  printReproduce('exports', { people: TOTAL });
  console.log(`(machine: ${cpus().length} CPU, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

await main();
