import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Pledge, PledgeStatusTotal, PledgeTransfer } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, pledgeTransfers, pledges } from '../db/tables/index.ts';

/** Acme's establishment SIRET (the company's own), Globex's, and the schools' UAI (demo seed). */
const ACME = '81234567600017';
const GLOBEX = '52345678800026';
const ENGINEERING = '0754321P';
const report = (...lines: string[]) => ['SIRET;UAI;Montant;Date', ...lines].join('\n');

interface ImportAnswer {
  received: number;
  lines: { line: number; outcome: string; pledgeId?: string; transferId?: string }[];
}

describe('/v1/pledges/transfers: kept transfer lines, matched by staff', () => {
  let t: TestApp;
  let key = 0;
  const tokens = new Map<DemoSubject, string>();
  const token = async (who: DemoSubject) => tokens.get(who) ?? tokens.set(who, await t.signIn(who)).get(who)!;
  const call = async (who: DemoSubject, method: string, path: string, body?: unknown) => t.call(method, `/v1/pledges${path}`, { token: await token(who), body });
  const importAs = async (who: DemoSubject, csv: string) => {
    const res = await call(who, 'POST', '/import', { csv });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportAnswer;
  };
  const taxPledge = async (over: Record<string, unknown> = {}) => {
    const res = await t.call('POST', '/v1/pledges', { token: await token('rep-acme'), body: sampleTaxPledgeBody(t.ids, over), headers: { 'idempotency-key': `transfer-${++key}` } });
    expect(res.status).toBe(201);
    return (await res.json()) as Pledge;
  };
  const pledgeRow = async (id: string) => t.db.select().from(pledges).where(eq(pledges.id, id)).get();
  const keptRows = async () => t.db.select().from(pledgeTransfers).where(eq(pledgeTransfers.tenantId, t.ids.demo.tenantId)).all();
  const list = async (who: DemoSubject, query = '') => {
    const res = await call(who, 'GET', `/transfers${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: PledgeTransfer[]; nextCursor: string | null };
  };

  beforeEach(() => {
    t = testApp();
    tokens.clear();
  });

  it('keeps a line two open pledges match, takes neither, and lets the school’s staff choose', async () => {
    const first = await taxPledge({ estimatedAmountCents: 100_000 });
    t.clock.advance(60_000);
    const second = await taxPledge({ estimatedAmountCents: 150_000, programme: 'Cycle ingénieur' });
    const answer = await importAs('staff-eng', report(`${ACME};${ENGINEERING};1 500,00;15/06/2026`));
    expect(answer.received).toBe(0);
    expect(answer.lines).toEqual([{ line: 2, outcome: 'ambiguous', transferId: expect.any(String) }]);
    expect([(await pledgeRow(first.id))?.status, (await pledgeRow(second.id))?.status]).toEqual(['promised', 'promised']);
    expect(await keptRows()).toMatchObject([{ id: answer.lines[0]!.transferId, status: 'ambiguous', employerSiret: ACME, uai: ENGINEERING, amountCents: 150_000, paidOn: '2026-06-15', line: 2, entityId: t.ids.demo.entities.engineering }]);

    const page = await list('staff-eng');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'ambiguous', entity: { name: "École d'ingénieurs" }, amountCents: 150_000, pledgeId: null, currency: 'EUR' });
    expect(page.items[0]!.candidates.map((c) => [c.id, c.estimatedAmountCents, c.company?.name])).toEqual([
      [first.id, 100_000, 'Acme Robotique'],
      [second.id, 150_000, 'Acme Robotique'],
    ]);

    const res = await call('staff-eng', 'POST', `/transfers/${page.items[0]!.id}/match`, { pledgeId: second.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'matched', pledgeId: second.id, candidates: [], matchedAt: t.clock.now().toISOString() });
    expect(await pledgeRow(second.id)).toMatchObject({ status: 'received', receivedCents: 150_000, receivedOn: '2026-06-15', version: 2 });
    expect((await pledgeRow(first.id))?.status).toBe('promised');
    expect((await keptRows())[0]).toMatchObject({ status: 'matched', pledgeId: second.id, matchedBy: t.ids.demo.people['staff-eng'] });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, second.id), eq(auditLog.action, 'pledge.receive'))).get();
    expect(audit?.detail).toEqual({ via: 'transfer', transferId: page.items[0]!.id, line: 2 });

    // Nothing left to match; the matched line is listed apart; the same report again changes nothing.
    expect((await list('staff-eng')).items).toEqual([]);
    expect((await list('staff-eng', '?status=matched')).items.map((i) => i.pledgeId)).toEqual([second.id]);
    const again = await importAs('staff-eng', report(`${ACME};${ENGINEERING};1 500,00;15/06/2026`));
    expect(again.lines).toEqual([{ line: 2, outcome: 'alreadyReceived', pledgeId: second.id }]);
    expect(await keptRows()).toHaveLength(1);
  });

  it('settles the one pledge of the transfer’s campaign year among several open ones', async () => {
    const current = await taxPledge();
    const older = await taxPledge();
    await t.db.update(pledges).set({ campaignYear: 2025 }).where(eq(pledges.id, older.id)).run();
    const answer = await importAs('staff-eng', report(`${ACME};${ENGINEERING};900;2026-07-01`));
    expect(answer.lines).toEqual([{ line: 2, outcome: 'received', pledgeId: current.id }]);
    expect((await pledgeRow(older.id))?.status).toBe('promised');
    expect(await keptRows()).toEqual([]);
  });

  it('keeps a transfer that matched no pledge, lists it to its school’s staff only, and once however often it is imported', async () => {
    const answer = await importAs('staff-eng', report(`${GLOBEX};${ENGINEERING};10;2026-06-15`));
    expect(answer.lines).toEqual([{ line: 2, outcome: 'unmatched', transferId: expect.any(String) }]);
    const again = await importAs('staff-eng', report(`${GLOBEX};${ENGINEERING};10;2026-06-15`));
    expect(again.lines[0]?.transferId).toBe(answer.lines[0]?.transferId);
    expect(await keptRows()).toHaveLength(1);
    expect((await list('staff-eng')).items).toMatchObject([{ id: answer.lines[0]!.transferId, status: 'unmatched', employerSiret: GLOBEX, candidates: [] }]);
    expect((await list('admin-demo')).items).toHaveLength(1);
    expect((await list('staff-mgmt')).items).toEqual([]);
    expect((await list('staff-other')).items).toEqual([]);
  });

  it('a kept line matched by a later import once its pledge exists', async () => {
    const first = await importAs('staff-eng', report(`${ACME};${ENGINEERING};2 000;2026-06-15`));
    expect(first.lines[0]?.outcome).toBe('unmatched');
    const pledge = await taxPledge();
    // Meanwhile the pledge is a candidate of the kept line…
    expect((await list('staff-eng')).items[0]?.candidates.map((c) => c.id)).toEqual([pledge.id]);
    // …and importing the report again settles it.
    const second = await importAs('staff-eng', report(`${ACME};${ENGINEERING};2 000;2026-06-15`));
    expect(second.lines).toEqual([{ line: 2, outcome: 'received', pledgeId: pledge.id }]);
    expect((await keptRows())[0]).toMatchObject({ status: 'matched', pledgeId: pledge.id });
  });

  it('keeps nothing of a line for a school the importer does not look after, or no school of the institution', async () => {
    const answer = await importAs('staff-eng', report(`${GLOBEX};0691234S;10;2026-06-15`, `${GLOBEX};0123456S;10;2026-06-15`));
    expect(answer.lines.map((l) => l.outcome)).toEqual(['outOfScope', 'outOfScope']);
    expect(await keptRows()).toEqual([]);
  });

  it('refuses to match with problems: another school’s staff, a pledge that is no candidate, twice, an unknown line', async () => {
    const a = await taxPledge();
    const b = await taxPledge();
    const management = await taxPledge({ entityId: t.ids.demo.entities.management });
    const { lines } = await importAs('staff-eng', report(`${ACME};${ENGINEERING};700;2026-06-15`));
    const path = `/transfers/${lines[0]!.transferId}/match`;

    const other = await call('staff-mgmt', 'POST', path, { pledgeId: a.id });
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(await other.json()).toMatchObject({ code: 'policy.pledgeReceive' });
    expect((await call('rep-acme', 'GET', '/transfers')).status).toBe(403);

    const wrong = await call('staff-eng', 'POST', path, { pledgeId: management.id });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errors: [{ path: 'pledgeId', code: 'pledge.transfer.notCandidate' }] });
    const malformed = await call('staff-eng', 'POST', path, { pledgeId: 'nope', extra: 1 });
    expect(malformed.status).toBe(400);

    expect((await call('staff-eng', 'POST', path, { pledgeId: a.id })).status).toBe(200);
    const twice = await call('admin-demo', 'POST', path, { pledgeId: b.id });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'pledge.transfer.matched' });
    expect((await pledgeRow(b.id))?.status).toBe('promised');

    const unknown = await call('staff-eng', 'POST', '/transfers/00000000-0000-4000-8000-000000000000/match', { pledgeId: a.id });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'pledge.transfer.notFound' });
    expect((await call('staff-other', 'POST', path, { pledgeId: b.id })).status).toBe(404);
  });

  it('the totals say how many pledges and how much, per campaign, kind and status', async () => {
    await taxPledge({ estimatedAmountCents: 100_000 });
    const cancelled = await taxPledge({ estimatedAmountCents: 50_000 });
    await t.db.update(pledges).set({ status: 'cancelled' }).where(eq(pledges.id, cancelled.id)).run();
    await importAs('staff-eng', report(`${ACME};${ENGINEERING};1 234,00;2026-06-15`));
    const res = await call('staff-eng', 'GET', '/totals?campaignYear=2026');
    expect(res.status).toBe(200);
    const { byStatus } = (await res.json()) as { byStatus: PledgeStatusTotal[] };
    expect(byStatus).toEqual([
      { campaignYear: 2026, kind: 'apprenticeship_tax', status: 'cancelled', count: 1, promisedCents: 50_000, receivedCents: 0, currency: 'EUR' },
      { campaignYear: 2026, kind: 'apprenticeship_tax', status: 'received', count: 1, promisedCents: 100_000, receivedCents: 123_400, currency: 'EUR' },
    ]);
    // The management school's pledge (demo seed) is not the engineering staff's to count; the administrator counts it.
    const all = (await (await call('admin-demo', 'GET', '/totals')).json()) as { byStatus: PledgeStatusTotal[] };
    expect(all.byStatus.find((r) => r.campaignYear === 2026 && r.status === 'promised')).toMatchObject({ count: 1, promisedCents: 420_000 });
    expect(all.byStatus.find((r) => r.campaignYear === null)).toMatchObject({ kind: 'donation', status: 'promised', count: 1 });
    // Latest campaign first, gifts (no campaign) last, on every engine.
    const years = all.byStatus.map((r) => r.campaignYear);
    expect(years).toEqual([...years].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a)));
    expect(years.at(-1)).toBeNull();
  });
});
