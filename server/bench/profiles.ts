/**
 * Directory search and `GET /v1/profiles/me` over 200,000 profiles.
 *
 * Seeds a temporary SQLite file (batched inserts, one transaction per batch),
 * starts the real server (`src/index.ts`) on a random port, signs in through
 * the host-token exchange and measures p50/p95 over HTTP.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/profiles.ts [--profiles 200000] [--requests 100] [--db path] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * `--db path` keeps the seeded file for another run (seeding is skipped when it exists).
 * With `--postgres`, the file is also copied into a new database of that
 * server (bench/postgres.ts) and the same requests are measured there.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { visibilityRank } from '@passerelle/schema';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open.ts';
import { profiles } from '../src/db/tables/index.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { ensureMembership, upsertPerson } from '../src/seed/upsert.ts';
import { measure, ms, openForSeeding, printReproduce, table, tempDatabase, withServer } from './harness.ts';
import { employers, familyRoots, given, insertProfiles } from './population.ts';
import { copyToNewPostgres } from './postgres.ts';

const { values: args } = parseArgs({
  options: { profiles: { type: 'string', default: '200000' }, requests: { type: 'string', default: '100' }, db: { type: 'string' }, postgres: { type: 'string' } },
});
const TOTAL = Number(args.profiles);
const REQUESTS = Number(args.requests);

async function main() {
  // `--db` keeps its file for the next run; otherwise a temporary one, removed at the end.
  const { file, remove } = args.db ? { file: resolve(args.db), remove: () => {} } : tempDatabase('profiles');
  if (!args.db || !existsSync(file)) await seedProfiles(file);
  const setup = await prepare(file);
  const postgres = args.postgres ? await copyToNewPostgres(file, args.postgres, 'profiles') : undefined;
  try {
    await measureRequests(file, 'SQLite', setup);
    if (postgres) await measureRequests(postgres.url, 'PostgreSQL', setup);
  } finally {
    remove();
    await postgres?.drop();
  }
  printReproduce('profiles', { profiles: TOTAL, requests: REQUESTS, ...(args.postgres ? { postgres: args.postgres } : {}) });
  console.log(`(machine: ${cpus().length} CPU, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

async function seedProfiles(file: string) {
  const started = performance.now();
  const { db, close, ids } = await openForSeeding(file);
  // Random ids land all over nine indexes: keep them in memory (256 MiB) instead of the 2 MiB default.
  db.run(sql`PRAGMA cache_size = -262144`);
  const insertMs = insertProfiles(db, ids, TOTAL);
  console.log(`inserts ${(insertMs / 1000).toFixed(1)} s`);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  close();
  const seededIn = (performance.now() - started) / 1000;
  console.log(`seeded ${TOTAL} profiles in ${seededIn.toFixed(1)} s (${file})`);
}

/** The readers and cursors the requests need, written to and read from the file (a PostgreSQL copy is made after). */
async function prepare(file: string) {
  const { db, close } = openDatabase(file);
  const ids = await seedDemo(db, {}, new Date());
  // A staff member of the university root: their scope covers every profile.
  const at = new Date().toISOString();
  const rootStaff = await upsertPerson(db, ids.demo.tenantId, 'bench-staff-root', 'root.staff@demo.test', 'Root Staff', at);
  await ensureMembership(db, ids.demo.tenantId, rootStaff, 'staff', { entityId: ids.demo.entities.university }, at);
  // The cursor of the last page a student reads: the entry 21st from the end of their order.
  const beforeLast = (await db
    .select({ sort: profiles.sortNetwork, personId: profiles.personId })
    .from(profiles)
    .where(and(eq(profiles.tenantId, ids.demo.tenantId), gte(profiles.nameRank, visibilityRank.network)))
    .orderBy(desc(profiles.sortNetwork), desc(profiles.personId))
    .limit(1)
    .offset(20)
    .get());
  const lastCursor = Buffer.from(JSON.stringify([beforeLast?.sort ?? '', beforeLast?.personId ?? ''])).toString('base64url');
  close();
  return { ids, lastCursor };
}

