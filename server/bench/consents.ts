/**
 * Consent centre over HTTP: the person's overview, a choice, the history,
 * the data export, and the administrators' CRM export of one purpose, with
 * many people who made many choices.
 *
 * Seeds a temporary SQLite file through the real migrations (the append-only
 * triggers included), starts the real server (`src/index.ts`) on a random
 * port, signs in through the host-token exchange and prints p50/p95.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/consents.ts [--people 20000] [--requests 200]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/open.ts';
import { consentEvents, people, purposes, solicitationCapEvents } from '../src/db/tables/index.ts';
import { seedDemo, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../src/seed/demo.ts';
import { signHostToken } from '../src/auth/host-token.ts';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '20000' }, requests: { type: 'string', default: '200' } } });
const PEOPLE = Number(args.people);
const REQUESTS = Number(args.requests);
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-consents-'));
  const file = join(dir, 'bench.db');
  const started = performance.now();
  const { db, close } = openDatabase(file);
  migrateDatabase(db);
  const ids = seedDemo(db, {}, new Date());
  db.run(sql`PRAGMA synchronous = OFF`); // bulk load only; the server reopens with its usual settings
  const tenantId = ids.demo.tenantId;
  const list = db.select({ id: purposes.id, key: purposes.key, versionId: purposes.currentVersionId }).from(purposes).where(eq(purposes.tenantId, tenantId)).all();
  const channelsOf: Record<string, string[]> = { 'alumni-news': ['email'], events: ['email', 'sms'], fundraising: ['email', 'post'], 'job-offers': ['email'] };
  const at = new Date().toISOString();
  let events = 0;
  const BATCH = 5_000;
  for (let from = 0; from < PEOPLE; from += BATCH) {
    db.transaction((tx) => {
      for (let i = from; i < Math.min(PEOPLE, from + BATCH); i++) {
        const personId = crypto.randomUUID();
        tx.insert(people).values({ id: personId, tenantId, hostSubject: `bench-${i}`, email: `person${i}@bench.test`, displayName: `Person ${i}`, createdAt: at }).run();
        // 0 to 8 choices each, a few toggled back and forth.
        let seq = 0;
        const n = Math.floor(random() * 9);
        for (let k = 0; k < n; k++) {
          const p = list[Math.floor(random() * list.length)]!;
          const channels = channelsOf[p.key] ?? ['email'];
          tx.insert(consentEvents)
            .values({ tenantId, personId, seq: ++seq, purposeId: p.id, purposeVersionId: p.versionId, channel: channels[Math.floor(random() * channels.length)] as 'email', granted: random() < 0.7, at, actorId: personId })
            .run();
          events++;
        }
        if (random() < 0.2) tx.insert(solicitationCapEvents).values({ tenantId, personId, seq: 1, perMonth: Math.floor(random() * 8), at, actorId: personId }).run();
      }
    });
  }
  db.run(sql`ANALYZE`);
  // Inès gets a long history: 300 choices.
  const ines = ids.demo.people['student-ines'];
  db.transaction((tx) => {
    const p = list.find((x) => x.key === 'events')!;
    for (let k = 1; k <= 300; k++) tx.insert(consentEvents).values({ tenantId, personId: ines, seq: k, purposeId: p.id, purposeVersionId: p.versionId, channel: 'email', granted: k % 2 === 1, at, actorId: ines }).run();
  });
  const count = db.select({ n: sql<number>`count(*)` }).from(consentEvents).where(and(eq(consentEvents.tenantId, tenantId))).get()!.n;
  close();
  console.log(`seeded ${PEOPLE} people and ${count} consent events (${events} random) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

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
    const admin = await signIn('admin-demo');
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const t0 = performance.now();
      const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status}`);
      return { ms: performance.now() - t0, bytes };
    };
    const shapes: [string, number, (i: number) => [string, string, string, unknown?]][] = [
      ['GET /v1/consents', REQUESTS, () => [student, 'GET', '/v1/consents']],
      ['PUT /v1/consents/events (toggle sms)', REQUESTS, (i) => [student, 'PUT', '/v1/consents/events', { channels: { sms: i % 2 === 0 } }]],
      ['GET /v1/consents/history?limit=100', REQUESTS, () => [student, 'GET', '/v1/consents/history?limit=100']],
      ['GET /v1/me/export (JSON)', Math.max(20, REQUESTS / 10), () => [student, 'GET', '/v1/me/export']],
      ['GET /v1/me/export?format=zip', Math.max(20, REQUESTS / 10), () => [student, 'GET', '/v1/me/export?format=zip']],
      [`GET /v1/consents/export (CSV, ${PEOPLE} people)`, 10, () => [admin, 'GET', '/v1/consents/export?purpose=events']],
    ];
    console.log(`\nsequential requests over HTTP, ${PEOPLE} people:\n`);
    console.log(`${'request'.padEnd(46)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'bytes'.padStart(9)}`);
    for (const [name, n, make] of shapes) {
      for (let i = 0; i < 3; i++) await call(...make(i)); // warm-up
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const r = await call(...make(i));
        times.push(r.ms);
        bytes = r.bytes;
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(46)} ${String(n).padStart(4)} ${percentile(times, 50).toFixed(2).padStart(8)} ${percentile(times, 95).toFixed(2).padStart(8)} ${String(bytes).padStart(9)}`);
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nReproduce: pnpm --filter @passerelle/server exec tsx bench/consents.ts --people ${PEOPLE} --requests ${REQUESTS}`);
}

await main();
