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
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { consentEvents, people, purposes, solicitationCapEvents } from '../src/db/tables/index.ts';
import { measure, ms, openForSeeding, printReproduce, seededRandom, table, tempDatabase, withServer } from './harness.ts';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '20000' }, requests: { type: 'string', default: '200' } } });
const PEOPLE = Number(args.people);
const REQUESTS = Number(args.requests);

const { random } = seededRandom(11);

async function main() {
  const { file, remove } = tempDatabase('consents');
  const started = performance.now();
  const { db, close, ids } = await openForSeeding(file);
  const tenantId = ids.demo.tenantId;
  const list = (await db.select({ id: purposes.id, key: purposes.key, versionId: purposes.currentVersionId }).from(purposes).where(eq(purposes.tenantId, tenantId)).all());
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
  const count = (await db.select({ n: sql<number>`count(*)` }).from(consentEvents).where(and(eq(consentEvents.tenantId, tenantId))).get())!.n;
  close();
  console.log(`seeded ${PEOPLE} people and ${count} consent events (${events} random) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  try {
    await withServer(file, async ({ signIn, call }) => {
      const student = await signIn('student-ines');
      const admin = await signIn('admin-demo');
      // A choice names the text it was made on.
      const events = (JSON.parse((await call(student, 'GET', '/v1/consents')).text) as { purposes: { key: string; version: { hash: string } }[] }).purposes.find((p) => p.key === 'events')!.version.hash;
      const shapes: [string, number, (i: number) => [string, string, string, unknown?]][] = [
        ['GET /v1/consents', REQUESTS, () => [student, 'GET', '/v1/consents']],
        ['PUT /v1/consents/events (toggle sms)', REQUESTS, (i) => [student, 'PUT', '/v1/consents/events', { channels: { sms: i % 2 === 0 }, version: events }]],
        ['GET /v1/consents/history?limit=100', REQUESTS, () => [student, 'GET', '/v1/consents/history?limit=100']],
        ['GET /v1/me/export (JSON)', Math.max(20, REQUESTS / 10), () => [student, 'GET', '/v1/me/export']],
        ['GET /v1/me/export?format=zip', Math.max(20, REQUESTS / 10), () => [student, 'GET', '/v1/me/export?format=zip']],
        [`GET /v1/consents/export (CSV, ${PEOPLE} people)`, 10, () => [admin, 'GET', '/v1/consents/export?purpose=events']],
      ];
      console.log(`\nsequential requests over HTTP, ${PEOPLE} people:\n`);
      const row = table([['request', 46], ['n', 4], ['p50 ms', 8], ['p95 ms', 8], ['bytes', 9]]);
      for (const [name, n, make] of shapes) {
        const { p50, p95, results } = await measure(n, 3, (i) => call(...make(i)));
        row(name, n, ms(p50), ms(p95), results.at(-1)?.bytes ?? 0);
      }
    });
  } finally {
    remove();
  }
  printReproduce('consents', { people: PEOPLE, requests: REQUESTS });
}

await main();
