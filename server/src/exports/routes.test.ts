import { beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../consents/testing.ts';
import { and, eq } from 'drizzle-orm';
import type { Offer, PersonExport, Pledge } from '@passerelle/schema';
import { testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, memberships, offers, people, profiles } from '../db/tables/index.ts';
import { insertOffer, insertOfferTarget } from '../offers/queries/offers.ts';
import { readCsv } from '../csv/parse.ts';
import { withTransaction } from '../db/transaction.ts';

/** A tax pledge to École de management whose digits must never reach staff of École d'ingénieurs. */
const AMOUNT = 61_827_394;

describe('/v1/exports', () => {
  let t: TestApp;
  const tokens = {} as Record<DemoSubject, string>;
  let mgmtOfferId: string;

  beforeAll(async () => {
    t = testApp();
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'staff-mgmt', 'admin-demo', 'staff-other', 'admin-other'] as const) tokens[who] = await t.signIn(who);
    // Profiles are created on first read.
    for (const who of ['student-ines', 'alumna-claire'] as const) expect((await t.call('GET', '/v1/profiles/me', { token: tokens[who] })).status).toBe(200);
    const pledge = await t.call('POST', '/v1/pledges', {
      token: tokens['rep-acme'],
      headers: { 'idempotency-key': 'exports-test-tax' },
      body: {
        kind: 'apprenticeship_tax',
        companyId: t.ids.demo.companies.acme,
        entityId: t.ids.demo.entities.management,
        sharePercent: 40,
        estimatedAmountCents: AMOUNT,
        campaignYear: 2026,
        contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
        viaAccountant: false,
      },
    });
    expect(pledge.status).toBe(201);
    const at = t.clock.now().toISOString();
    mgmtOfferId = await insertOffer(t.db, {
      tenantId: t.ids.demo.tenantId,
      companyId: t.ids.demo.companies.globex,
      authorId: t.ids.demo.people['staff-mgmt'],
      title: 'Alternance — contrôle de gestion',
      kind: 'apprenticeship',
      status: 'published',
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    });
    await insertOfferTarget(t.db, { tenantId: t.ids.demo.tenantId, offerId: mgmtOfferId, entityId: t.ids.demo.entities.management });
  });

  const get = (who: DemoSubject, path: string) => t.call('GET', `/v1/exports${path}`, { token: tokens[who] });
  const csvOf = async (res: Response) => {
    expect(res.status).toBe(200);
    const file = readCsv(new Uint8Array(await res.arrayBuffer()));
    const columns = file.header?.cells ?? [];
    return { file, columns, rows: file.records.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.cells[i] ?? '']))) };
  };
  const jsonOf = async <T>(res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return (JSON.parse(await res.text()) as { items: T[] }).items;
  };
  const claire = () => t.ids.demo.people['alumna-claire'];
  const ines = () => t.ids.demo.people['student-ines'];

  describe('CSV for a French Excel', () => {
    it('starts with the BOM, separates with ; and ends lines with CRLF, as an attachment', async () => {
      const res = await get('admin-demo', '/people');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="people-2026-03-02.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // ignoreBOM: keep the mark in the text instead of consuming it.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text).toMatch(/^\uFEFFid;external_id;display_name;given_name;family_name;/);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
    });

    it('quotes a cell holding ; or quotes, and neutralises what Excel would run as a formula', async () => {
      await t.db.update(profiles).set({ jobTitle: '=HYPERLINK("http://evil.test";"Voir")' }).where(eq(profiles.personId, claire())).run();
      const res = await get('staff-mgmt', '/people');
      const text = await res.clone().text();
      expect(text).toContain(`;"'=HYPERLINK(""http://evil.test"";""Voir"")";`);
      const { file, rows } = await csvOf(res);
      expect(file.delimiter).toBe(';');
      expect(rows.find((r) => r.id === claire())?.job_title).toBe(`'=HYPERLINK("http://evil.test";"Voir")`);
    });
  });

  describe('people', () => {
    it('staff export the members of their own entities only', async () => {
      const eng = (await csvOf(await get('staff-eng', '/people'))).rows.map((r) => r.id);
      expect(eng).toContain(ines());
      expect(eng).not.toContain(claire());
      const mgmt = (await csvOf(await get('staff-mgmt', '/people'))).rows.map((r) => r.id);
      expect(mgmt).toContain(claire());
      expect(mgmt).not.toContain(ines());
    });

    it('administrators export the whole tenant, and never another tenant', async () => {
      const ids = (await jsonOf<PersonExport>(await get('admin-demo', '/people?format=json'))).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([ines(), claire(), t.ids.demo.people['rep-acme']]));
      for (const other of Object.values(t.ids.other.people)) expect(ids).not.toContain(other);
      const text = await (await get('admin-other', '/people')).text();
      for (const mine of Object.values(t.ids.demo.people)) expect(text).not.toContain(mine);
    });

    it('JSON: the staff view of the profile, memberships, consents per purpose and channel, the cap', async () => {
      const res = await get('staff-mgmt', '/people?format=json');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="people-2026-03-02.json"');
      const person = (await jsonOf<PersonExport>(res)).find((p) => p.id === claire());
      expect(person).toMatchObject({
        email: 'claire.dubois@alumni.demo.test',
        memberships: expect.arrayContaining([{ role: 'alumnus', entityId: t.ids.demo.entities.management, entityName: 'École de management' }]),
        profile: { familyName: 'Dubois' },
        consents: { events: { email: false, sms: false }, fundraising: { email: true, post: true } },
        solicitationCapPerMonth: 4,
      });
    });

    it('consent columns and the cap reflect a choice the person just made', async () => {
      expect((await t.call('PUT', '/v1/consents/events', { token: tokens['alumna-claire'], body: { channels: { email: true }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
      expect((await t.call('PUT', '/v1/consents/fundraising', { token: tokens['alumna-claire'], body: { channels: { post: false }, version: (await versionOf(t, 'fundraising')) } })).status).toBe(200);
      expect((await t.call('PUT', '/v1/consents/solicitation-cap', { token: tokens['alumna-claire'], body: { perMonth: 2 } })).status).toBe(200);
      const { columns, rows } = await csvOf(await get('staff-mgmt', '/people'));
      expect(columns).toEqual(expect.arrayContaining(['consent_events_email', 'consent_events_sms', 'consent_fundraising_email', 'consent_fundraising_post']));
      expect(columns.slice(-2)).toEqual(['solicitation_cap_per_month', 'solicitation_remaining_this_month']);
      expect(rows.find((r) => r.id === claire())).toMatchObject({
        consent_events_email: 'yes',
        consent_events_sms: 'no',
        consent_fundraising_email: 'yes',
        consent_fundraising_post: 'no',
        solicitation_cap_per_month: '2',
        solicitation_remaining_this_month: '2',
      });
    });

    it('filters by graduation year and by an entity the reader covers', async () => {
      const year = (await t.db.select({ y: profiles.graduationYear }).from(profiles).where(eq(profiles.personId, claire())).get())?.y;
      expect(year).toBeTypeOf('number');
      const same = (await csvOf(await get('admin-demo', `/people?graduationYear=${year}`))).rows.map((r) => r.id);
      expect(same).toContain(claire());
      expect((await csvOf(await get('admin-demo', `/people?graduationYear=${Number(year) + 1}`))).rows.map((r) => r.id)).not.toContain(claire());
      const eng = (await csvOf(await get('admin-demo', `/people?entityId=${t.ids.demo.entities.engineering}`))).rows.map((r) => r.id);
      expect(eng).toContain(ines());
      expect(eng).not.toContain(claire());
    });

    it('leaves erased people out', async () => {
      const before = (await csvOf(await get('admin-demo', '/people'))).rows.length;
      const ghost = (await t.db.insert(people).values({ tenantId: t.ids.demo.tenantId, email: null, displayName: null, createdAt: t.clock.now().toISOString() }).returning().get());
      const rows = (await csvOf(await get('admin-demo', '/people'))).rows;
      expect(rows).toHaveLength(before);
      expect(rows.map((r) => r.id)).not.toContain(ghost.id);
    });
  });

  describe('who may export', () => {
    it.each(['student-ines', 'alumna-claire', 'rep-acme'] as const)('%s gets 403 with the policy’s sentence', async (who) => {
      for (const what of ['people', 'offers', 'pledges']) {
        const res = await get(who, `/${what}`);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { detail: string }).detail).toBe(
          'Only staff, for their own entities, and administrators can export people, offers and pledges. Ask your school’s office for the list you need.',
        );
      }
    });

    it('staff naming an entity they do not cover get 403; an unknown parameter is 400', async () => {
      expect((await get('staff-eng', `/people?entityId=${t.ids.demo.entities.management}`)).status).toBe(403);
      expect((await get('staff-eng', `/pledges?entityId=${t.ids.demo.entities.management}`)).status).toBe(403);
      expect((await get('staff-eng', '/people?format=xlsx')).status).toBe(400);
      expect((await get('staff-eng', '/people?sort=name')).status).toBe(400);
      expect((await t.call('GET', '/v1/exports/people')).status).toBe(401);
    });

    it('writes one audit entry per export, with the filters and the row count', async () => {
      const where = and(eq(auditLog.action, 'records.export'), eq(auditLog.actorId, t.ids.demo.people['staff-eng']), eq(auditLog.objectType, 'offers'));
      const before = (await t.db.select().from(auditLog).where(where).all()).length;
      const items = await jsonOf<Offer>(await get('staff-eng', '/offers?format=json&status=published'));
      const entries = (await t.db.select().from(auditLog).where(where).all());
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)).toMatchObject({ entityIds: [t.ids.demo.entities.engineering], detail: { format: 'json', filters: { status: 'published' }, rows: items.length } });
    });
  });

  describe('offers', () => {
    it('staff get the offers aimed at their entities, in every state', async () => {
      const eng = await jsonOf<Offer>(await get('staff-eng', '/offers?format=json'));
      expect(eng.map((o) => o.status).sort()).toEqual(['published', 'submitted']);
      expect(eng.map((o) => o.id)).not.toContain(mgmtOfferId);
      const { rows } = await csvOf(await get('staff-mgmt', '/offers'));
      expect(rows.map((r) => r.id)).toEqual([mgmtOfferId]);
      expect(rows[0]).toMatchObject({ title: 'Alternance — contrôle de gestion', company: 'Globex Conseil', targets: 'École de management', status: 'published' });
    });

    it('the status filter speaks of the status readers see: expired once past the expiry date', async () => {
      await t.db.update(offers).set({ expiresOn: '2026-01-01' }).where(eq(offers.id, mgmtOfferId)).run();
      expect((await csvOf(await get('admin-demo', '/offers?status=published'))).rows.map((r) => r.id)).not.toContain(mgmtOfferId);
      const expired = (await csvOf(await get('admin-demo', '/offers?status=expired'))).rows;
      expect(expired.map((r) => r.id)).toEqual([mgmtOfferId]);
      expect(expired[0]?.status).toBe('expired');
      await t.db.update(offers).set({ expiresOn: null }).where(eq(offers.id, mgmtOfferId)).run();
    });
  });

  describe('pledges', () => {
    const digits = [String(AMOUNT), '618273.94', '618273,94', '618 273', '618\u202f273', '618,273'];

    it('staff of École d’ingénieurs export École de management’s tax pledge without its amount', async () => {
      for (const format of ['csv', 'json']) {
        const text = await (await get('staff-eng', `/pledges?format=${format}`)).text();
        expect(text).toContain('École de management');
        for (const d of digits) expect(text).not.toContain(d);
      }
      const items = await jsonOf<Pledge>(await get('staff-eng', '/pledges?format=json&kind=apprenticeship_tax'));
      const mgmt = items.find((p) => p.beneficiary.entityId === t.ids.demo.entities.management);
      expect(mgmt).toBeDefined();
      for (const field of ['estimatedAmountCents', 'sharePercent', 'contact', 'currency']) expect(mgmt).not.toHaveProperty(field);
    });

    it('staff of École de management and administrators get the amount', async () => {
      for (const who of ['staff-mgmt', 'admin-demo'] as const) {
        const { rows } = await csvOf(await get(who, '/pledges?kind=apprenticeship_tax&campaignYear=2026'));
        expect(rows.find((r) => r.beneficiary === 'École de management' && r.company === 'Acme Robotique' && r.share_percent === '40')?.estimated_amount_cents).toBe(String(AMOUNT));
      }
    });

    it('mirrors the list: what GET /v1/pledges shows, nothing more', async () => {
      for (const who of ['staff-eng', 'staff-mgmt', 'admin-demo'] as const) {
        const list = (await (await t.call('GET', '/v1/pledges?limit=100', { token: tokens[who] })).json()) as { items: Pledge[] };
        const exported = await jsonOf<Pledge>(await get(who, '/pledges?format=json'));
        expect(exported.map((p) => p.id).sort()).toEqual(list.items.map((p) => p.id).sort());
      }
    });

    it('another tenant’s staff see none of it', async () => {
      const text = await (await get('staff-other', '/pledges?format=json')).text();
      expect(JSON.parse(text)).toEqual({ items: [] });
    });
  });
});

describe('/v1/exports over several batches', () => {
  it('every member exactly once across batch boundaries (2,345 alumni, batches of 1,000)', async () => {
    const t = testApp();
    const at = t.clock.now().toISOString();
    const { tenantId, entities } = t.ids.demo;
    await withTransaction(t, async (tx) => {
      for (let i = 0; i < 2345; i++) {
        const person = (await tx.insert(people).values({ tenantId, email: `alum${i}@alumni.demo.test`, displayName: `Alum ${i}`, createdAt: at }).returning({ id: people.id }).get());
        (await tx.insert(memberships).values({ tenantId, personId: person.id, role: 'alumnus', entityId: entities.engineering, createdAt: at }).run());
      }
    });
    const res = await t.call('GET', '/v1/exports/people', { token: await t.signIn('staff-eng') });
    const file = readCsv(new Uint8Array(await res.arrayBuffer()));
    const ids = file.records.map((r) => r.cells[0]);
    // The 2,345 alumni, Inès and the staff member herself.
    expect(ids).toHaveLength(2347);
    expect(new Set(ids).size).toBe(2347);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'records.export')).all()).at(-1)?.detail).toMatchObject({ rows: 2347 });
  });
});
