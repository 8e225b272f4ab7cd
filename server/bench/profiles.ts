/**
 * Directory search and `GET /v1/profiles/me` over 200,000 profiles.
 *
 * Seeds a temporary SQLite file (batched inserts, one transaction per batch),
 * starts the real server (`src/index.ts`) on a random port, signs in through
 * the host-token exchange and measures p50/p95 over HTTP.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/profiles.ts [--profiles 200000] [--requests 100] [--db path]
 *
 * `--db path` keeps the seeded file for another run (seeding is skipped when it exists).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultVisibility, visibilityLevels, type ProfileFields, type VisibilityLevel } from '@passerelle/schema';
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { migrateDatabase, openDatabase, type Tx } from '../src/db/open.ts';
import { memberships, people, profiles } from '../src/db/tables/index.ts';
import { seedDemo, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../src/seed/demo.ts';
import { signHostToken } from '../src/auth/host-token.ts';
import { derivedColumns, type Visibility } from '../src/profiles/document.ts';

const { values: args } = parseArgs({ options: { profiles: { type: 'string', default: '200000' }, requests: { type: 'string', default: '100' }, db: { type: 'string' } } });
const TOTAL = Number(args.profiles);
const REQUESTS = Number(args.requests);
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// A small deterministic generator, so runs are comparable.
let state = 42;
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const given = ['Claire', 'Inès', 'Élodie', 'Jérôme', 'Chloé', 'Lucas', 'Léa', 'Hugo', 'Manon', 'Théo', 'Camille', 'Louis', 'Zoé', 'Nathan', 'Anaïs', 'Mathis', 'Océane', 'Noé', 'Maëlys', 'Gaël', 'Sofiane', 'Yasmine', 'Karim', 'Amélie', 'Benoît', 'Hélène', 'François', 'Agnès', 'Rémi', 'Cécile'];
const familyRoots = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Légaré'];
const suffixes = ['', '', '', 'eau', 'in', 'et', 'ier', 'on', 'ot', 'aud'];
const employers = Array.from({ length: 400 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Soylent', 'Vandelay', 'Stark', 'Wayne', 'Tyrell'])} ${pick(['Conseil', 'Robotique', 'Logiciels', 'Industries', 'Banque', 'Énergie', 'Santé', 'Transport'])} ${i}`);
const levels: readonly VisibilityLevel[] = visibilityLevels;

/**
 * One prepared single-row INSERT per table (query builder with placeholders),
 * run once per row inside the batch's transaction: far cheaper than building
 * multi-row statements.
 */
function prepared<T extends SQLiteTable>(tx: Tx, table: T, sample: T['$inferInsert'] | undefined) {
  const values = Object.fromEntries(Object.keys(sample ?? {}).map((k) => [k, sql.placeholder(k)]));
  // The placeholders stand for the row's own values, which have the table's insert type.
  return tx.insert(table).values(values as T['$inferInsert']).prepare();
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const dir = args.db ? null : mkdtempSync(join(tmpdir(), 'passerelle-bench-profiles-'));
  const file = args.db ? resolve(args.db) : join(dir ?? '', 'bench.db');
  if (!args.db || !existsSync(file)) seedProfiles(file);
  await measure(file, dir);
}

