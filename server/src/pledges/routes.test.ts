import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isValidSiret, type Pledge, type PledgeParameters, type PledgeTotal } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, entities, pledges } from '../db/tables/index.ts';
import { seedDemo } from '../seed/demo.ts';

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };

describe('/v1/pledges', () => {
  let t: TestApp;
  const tokens = {} as Record<DemoSubject, string>;
  let keyCounter = 0;
  const newKey = () => `test-key-${++keyCounter}`;

  beforeAll(async () => {
    t = testApp();
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'staff-mgmt', 'admin-demo', 'staff-other'] as const) tokens[who] = await t.signIn(who);
  });

  const as = (who: DemoSubject) => ({
    get: (path: string) => t.call('GET', `/v1/pledges${path}`, { token: tokens[who] }),
    /** The one pledge export: audited, streamed, staff and administrators. */
    exportCsv: () => t.call('GET', '/v1/exports/pledges?format=csv', { token: tokens[who] }),
    post: (path: string, body?: unknown, headers: Record<string, string> = {}) => t.call('POST', `/v1/pledges${path}`, { token: tokens[who], body, headers }),
    create: (body: unknown, key = newKey()) => t.call('POST', '/v1/pledges', { token: tokens[who], body, headers: { 'idempotency-key': key } }),
    patch: (path: string, body: unknown, etag?: string) => t.call('PATCH', `/v1/pledges${path}`, { token: tokens[who], body, headers: etag ? { 'if-match': etag } : {} }),
  });

  const gift = (overrides: Record<string, unknown> = {}) => ({
    kind: 'donation',
    amountCents: 30000,
    frequency: 'once',
    designation: { kind: 'foundation' },
    donor: { kind: 'individual', fullName: 'Claire Dubois', address },
    publicThanks: false,
    ...overrides,
  });
  const tax = (overrides: Record<string, unknown> = {}) => sampleTaxPledgeBody(t.ids, overrides);
  const rowsOf = (authorSub: DemoSubject) =>
    t.db.select().from(pledges).where(and(eq(pledges.tenantId, t.ids.demo.tenantId), eq(pledges.authorId, t.ids.demo.people[authorSub as keyof typeof t.ids.demo.people]))).all();

  describe('donations', () => {
    it('answers 201 with Location and the tax estimate: 300 € costs 102 €', async () => {
      const res = await as('alumna-claire').create(gift());
      expect(res.status).toBe(201);
      const body = (await res.json()) as Pledge;
      expect(res.headers.get('location')).toBe(`/v1/pledges/${body.id}`);
      expect(body).toMatchObject({ kind: 'donation', status: 'promised', amountCents: 30000, currency: 'EUR', beneficiary: { entityId: t.ids.demo.entities.foundation } });
      expect(body.taxEstimate).toMatchObject({ reductionCents: 19800, netCostCents: 10200 });
    });

    it('applies the 20 % of taxable income ceiling, and never stores the income', async () => {
      const res = await as('alumna-claire').create(gift({ amountCents: 1_000_000, taxableIncomeCents: 3_000_000 }));
      const body = (await res.json()) as Pledge;
      expect(body.taxEstimate).toMatchObject({ eligibleCents: 600_000, reductionCents: 396_000, carriedOverCents: 400_000 });
      expect(JSON.stringify((await t.db.select().from(pledges).where(eq(pledges.id, body.id)).get()))).not.toContain('3000000');
    });

    it('lets a representative give on behalf of their company, with its SIRET on the receipt', async () => {
      const res = await as('rep-acme').create(gift({ donor: { kind: 'company', companyId: t.ids.demo.companies.acme, address }, amountCents: 5_000_000, turnoverCents: 100_000_000_00 }));
      expect(res.status).toBe(201);
      const body = (await res.json()) as Pledge;
      expect(body.donor).toMatchObject({ kind: 'company', name: 'Acme Robotique', siret: '81234567600017' });
      // 0.5 % of 100 M€ = 500 000 € ceiling; 60 % of 50 000 €.
      expect(body.taxEstimate?.reductionCents).toBe(3_000_000);
    });

    it('refuses a gift on behalf of a company one does not represent', async () => {
      const res = await as('student-ines').create(gift({ donor: { kind: 'company', companyId: t.ids.demo.companies.acme, address } }));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain('representative');
    });

    it('refuses negative, zero, fractional-cent and huge amounts with 400, never echoing them', async () => {
      for (const amountCents of [-500, 0, 10.5, 1e12, '300']) {
        const res = await as('alumna-claire').create(gift({ amountCents }));
        expect(res.status, String(amountCents)).toBe(400);
        const text = await res.text();
        expect(text).toContain('amountCents');
        if (amountCents === 1e12) expect(text).not.toContain('1000000000000');
      }
    });

    it('refuses unknown keys and a fund not offered', async () => {
      expect((await as('alumna-claire').create({ ...gift(), card: '4111111111111111' })).status).toBe(400);
      const res = await as('alumna-claire').create(gift({ designation: { kind: 'fund', fund: 'yachts' } }));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('designation.fund');
    });
  });

  describe('Idempotency-Key on create', () => {
    it('is required', async () => {
      const res = await t.call('POST', '/v1/pledges', { token: tokens['alumna-claire'], body: gift() });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Idempotency-Key');
    });

    it('sent twice with the same body gives the first answer and one row', async () => {
      const before = (await rowsOf('student-ines')).length;
      const first = await as('student-ines').create(gift({ amountCents: 4200 }), 'twice');
      const second = await as('student-ines').create(gift({ amountCents: 4200 }), 'twice');
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
      expect((await rowsOf('student-ines')).length).toBe(before + 1);
    });

    it('sent 20 times concurrently gives one pledge', async () => {
      const before = (await rowsOf('student-ines')).length;
      const replies = await Promise.all(Array.from({ length: 20 }, () => as('student-ines').create(gift({ amountCents: 777 }), 'burst-20')));
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
      const ids = new Set(await Promise.all(replies.map(async (r) => ((await r.json()) as Pledge).id)));
      expect(ids.size).toBe(1);
      expect((await rowsOf('student-ines')).length).toBe(before + 1);
    });

    it('with another body is 422 and writes nothing', async () => {
      expect((await as('student-ines').create(gift({ amountCents: 1000 }), 'reused')).status).toBe(201);
      const before = (await rowsOf('student-ines')).length;
      const res = await as('student-ines').create(gift({ amountCents: 2000 }), 'reused');
      expect(res.status).toBe(422);
      expect((await rowsOf('student-ines')).length).toBe(before);
    });
  });

  describe('apprenticeship tax', () => {
    it('a representative pledges for their company; the UAI is the school’s', async () => {
      const res = await as('rep-acme').create(tax());
      expect(res.status).toBe(201);
      const body = (await res.json()) as Pledge;
      expect(body).toMatchObject({ kind: 'apprenticeship_tax', status: 'promised', uai: '0754321P', employerSiret: '81234567600017', sharePercent: 50, estimatedAmountCents: 250000, campaignYear: 2026 });
    });

    it('a student cannot, and is told why', async () => {
      const before = (await rowsOf('student-ines')).length;
      const res = await as('student-ines').create(tax());
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/Only a company’s representative/);
      expect((await rowsOf('student-ines')).length).toBe(before);
    });

    it('a representative pledges only for their own company: another establishment of Acme’s SIREN yes, Globex’s SIRET no (403, worded)', async () => {
      const ok = await as('rep-acme').create(tax({ employerSiret: '81234567600033' }));
      expect(ok.status).toBe(201);
      expect(((await ok.json()) as Pledge).employerSiret).toBe('81234567600033');
      const before = (await rowsOf('rep-acme')).length;
      const res = await t.call('POST', '/v1/pledges', { token: tokens['rep-acme'], body: tax({ employerSiret: '52345678800026' }), headers: { 'idempotency-key': newKey(), 'accept-language': 'fr-FR,fr;q=0.9' } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('policy.pledge.ownCompanyOnly');
      expect(problem.detail).toMatch(/^Vous ne pouvez promettre la taxe d’apprentissage que pour l’entreprise que vous représentez/);
      // Nor by naming Globex itself.
      expect((await as('rep-acme').create(tax({ companyId: t.ids.demo.companies.globex }))).status).toBe(403);
      expect((await rowsOf('rep-acme')).length).toBe(before);
    });

    it('staff recording for their entity keep their rights, whatever the SIRET', async () => {
      // (To École de management: the transfer report below names Globex for École d’ingénieurs, as a pledge it does not have.)
      expect((await as('staff-mgmt').create(tax({ entityId: t.ids.demo.entities.management, employerSiret: '52345678800026' }))).status).toBe(201);
    });

    it('staff record for their own entities only', async () => {
      expect((await as('staff-eng').create(tax())).status).toBe(201);
      expect((await as('staff-eng').create(tax({ entityId: t.ids.demo.entities.management }))).status).toBe(403);
    });

    it('needs a school with a UAI and a configured campaign', async () => {
      expect((await as('rep-acme').create(tax({ entityId: t.ids.demo.entities.foundation }))).status).toBe(400);
      expect((await as('rep-acme').create(tax({ campaignYear: 2031 }))).status).toBe(400);
    });

    it('refuses a campaign whose periods are over, saying why in the reader’s language; a year not yet published is accepted', async () => {
      const before = (await rowsOf('rep-acme')).length;
      const over = async (language: string) => {
        const res = await t.call('POST', '/v1/pledges', { token: tokens['rep-acme'], body: tax({ campaignYear: 2025 }), headers: { 'idempotency-key': newKey(), 'accept-language': language } });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        return ((await res.json()) as { errors: { path: string; code: string; params: unknown; message: string }[] }).errors;
      };
      const [en] = await over('en-GB,en;q=0.9');
      expect(en).toMatchObject({ path: 'campaignYear', code: 'pledge.tax.campaignOver', params: { year: 2025 } });
      expect(en!.message).toBe('The allocation periods of the 2025 campaign are over: SOLTéA no longer takes allocations for it. Choose the next campaign.');
      expect((await over('fr-FR,fr;q=0.9'))[0]!.message).toMatch(/^Les périodes de répartition de la campagne 2025 sont terminées/);
      expect((await rowsOf('rep-acme')).length).toBe(before);
      // 2026 is configured without dates (not yet published): a company may promise its share ahead.
      expect((await as('rep-acme').create(tax({ campaignYear: 2026 }))).status).toBe(201);
    });

    it('goes promised → allocated → received, and a received amount cannot change (409)', async () => {
      const created = (await (await as('rep-acme').create(tax({ estimatedAmountCents: 100000 }))).json()) as Pledge;
      expect((await as('rep-acme').post(`/${created.id}/allocate`)).status).toBe(200);
      // The company does not decide the money arrived.
      expect((await as('rep-acme').post(`/${created.id}/receive`, {})).status).toBe(403);
      const received = await as('staff-eng').post(`/${created.id}/receive`, { receivedAmountCents: 98000 });
      expect(received.status).toBe(200);
      expect(((await received.json()) as Pledge).status).toBe('received');
      const detail = await as('rep-acme').get(`/${created.id}`);
      const etag = detail.headers.get('etag')!;
      const res = await as('rep-acme').patch(`/${created.id}`, { estimatedAmountCents: 200000 }, etag);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toContain('amount can no longer change');
      expect((await t.db.select({ a: pledges.amountCents }).from(pledges).where(eq(pledges.id, created.id)).get())?.a).toBe(100000);
      expect((await as('rep-acme').post(`/${created.id}/cancel`, {})).status).toBe(409);
    });

    it('PATCH changes a promised amount with If-Match; 428 without, 412 when stale', async () => {
      const res = await as('alumna-claire').create(gift({ amountCents: 5000 }));
      const created = (await res.json()) as Pledge;
      const etag = res.headers.get('etag')!;
      expect((await as('alumna-claire').patch(`/${created.id}`, { amountCents: 6000 })).status).toBe(428);
      const ok = await as('alumna-claire').patch(`/${created.id}`, { amountCents: 6000 }, etag);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as Pledge).taxEstimate?.reductionCents).toBe(3960);
      expect((await as('alumna-claire').patch(`/${created.id}`, { amountCents: 7000 }, etag)).status).toBe(412);
    });
  });

  describe('confidentiality of amounts', () => {
    // Distinctive digits, to search for in every answer.
    const AMOUNT = 73_918_264;
    const digits = [String(AMOUNT), '739182.64', '739182,64', '739 182', '739\u202f182', '739,182'];
    let pledgeId: string;

    beforeAll(async () => {
      const res = await as('rep-acme').create(tax({ entityId: t.ids.demo.entities.management, estimatedAmountCents: AMOUNT, sharePercent: 37.5 }));
      expect(res.status).toBe(201);
      pledgeId = ((await res.json()) as Pledge).id;
      const donation = await as('alumna-claire').create(gift({ designation: { kind: 'entity', entityId: t.ids.demo.entities.management }, amountCents: AMOUNT }));
      expect(donation.status).toBe(201);
    });

    const expectNoAmount = (text: string) => {
      for (const d of digits) expect(text).not.toContain(d);
    };

    it('staff of École d’ingénieurs see the tax pledge exists, never its amount: detail, list, totals, export', async () => {
      const detail = await as('staff-eng').get(`/${pledgeId}`);
      expect(detail.status).toBe(200);
      const detailText = await detail.text();
      expectNoAmount(detailText);
      const body = JSON.parse(detailText) as Pledge;
      expect(body.company?.name).toBe('Acme Robotique');
      for (const field of ['estimatedAmountCents', 'sharePercent', 'receivedAmountCents', 'contact', 'currency']) expect(body).not.toHaveProperty(field);

      const list = await as('staff-eng').get('?limit=100');
      expect(list.status).toBe(200);
      const listText = await list.text();
      expectNoAmount(listText);
      expect(listText).toContain(pledgeId);

      const totals = await as('staff-eng').get('/totals');
      expect(totals.status).toBe(200);
      expectNoAmount(await totals.text());

      const exported = await as('staff-eng').exportCsv();
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain('text/csv');
      const csv = await exported.text();
      expect(csv).toContain(pledgeId);
      expectNoAmount(csv);
    });

    it('an individual’s gift to another school is invisible to them altogether', async () => {
      const list = (await (await as('staff-eng').get('?kind=donation&limit=100')).json()) as { items: Pledge[] };
      expect(list.items.every((p) => p.beneficiary.entityId !== t.ids.demo.entities.management || p.mine)).toBe(true);
    });

    it('staff of École de management see it everywhere', async () => {
      expect(await (await as('staff-mgmt').get(`/${pledgeId}`)).text()).toContain(String(AMOUNT));
      expect(await (await as('staff-mgmt').get('?limit=100')).text()).toContain(String(AMOUNT));
      expect(await (await as('staff-mgmt').exportCsv()).text()).toContain(String(AMOUNT));
      const totals = (await (await as('staff-mgmt').get('/totals?kind=apprenticeship_tax')).json()) as { items: PledgeTotal[] };
      const mgmt = totals.items.find((i) => i.entityId === t.ids.demo.entities.management);
      expect(mgmt?.promisedCents).toBeGreaterThanOrEqual(AMOUNT);
      // And only their own entities' totals.
      expect(totals.items.every((i) => i.entityId === t.ids.demo.entities.management)).toBe(true);
    });

    it('the author and admins see it; a student sees nothing of it (404)', async () => {
      expect(await (await as('rep-acme').get(`/${pledgeId}`)).text()).toContain(String(AMOUNT));
      expect(await (await as('admin-demo').get(`/${pledgeId}`)).text()).toContain(String(AMOUNT));
      expect((await as('student-ines').get(`/${pledgeId}`)).status).toBe(404);
      expectNoAmount(await (await as('student-ines').get('?limit=100')).text());
      expect((await as('student-ines').get('/totals')).status).toBe(403);
    });

    it('another tenant sees nothing (404)', async () => {
      expect((await as('staff-other').get(`/${pledgeId}`)).status).toBe(404);
      expect(await (await as('staff-other').get('?limit=100')).text()).not.toContain(pledgeId);
    });

    it('has one export, the audited one: GET /v1/pledges/export is 404 for everyone, GET /v1/exports/pledges writes its audit entry', async () => {
      for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'admin-demo'] as const) {
        const res = await as(who).get('/export');
        expect(res.status, who).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await res.text()).not.toContain(pledgeId);
      }
      const exportsAudited = async () => (await t.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.ids.demo.tenantId), eq(auditLog.action, 'records.export'), eq(auditLog.objectType, 'pledges'))).all()).length;
      const before = (await exportsAudited());
      const exported = await as('staff-eng').exportCsv();
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain(pledgeId);
      expect((await exportsAudited())).toBe(before + 1);
      expect((await as('student-ines').exportCsv()).status).toBe(403);
      expect((await exportsAudited())).toBe(before + 1);
    });

    it('refuses sorting or filtering by amount where amounts are hidden, with a reason', async () => {
      for (const q of ['?sort=-amount', '?minAmountCents=70000000', `?sort=amount&entityId=${t.ids.demo.entities.management}`]) {
        const res = await as('staff-eng').get(q);
        expect(res.status, q).toBe(403);
        expect(((await res.json()) as { detail: string }).detail).toContain('amount');
      }
      expect((await as('staff-eng').get(`?sort=-amount&entityId=${t.ids.demo.entities.engineering}`)).status).toBe(200);
      const sorted = (await (await as('staff-mgmt').get(`?sort=-amount&entityId=${t.ids.demo.entities.management}`)).json()) as { items: Pledge[] };
      expect(sorted.items[0]?.id).toBeDefined();
      expect((await as('admin-demo').get('?sort=-amount&minAmountCents=1')).status).toBe(200);
    });

    it('hides the amount of a verb refused to staff of another entity', async () => {
      const res = await as('staff-eng').post(`/${pledgeId}/receive`, {});
      expect(res.status).toBe(403);
      expectNoAmount(await res.text());
    });
  });

  describe('lists', () => {
    it('pages with a cursor and no duplicates', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await as('admin-demo').get(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: Pledge[]; nextCursor: string | null };
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe((await t.db.select().from(pledges).where(eq(pledges.tenantId, t.ids.demo.tenantId)).all()).length);
    });
  });

  describe('transfer report import', () => {
    it('marks received the matching pledges, reports the others by line', async () => {
      // Paid by another establishment of Acme: the one open pledge of that SIRET (transfers.test.ts: several).
      const created = (await (await as('rep-acme').create(tax({ estimatedAmountCents: 123400, employerSiret: '81234567600025' }))).json()) as Pledge;
      const csv = [
        'SIRET;UAI;Montant;Date',
        '812 345 676 00025;0754321P;1 180,50;15/06/2026',
        '81234567600017;0691234S;999,00;2026-06-15', // École de management: not staff-eng's
        '52345678800026;0754321P;10;2026-06-15', // Globex pledged nothing
        'not-a-siret;0754321P;10;2026-06-15',
      ].join('\n');
      const res = await as('staff-eng').post('/import', { csv });
      expect(res.status).toBe(200);
      const report = (await res.json()) as { received: number; lines: { line: number; outcome: string; pledgeId?: string }[] };
      expect(report.received).toBe(1);
      expect(report.lines.map((l) => l.outcome)).toEqual(['received', 'outOfScope', 'unmatched', 'invalid']);
      const row = t.db.select().from(pledges).where(eq(pledges.id, report.lines[0]!.pledgeId!)).get();
      expect((await row)).toMatchObject({ status: 'received', receivedCents: 118050, receivedOn: '2026-06-15' });
      expect(report.lines[0]?.pledgeId).toBeDefined();
      void created;
      // Importing the same report again changes nothing.
      const again = (await (await as('staff-eng').post('/import', { csv })).json()) as { received: number };
      expect(again.received).toBe(0);
    });

    it('says why a line is invalid by code, worded in the reader’s language', async () => {
      const csv = ['SIRET;UAI;Montant;Date', 'not-a-siret;0754321P;10;2026-06-15', '81234567600017;0754321P;dix;2026-06-15'].join('\n');
      const linesIn = async (language: string) =>
        ((await (await as('staff-eng').post('/import', { csv }, { 'accept-language': language })).json()) as { lines: Record<string, unknown>[] }).lines;
      expect(await linesIn('fr')).toEqual([
        { line: 2, outcome: 'invalid', code: 'pledge.report.line.siret', params: {}, message: 'Le SIRET n’est pas valide.' },
        { line: 3, outcome: 'invalid', code: 'pledge.report.line.amount', params: {}, message: 'Le montant n’est pas un montant positif en euros, comme 1234,56.' },
      ]);
      expect((await linesIn('en-GB,en;q=0.9')).map((l) => l.message)).toEqual(['The SIRET is not valid.', 'The amount is not a positive amount in euros, such as 1234,56.']);
    });

    it('is for staff and admins only, and needs the columns', async () => {
      expect((await as('rep-acme').post('/import', { csv: 'SIRET;UAI;Montant;Date\n' })).status).toBe(403);
      const res = await as('staff-eng').post('/import', { csv: 'a;b\n1;2' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('missing');
    });
  });

  describe('demo seed', () => {
    it('adds its two pledges once, however often it runs', async () => {
      const count = async () => (await t.db.select().from(pledges).where(eq(pledges.tenantId, t.ids.demo.tenantId)).all()).length;
      const before = count();
      await seedDemo(t.db, {}, t.clock.now());
      await seedDemo(t.db, {}, t.clock.now());
      expect((await count())).toBe((await before));
    });
  });

  describe('parameters', () => {
    it('gives the rules in force, the campaign calendar and the beneficiaries with their UAI', async () => {
      const res = await as('rep-acme').get('/parameters');
      expect(res.status).toBe(200);
      const p = (await res.json()) as PledgeParameters;
      expect(p.taxReduction.individual.ratePercent).toBe(66);
      expect(p.campaign).toEqual({ year: 2026, published: false });
      expect(p.campaigns.map((c) => c.year)).toEqual([2026, 2025, 2024]);
      expect(p.beneficiaries.find((b) => b.id === t.ids.demo.entities.engineering)?.uai).toBe('0754321P');
    });

    it('gives each school its SIRET next to its UAI, to copy into SOLTéA; entities without one say null', async () => {
      const res = await as('rep-acme').get('/parameters');
      const p = (await res.json()) as PledgeParameters;
      const of = (id: string) => p.beneficiaries.find((b) => b.id === id);
      expect(of(t.ids.demo.entities.engineering)).toMatchObject({ uai: '0754321P', siret: '19753471200017' });
      expect(of(t.ids.demo.entities.management)).toMatchObject({ uai: '0691234S', siret: '19753471200025' });
      for (const b of p.beneficiaries.filter((x) => x.siret !== null)) expect(isValidSiret(b.siret!), b.name).toBe(true);
      expect(of(t.ids.demo.entities.foundation)?.siret).toBeNull();
    });

    it('a tax pledge names the school’s SIRET with its UAI', async () => {
      const res = await as('rep-acme').create(tax({ entityId: t.ids.demo.entities.management }));
      expect(res.status).toBe(201);
      const body = (await res.json()) as Pledge;
      expect(body.beneficiary).toMatchObject({ entityId: t.ids.demo.entities.management, uai: '0691234S', siret: '19753471200025' });
      const read = (await (await as('rep-acme').get(`/${body.id}`)).json()) as Pledge;
      expect(read.beneficiary.siret).toBe('19753471200025');
    });

    it('answers a new pledge as reading it back does: beneficiary, company, ETag (named from the checks’ lookups, not read back)', async () => {
      for (const body of [
        gift({ donor: { kind: 'company', companyId: t.ids.demo.companies.acme, address }, designation: { kind: 'entity', entityId: t.ids.demo.entities.engineering } }),
        tax({ entityId: t.ids.demo.entities.management }),
      ]) {
        const created = await as('rep-acme').create(body);
        expect(created.status).toBe(201);
        const answer = (await created.json()) as Pledge;
        const read = await as('rep-acme').get(`/${answer.id}`);
        expect(answer).toEqual(await read.json());
        expect(created.headers.get('etag')).toBe(read.headers.get('etag'));
      }
    });

    it('re-seeding an older database gives the schools their SIRET, and never overwrites one', async () => {
      const siretOf = async (id: string) => (await t.db.select({ siret: entities.siret }).from(entities).where(eq(entities.id, id)).get())?.siret;
      await t.db.update(entities).set({ siret: null }).where(eq(entities.id, t.ids.demo.entities.engineering)).run();
      await t.db.update(entities).set({ siret: '19753471200033' }).where(eq(entities.id, t.ids.demo.entities.management)).run();
      await seedDemo(t.db, {}, t.clock.now());
      expect((await siretOf(t.ids.demo.entities.engineering))).toBe('19753471200017');
      expect((await siretOf(t.ids.demo.entities.management))).toBe('19753471200033');
      await t.db.update(entities).set({ siret: '19753471200025' }).where(eq(entities.id, t.ids.demo.entities.management)).run();
    });
  });
});
