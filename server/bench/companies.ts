/**
 * Company typeahead (`GET /v1/companies?q=`) over 100,000 companies.
 *
 * Seeds a temporary SQLite file through the real migrations (so the FTS5
 * index is filled by its triggers, as in production), starts the real server
 * (`src/index.ts`) on a random port, signs in through the host-token exchange
 * and measures p50/p95 over HTTP for several kinds of prefix.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/companies.ts [--companies 100000] [--requests 200]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { passesLuhn } from '@passerelle/schema';
import { migrateDatabase, openDatabase } from '../src/db/open.ts';
import { companies } from '../src/db/tables/index.ts';
import { seedDemo, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../src/seed/demo.ts';
import { signHostToken } from '../src/auth/host-token.ts';

const { values: args } = parseArgs({ options: { companies: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' } } });
const TOTAL = Number(args.companies);
const REQUESTS = Number(args.requests);
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Deterministic, so runs are comparable.
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const heads = ['École', 'Société', 'Groupe', 'Atelier', 'Cabinet', 'Laboratoire', 'Banque', 'Compagnie', 'Établissements', 'Institut', 'Agence', 'Maison', 'Fondation', 'Ingénierie', 'Électricité'];
const middles = ['Générale', 'Lyonnaise', 'Parisienne', 'du Rhône', 'des Alpes', 'Numérique', 'Énergies', 'Logiciels', 'Robotique', 'Conseil', 'Santé', 'Transports', 'Bâtiment', 'Océan', 'Métropole'];
const tails = ['Martin', 'Dubois', 'Lefèvre', 'Girard', 'Mercier', 'Rousseau', 'Fontaine', 'Chevalier', 'Garnier', 'Faure', 'André', 'Légaré', 'Benoît', 'Hélie', 'Noël'];

/** A SIRET passing Luhn whose first 8 digits are the row number (unique). */
function siretFor(i: number): string {
  const lead = String(i).padStart(8, '0') + String(Math.floor(random() * 100_000)).padStart(5, '0');
  for (let d = 0; d <= 9; d++) if (passesLuhn(lead + d)) return lead + d;
  throw new Error('unreachable');
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
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-companies-'));
  const file = join(dir, 'bench.db');
  const started = performance.now();
  const { db, close } = openDatabase(file);
  migrateDatabase(db);
  const ids = seedDemo(db, {}, new Date());
  db.run(sql`PRAGMA synchronous = OFF`); // bulk load only; the server reopens with its usual settings
  const tenantId = ids.demo.tenantId;
  const at = new Date().toISOString();
  const BATCH = 10_000;
  const sampleSirets: string[] = [];
  for (let from = 0; from < TOTAL; from += BATCH) {
    const count = Math.min(BATCH, TOTAL - from);
    db.transaction((tx) => {
      const insert = tx
        .insert(companies)
        .values({ id: sql.placeholder('id'), tenantId, name: sql.placeholder('name'), siret: sql.placeholder('siret'), siren: sql.placeholder('siren'), website: null, status: sql.placeholder('status'), createdAt: at })
        .prepare();
      for (let i = from; i < from + count; i++) {
        const siret = siretFor(i + 1);
        if (i % 997 === 0) sampleSirets.push(siret);
        // One in twenty is pending: the typeahead must skip them.
        insert.run({ id: crypto.randomUUID(), name: `${pick(heads)} ${pick(middles)} ${pick(tails)} ${i}`, siret, siren: siret.slice(0, 9), status: i % 20 === 0 ? 'pending' : 'active' });
      }
    });
  }
  db.run(sql`INSERT INTO company_search(company_search) VALUES ('optimize')`);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  close();
  console.log(`seeded ${TOTAL} companies in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);

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
    const student = await signIn('student-ines');
    const staff = await signIn('staff-eng');
    const get = async (token: string, path: string) => {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { items?: unknown[] };
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, items: body.items?.length ?? 0 };
    };
    const q = (s: string) => `/v1/companies?q=${encodeURIComponent(s)}&limit=10`;
    const shapes: [string, (i: number) => [string, string]][] = [
      ['1 letter: "é" / "s" / "g"…', (i) => [student, q(['é', 's', 'g', 'a', 'l', 'c'][i % 6]!)]],
      ['2 letters: "ec", "so", "gr"…', (i) => [student, q(['ec', 'so', 'gr', 'at', 'la', 'ba'][i % 6]!)]],
      ['word: "École" / "ecole" / "ÉCOLE"', (i) => [student, q(['École', 'ecole', 'ÉCOLE'][i % 3]!)]],
      ['two words: "ecole lyon", "soc gen"…', (i) => [student, q(['ecole lyon', 'soc gen', 'groupe numer', 'banque ocea'][i % 4]!)]],
      ['three words, narrow: "ecole gen mart"', (i) => [student, q(['ecole gen mart', 'atelier robo legare', 'institut sante noel'][i % 3]!)]],
      ['SIREN prefix (4 digits)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!.slice(0, 4))]],
      ['SIREN (9 digits, spaced)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!.slice(0, 9).replace(/(\d{3})(?=\d)/g, '$1 '))]],
      ['SIRET (14 digits)', (i) => [student, q(sampleSirets[i % sampleSirets.length]!)]],
      ['no match: "zzqx"', () => [student, q('zzqx')]],
      ['staff, status=pending, "ec"', () => [staff, `${q('ec')}&status=pending`]],
    ];
    console.log(`\n${REQUESTS} sequential requests per shape over HTTP, ${TOTAL} companies, limit=10:\n`);
    console.log(`${'shape'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'items'.padStart(6)}`);
    for (const [name, make] of shapes) {
      for (let i = 0; i < 10; i++) await get(...make(i)); // warm-up
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await get(...make(i));
        times.push(r.ms);
        items += r.items;
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(40)} ${percentile(times, 50).toFixed(2).padStart(8)} ${percentile(times, 95).toFixed(2).padStart(8)} ${(items / REQUESTS).toFixed(1).padStart(6)}`);
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nReproduce: pnpm --filter @passerelle/server exec tsx bench/companies.ts --companies ${TOTAL} --requests ${REQUESTS}`);
}

await main();
