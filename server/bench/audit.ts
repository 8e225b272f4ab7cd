/**
 * GET /v1/audit's query over a large log: 400,000 entries of one institution
 * over a year (30 entities, 20,000 people, a quarter of the entries by one
 * importing administrator), each question asked 20 times for a page of 50;
 * prints the median. The worst case is a filter nothing matches that no
 * index serves: the staff scope (entity lists are JSON), read row by row.
 *
 *   pnpm --filter @passerelle/server exec tsx bench/audit.ts [--entries 400000]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { memoryDatabase, sqliteOf } from '../src/db/open.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { auditLog } from '../src/db/tables/index.ts';
import { listAuditEntries, type AuditFilters } from '../src/audit/queries/entries.ts';
import { seededRandom } from './harness.ts';

const { values: args } = parseArgs({ options: { entries: { type: 'string', default: '400000' } } });
const TOTAL = Number(args.entries);

const db = sqliteOf(memoryDatabase());
const tenantId = (await seedDemo(db, {}, new Date('2026-01-01T00:00:00Z'))).demo.tenantId;
const { pick } = seededRandom(7);
const entities = Array.from({ length: 30 }, (_, i) => `e-${i}`);
const people = Array.from({ length: 20_000 }, (_, i) => `p-${i}`);
const actions = ['offer.create', 'offer.edit', 'profile.update', 'auth.exchange', 'consent.choose', 'pledge.receive', 'profile.import.update', 'company.edit'];
const start = Date.parse('2025-01-01T00:00:00Z');

db.run(sql`BEGIN`);
for (let done = 0; done < TOTAL; done += 1000) {
  const rows = Array.from({ length: Math.min(1000, TOTAL - done) }, (_, k) => {
    const action = pick(actions);
    return {
      id: crypto.randomUUID(),
      tenantId,
      actorId: action === 'profile.import.update' ? 'p-admin' : pick(people),
      action,
      objectType: 'bench',
      entityIds: action === 'auth.exchange' ? [] : [pick(entities)],
      subjectId: pick(people),
      at: new Date(start + Math.floor(((done + k) / TOTAL) * 365 * 86_400_000)).toISOString(),
    };
  });
  db.insert(auditLog).values(rows).run();
}
db.run(sql`COMMIT`);
db.run(sql`ANALYZE`);

const questions: [string, Omit<AuditFilters, 'limit'>][] = [
  ['administrator, no filter', { scope: { all: true } }],
  ['staff of 1 entity of 30', { scope: { all: false, entityIds: ['e-3'] } }],
  ['staff of 3 entities', { scope: { all: false, entityIds: ['e-3', 'e-4', 'e-5'] } }],
  ['staff of an entity with no entry', { scope: { all: false, entityIds: ['e-none'] } }],
  ['staff, one person', { scope: { all: false, entityIds: ['e-3', 'e-4'] }, personId: 'p-123' }],
  ['administrator, one person', { scope: { all: true }, personId: 'p-123' }],
  ['administrator, the importing admin', { scope: { all: true }, personId: 'p-admin' }],
  ['administrator, action company.edit', { scope: { all: true }, action: 'company.edit' }],
  ['administrator, action prefix offer.', { scope: { all: true }, action: 'offer.' }],
  ['administrator, an action never used', { scope: { all: true }, action: 'nothing.here' }],
  ['administrator, one day a year ago', { scope: { all: true }, since: '2025-03-01T00:00:00.000Z', until: '2025-03-02T00:00:00.000Z' }],
];
console.log(`${TOTAL} audit entries; median of 20 reads of a page of 50`);
for (const [name, filters] of questions) {
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < 20; run++) {
    const t0 = performance.now();
    rows = (await listAuditEntries(db, tenantId, { ...filters, limit: 51 })).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(38)} ${String(Math.min(rows, 50)).padStart(3)} rows  ${times[10]!.toFixed(2).padStart(7)} ms`);
}
