/**
 * The solicitation ledger's check over HTTP: POST /v1/solicitations/check
 * with 10,000 people (consent events, caps, a month of messages from several
 * services and erasure requests among a larger population), as an
 * administrator and as staff of one entity (who also has every person's
 * entities read, for the scope), and the list of one person's messages.
 *
 * Seeds a temporary SQLite file through the real migrations, starts the real
 * server (`src/index.ts`) on a random port, signs in through the host-token
 * exchange and prints p50/p95. The check makes a fixed number of queries per
 * chunk of 5,000 ids (allowance.ts `ID_CHUNK`), whatever the number of people.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/solicitations.ts [--people 50000] [--check 10000] [--requests 30] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * With `--postgres`, the same file is also copied into a new database of
 * that server (bench/postgres.ts) and the same requests are measured there,
 * in the same run.
 */
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { consentEvents, entities, erasureRequests, memberships, people, purposes, solicitationCapEvents, solicitations } from '../src/db/tables/index.ts';
import { measure, ms, openForSeeding, printReproduce, seededRandom, table, tempDatabase, withServer } from './harness.ts';
import { copyToNewPostgres } from './postgres.ts';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '50000' }, check: { type: 'string', default: '10000' }, requests: { type: 'string', default: '30' }, postgres: { type: 'string' } } });
const PEOPLE = Number(args.people);
const CHECK = Math.min(Number(args.check), PEOPLE);
const REQUESTS = Number(args.requests);

const { random } = seededRandom(20);

async function main() {
  const { file, remove } = tempDatabase('solicitations');
  const started = performance.now();
  const { db, close, ids } = await openForSeeding(file);
  const tenantId = ids.demo.tenantId;
  const list = db.select({ id: purposes.id, key: purposes.key, versionId: purposes.currentVersionId }).from(purposes).where(eq(purposes.tenantId, tenantId)).all();
  const events = list.find((p) => p.key === 'events')!;
  const senders = db.select({ id: entities.id }).from(entities).where(eq(entities.tenantId, tenantId)).all().map((e) => e.id);
  const { engineering, management } = ids.demo.entities;
  const now = new Date();
  const at = now.toISOString();
  const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const personIds: string[] = [];
  let messages = 0;
  const BATCH = 5_000;
  for (let from = 0; from < PEOPLE; from += BATCH) {
    db.transaction((tx) => {
      for (let i = from; i < Math.min(PEOPLE, from + BATCH); i++) {
        const personId = crypto.randomUUID();
        personIds.push(personId);
        tx.insert(people).values({ id: personId, tenantId, hostSubject: `bench-${i}`, email: `person${i}@bench.test`, displayName: `Person ${i}`, createdAt: at }).run();
        tx.insert(memberships).values({ tenantId, personId, role: i % 3 === 0 ? 'alumnus' : 'student', entityId: i % 2 === 0 ? engineering : management, createdAt: at }).run();
        // Events by email: 0 to 3 choices, the last one counts.
        let seq = 0;
        for (let k = Math.floor(random() * 4); k > 0; k--) {
          tx.insert(consentEvents).values({ tenantId, personId, seq: ++seq, purposeId: events.id, purposeVersionId: events.versionId, channel: random() < 0.7 ? 'email' : 'sms', granted: random() < 0.75, at, actorId: personId }).run();
        }
        if (random() < 0.2) tx.insert(solicitationCapEvents).values({ tenantId, personId, seq: 1, perMonth: Math.floor(random() * 8), at, actorId: personId }).run();
        // 0 to 5 messages this month and last month, from any entity.
        for (let k = Math.floor(random() * 6); k > 0; k--) {
          const sentAt = new Date(thisMonth - 20 * 86_400_000 + Math.floor(random() * 40 * 86_400_000)).toISOString();
          tx.insert(solicitations).values({ tenantId, personId, purposeId: list[Math.floor(random() * list.length)]!.id, channel: 'email', entityId: senders[Math.floor(random() * senders.length)]!, campaign: `Campaign ${k}`, sentAt, recordedBy: personId }).run();
          messages++;
        }
        if (random() < 0.01) tx.insert(erasureRequests).values({ tenantId, personId, status: 'pending', requestedAt: at }).run();
      }
    });
  }
  db.run(sql`ANALYZE`);
  close();
  console.log(`seeded ${PEOPLE} people and ${messages} ledger messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The people of the check: spread over the whole population.
  const step = Math.max(1, Math.floor(PEOPLE / CHECK));
  const checked = personIds.filter((_, i) => i % step === 0).slice(0, CHECK);
  const postgres = args.postgres ? await copyToNewPostgres(file, args.postgres, 'solicitations') : undefined;
  try {
    await measureOn(file, 'SQLite', checked, messages);
    if (postgres) await measureOn(postgres.url, 'PostgreSQL', checked, messages);
  } finally {
    remove();
    await postgres?.drop();
  }
  printReproduce('solicitations', { people: PEOPLE, check: CHECK, requests: REQUESTS, ...(args.postgres ? { postgres: args.postgres } : {}) });
}

/** The requests, on the server over `database` (a file or a PostgreSQL URL). */
async function measureOn(database: string, engine: string, checked: readonly string[], messages: number) {
  const body = { people: checked, purpose: 'events', channel: 'email' };
  await withServer(database, async ({ signIn, call }) => {
    const admin = await signIn('admin-demo');
    const staff = await signIn('staff-eng');
    const shapes: [string, number, () => [string, string, string, unknown?]][] = [
      [`POST /v1/solicitations/check, ${checked.length} people (admin)`, REQUESTS, () => [admin, 'POST', '/v1/solicitations/check', body]],
      [`POST /v1/solicitations/check, ${checked.length} people (staff)`, REQUESTS, () => [staff, 'POST', '/v1/solicitations/check', body]],
      ['POST /v1/solicitations/check, 100 people (admin)', REQUESTS, () => [admin, 'POST', '/v1/solicitations/check', { ...body, people: checked.slice(0, 100) }]],
      ['GET /v1/solicitations/people/:id', REQUESTS, () => [staff, 'GET', `/v1/solicitations/people/${checked[0]}`]],
    ];
    console.log(`\n${engine}: sequential requests over HTTP, ${PEOPLE} people, ${messages} messages in the ledger:\n`);
    const row = table([['request', 52], ['n', 4], ['p50 ms', 8], ['p95 ms', 8], ['bytes', 9]]);
    for (const [name, n, make] of shapes) {
      const { p50, p95, results } = await measure(n, 3, () => call(...make()));
      row(name, n, ms(p50), ms(p95), results.at(-1)?.bytes ?? 0);
    }
    const answer = JSON.parse((await call(admin, 'POST', '/v1/solicitations/check', body)).text) as { items: { allowed: boolean; reason?: string }[] };
    const reasons = new Map<string, number>();
    for (const item of answer.items) reasons.set(item.reason ?? 'allowed', (reasons.get(item.reason ?? 'allowed') ?? 0) + 1);
    console.log(`\nanswers: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  });
}

await main();
