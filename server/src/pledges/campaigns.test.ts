/**
 * An administrator sets a year's SOLTéA calendar without a redeploy: the API
 * (admin-only through the policy, problems for bad dates), the audit in every
 * institution, and GET /v1/pledges/parameters answering it at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { CampaignEntry, PledgeParameters } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, solteaCampaigns } from '../db/tables/index.ts';

const calendar2026 = {
  published: true,
  source: 'arrêté du 20 novembre 2025',
  periods: [
    { opens: '2026-05-25', closes: '2026-06-26', transfersFrom: '2026-07-10' },
    { opens: '2026-07-13', closes: '2026-10-23', transfersFrom: '2026-11-06' },
  ],
  unallocatedFrom: '2026-11-26',
};

describe('/v1/pledges/campaigns', () => {
  let t: TestApp;
  const tokens = {} as Record<DemoSubject, string>;
  beforeAll(async () => {
    t = testApp();
    // 2 December 2026: the 2026 periods, once set, are over.
    t.clock.set(new Date('2026-12-02T09:00:00.000Z'));
    for (const who of ['admin-demo', 'staff-eng', 'rep-acme', 'admin-other'] as const) tokens[who] = await t.signIn(who);
  });
  const put = (who: DemoSubject, year: string, body: unknown) => t.call('PUT', `/v1/pledges/campaigns/${year}`, { token: tokens[who], body });
  const parameters = async (who: DemoSubject = 'rep-acme') => (await (await t.call('GET', '/v1/pledges/parameters', { token: tokens[who] })).json()) as PledgeParameters;

  it('staff and representatives are refused with the policy’s sentence; nothing is stored', async () => {
    for (const who of ['staff-eng', 'rep-acme'] as const) {
      const res = await put(who, '2026', calendar2026);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'policy.adminOnly', params: { task: 'solteaCalendar' }, detail: 'Only administrators can set the SOLTéA calendar. Ask an administrator of your institution.' });
    }
    expect((await t.db.select().from(solteaCampaigns).all())).toEqual([]);
  });

  it('refuses inverted and overlapping periods, transfers before the close, early unallocated funds: 400 with each field and code, nothing stored', async () => {
    const res = await put('admin-demo', '2026', {
      ...calendar2026,
      periods: [
        { opens: '2026-06-26', closes: '2026-05-25', transfersFrom: '2026-07-10' },
        { opens: '2026-06-01', closes: '2026-10-23', transfersFrom: '2026-10-20' },
      ],
      unallocatedFrom: '2026-10-01',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(body.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'periods.0.closes soltea.period.inverted',
      'periods.1.transfersFrom soltea.period.transfersBeforeClose',
      'unallocatedFrom soltea.unallocatedTooEarly',
    ]);
    const overlap = await put('admin-demo', '2026', { ...calendar2026, periods: [calendar2026.periods[0], { opens: '2026-06-20', closes: '2026-10-23', transfersFrom: '2026-11-06' }] });
    expect(((await overlap.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([
      expect.objectContaining({ path: 'periods.1.opens', code: 'soltea.period.overlap', message: 'This period opens before the previous one closes (2026-06-26): periods follow each other without overlapping.' }),
    ]);
    expect((await put('admin-demo', '2026', { ...calendar2026, periods: [] })).status).toBe(400);
    expect((await put('admin-demo', '2019', calendar2026)).status).toBe(404);
    expect((await t.db.select().from(solteaCampaigns).all())).toEqual([]);
  });

  it('before: 2026 is not yet published; after an administrator sets it, the parameters say so at once and a 2026 tax pledge is refused as over', async () => {
    expect((await parameters()).campaigns.find((c) => c.year === 2026)).toEqual({ year: 2026, published: false });
    const res = await put('admin-demo', '2026', calendar2026);
    expect(res.status).toBe(200);
    const entry = (await res.json()) as CampaignEntry;
    expect(entry).toMatchObject({ origin: 'set', campaign: { year: 2026, published: true, source: 'arrêté du 20 novembre 2025', periods: [{ label: { fr: 'Première période de répartition' } }, {}] } });
    // Another institution's reader sees the national calendar too.
    for (const who of ['rep-acme', 'admin-other'] as const) {
      const p = await parameters(who);
      expect(p.campaigns.find((c) => c.year === 2026)).toEqual(entry.campaign);
      expect(p.campaigns.map((c) => c.year)).toEqual([2026, 2025, 2024]);
    }
    const pledge = await t.call('POST', '/v1/pledges', { token: tokens['rep-acme'], body: sampleTaxPledgeBody(t.ids, { campaignYear: 2026 }), headers: { 'idempotency-key': 'soltea-2026' } });
    expect(pledge.status).toBe(400);
    expect(((await pledge.json()) as { errors: { code: string }[] }).errors[0]).toMatchObject({ code: 'pledge.tax.campaignOver' });
  });

  it('is audited in every institution: the acting one names the administrator, the others the institution that set it', async () => {
    const entries = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'soltea.setCalendar')).all());
    const demo = entries.find((e) => e.tenantId === t.ids.demo.tenantId)!;
    const other = entries.find((e) => e.tenantId === t.ids.other.tenantId)!;
    expect(demo).toMatchObject({ actorId: t.ids.demo.people['admin-demo'], objectType: 'soltea_campaign', objectId: '2026' });
    expect(demo.detail).toMatchObject({ year: 2026, from: { year: 2026, published: false }, to: { published: true } });
    expect(other).toMatchObject({ actorId: null, detail: { setBy: 'demo' } });
  });

  it('GET lists where each year comes from; DELETE goes back to the file’s year, audited', async () => {
    const list = (await (await t.call('GET', '/v1/pledges/campaigns', { token: tokens['rep-acme'] })).json()) as { items: CampaignEntry[] };
    expect(list.items.map((e) => `${e.campaign.year} ${e.origin}`)).toEqual(['2026 set', '2025 file', '2024 file']);
    expect((await t.call('DELETE', '/v1/pledges/campaigns/2026', { token: tokens['staff-eng'] })).status).toBe(403);
    expect((await t.call('DELETE', '/v1/pledges/campaigns/2026', { token: tokens['admin-demo'] })).status).toBe(204);
    expect((await parameters()).campaigns.find((c) => c.year === 2026)).toEqual({ year: 2026, published: false });
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'soltea.resetCalendar'), eq(auditLog.tenantId, t.ids.demo.tenantId))).all())).toHaveLength(1);
  });

  it('a year can be marked not yet published, and a later year added', async () => {
    expect((await put('admin-demo', '2027', { published: false })).status).toBe(200);
    expect((await parameters()).campaigns.map((c) => c.year)).toEqual([2027, 2026, 2025, 2024]);
  });
});