function seedProfiles(file: string) {
  const started = performance.now();
  const { db, close } = openDatabase(file);
  migrateDatabase(db);
  const ids = seedDemo(db, {}, new Date());
  // Bulk load only: the server reopens the file with its usual durability settings.
  db.run(sql`PRAGMA synchronous = OFF`);
  // Random ids land all over nine indexes: keep them in memory (256 MiB) instead of the 2 MiB default.
  db.run(sql`PRAGMA cache_size = -262144`);
  const tenantId = ids.demo.tenantId;
  const schools = [ids.demo.entities.engineering, ids.demo.entities.management];
  const at = new Date().toISOString();
  const BATCH = 10_000;
  let insertMs = 0;
  for (let from = 0; from < TOTAL; from += BATCH) {
    const count = Math.min(BATCH, TOTAL - from);
    const personRows: (typeof people.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    const profileRows: (typeof profiles.$inferInsert)[] = [];
    for (let i = from; i < from + count; i++) {
      const id = crypto.randomUUID();
      const g = pick(given);
      const f = pick(familyRoots) + pick(suffixes);
      const school = pick(schools);
      const email = `${g}.${f}.${i}@alumni.bench.test`.toLowerCase();
      personRows.push({ id, tenantId, hostSubject: `bench-${i}`, email, displayName: `${g} ${f}`, createdAt: at });
      membershipRows.push({ id: crypto.randomUUID(), tenantId, personId: id, role: 'alumnus', entityId: school, createdAt: at });
      const fields: ProfileFields = {
        givenName: g,
        familyName: f,
        usageName: null,
        emails: [{ address: email, primary: true }],
        phone: '+33 6 00 00 00 00',
        address: null,
        programme: school === schools[0] ? "Diplôme d'ingénieur" : 'Master Management',
        educationEntityId: school,
        graduationYear: 1990 + Math.floor(random() * 37),
        employer: pick(employers),
        jobTitle: 'Ingénieure',
        sector: null,
        workCity: 'Lyon',
        workCountry: 'FR',
        linkedinUrl: null,
        previousPositions: [],
        availability: { mentoring: random() < 0.3, talks: false, hiringInterns: false },
        bio: null,
        preferredLanguage: 'fr',
      };
      const visibility: Visibility = { ...defaultVisibility, familyName: pick(levels), givenName: pick(levels), employer: pick(levels), graduationYear: pick(levels) };
      profileRows.push({ personId: id, tenantId, ...fields, visibility, ...derivedColumns(fields, visibility), educationLocked: true, createdAt: at, updatedAt: at, confirmedAt: at });
    }
    const t0 = performance.now();
    db.transaction((tx) => {
      const insertPerson = prepared(tx, people, personRows[0]);
      const insertMembership = prepared(tx, memberships, membershipRows[0]);
      const insertProfile = prepared(tx, profiles, profileRows[0]);
      for (let c = 0; c < count; c++) {
        insertPerson.run(personRows[c]);
        insertMembership.run(membershipRows[c]);
        insertProfile.run(profileRows[c]);
      }
    });
    insertMs += performance.now() - t0;
  }
  console.log(`inserts ${(insertMs / 1000).toFixed(1)} s`);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  close();
  const seededIn = (performance.now() - started) / 1000;
  console.log(`seeded ${TOTAL} profiles in ${seededIn.toFixed(1)} s (${file})`);
}

async function measure(file: string, dir: string | null) {
  const { db, close } = openDatabase(file);
  const ids = seedDemo(db, {}, new Date());
  close();

  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), DATABASE_URL: file, NODE_ENV: 'production', PASSERELLE_DEV_OUTBOX: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
      server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Passerelle API on') && ok());
    });

    const signIn = async (sub: string) => {
      const iat = Math.floor(Date.now() / 1000);
      const token = signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub, iat, exp: iat + 300, jti: crypto.randomUUID() });
      const res = await fetch(`${base}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      if (res.status !== 200) throw new Error(`sign-in ${sub}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    };
    const tokens = { student: await signIn('student-ines'), rep: await signIn('rep-acme'), staff: await signIn('staff-mgmt'), admin: await signIn('admin-demo') };

    const get = async (token: string, path: string) => {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { items?: unknown[]; nextCursor?: string | null };
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, body };
    };
    const firstCursor = (await get(tokens.student, '/v1/profiles?limit=20')).body.nextCursor ?? '';

    const prefixes = ['ma', 'du', 'le', 'be', 'ro', 'gi', 'mo', 'la', 'fr', 'pe'];
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
    ];
    console.log(`\n${REQUESTS} sequential requests per shape over HTTP, ${TOTAL} profiles:\n`);
    console.log(`${'shape'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'items'.padStart(6)}`);
    for (const [name, make] of shapes) {
      for (let i = 0; i < 10; i++) await get(...make(i)); // warm-up
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await get(...make(i));
        times.push(r.ms);
        items += r.body.items?.length ?? 1;
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(52)} ${percentile(times, 50).toFixed(2).padStart(8)} ${percentile(times, 95).toFixed(2).padStart(8)} ${(items / REQUESTS).toFixed(1).padStart(6)}`);
    }
  } finally {
    server.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nReproduce: pnpm --filter @passerelle/server exec tsx bench/profiles.ts --profiles ${TOTAL} --requests ${REQUESTS}`);
  console.log(`(machine: ${cpus().length} CPU, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

await main();