/** The requests, on the server over `database` (a file or a PostgreSQL URL). */
async function measureRequests(database: string, engine: string, { ids, lastCursor }: Awaited<ReturnType<typeof prepare>>) {
  await withServer(database, async ({ signIn, call }) => {
    const tokens = {
      student: await signIn('student-ines'),
      rep: await signIn('rep-acme'),
      staff: await signIn('staff-mgmt'),
      rootStaff: await signIn('bench-staff-root'),
      admin: await signIn('admin-demo'),
    };

    const get = async (token: string, path: string) => {
      const r = await call(token, 'GET', path);
      return { ms: r.ms, body: JSON.parse(r.text) as { items?: unknown[]; nextCursor?: string | null } };
    };
    const firstCursor = (await get(tokens.student, '/v1/profiles?limit=20')).body.nextCursor ?? '';

    const prefixes = ['ma', 'du', 'le', 'be', 'ro', 'gi', 'mo', 'la', 'fr', 'pe'];
    // One letter: the broadest a name search gets (m, l, d, b match most of the names).
    const letters = ['m', 'l', 'd', 'b', 'c', 'g', 'r', 'a'];
    const shapes: [string, (i: number) => [string, string]][] = [
      ['GET /v1/profiles/me (student)', () => [tokens.student, '/v1/profiles/me']],
      ['list, no filter (student)', () => [tokens.student, '/v1/profiles?limit=20']],
      ['list, page 2 via cursor (student)', () => [tokens.student, `/v1/profiles?limit=20&cursor=${firstCursor}`]],
      ['q=<2-letter prefix> (student)', (i) => [tokens.student, `/v1/profiles?q=${prefixes[i % prefixes.length]}`]],
      ['q=<given family> (student)', (i) => [tokens.student, `/v1/profiles?q=${encodeURIComponent(`${given[i % given.length]} ${familyRoots[i % familyRoots.length]}`)}`]],
      ['q=<prefix> (company rep, public only)', (i) => [tokens.rep, `/v1/profiles?q=${prefixes[i % prefixes.length]}`]],
      ['employer=<prefix> (student)', (i) => [tokens.student, `/v1/profiles?employer=${encodeURIComponent(employers[i % employers.length]?.slice(0, 8) ?? 'acme')}`]],
      ['graduationYear+entity (student)', (i) => [tokens.student, `/v1/profiles?graduationYear=${1990 + (i % 37)}&entity=${ids.demo.entities.management}`]],
      ['q=<prefix>&graduationYear (staff of the school)', (i) => [tokens.staff, `/v1/profiles?q=${prefixes[i % prefixes.length]}&graduationYear=${1990 + (i % 37)}`]],
      ['q=<prefix> (admin)', (i) => [tokens.admin, `/v1/profiles?q=${prefixes[i % prefixes.length]}`]],
      ['q=<1 letter> (student)', (i) => [tokens.student, `/v1/profiles?q=${letters[i % letters.length]}`]],
      ['q=<1 letter> (admin)', (i) => [tokens.admin, `/v1/profiles?q=${letters[i % letters.length]}`]],
      ['employer=<1 letter> (student)', (i) => [tokens.student, `/v1/profiles?employer=${'aghiuswt'[i % 8]}`]],
      ['list, last page via cursor (student)', () => [tokens.student, `/v1/profiles?limit=20&cursor=${lastCursor}`]],
      ['list, no filter (staff of the school)', () => [tokens.staff, '/v1/profiles?limit=20']],
      ['q=<1 letter> (staff of the school)', (i) => [tokens.staff, `/v1/profiles?q=${letters[i % letters.length]}`]],
      ['entity=<school> (staff of the school)', () => [tokens.staff, `/v1/profiles?entity=${ids.demo.entities.management}`]],
      ['list, no filter (staff of the university root)', () => [tokens.rootStaff, '/v1/profiles?limit=20']],
      ['q=<prefix>&graduationYear (staff of the root)', (i) => [tokens.rootStaff, `/v1/profiles?q=${prefixes[i % prefixes.length]}&graduationYear=${1990 + (i % 37)}`]],
      ['q=<1 letter> (staff of the university root)', (i) => [tokens.rootStaff, `/v1/profiles?q=${letters[i % letters.length]}`]],
    ];
    console.log(`\n${engine}: ${REQUESTS} sequential requests per shape over HTTP, ${TOTAL} profiles:\n`);
    const row = table([['shape', 56], ['p50 ms', 8], ['p95 ms', 8], ['items', 6]]);
    for (const [name, make] of shapes) {
      const { p50, p95, results } = await measure(REQUESTS, 10, (i) => get(...make(i)));
      row(name, ms(p50), ms(p95), (results.reduce((n, r) => n + (r.body.items?.length ?? 1), 0) / REQUESTS).toFixed(1));
    }
  });
}

await main();
