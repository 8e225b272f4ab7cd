import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { passesLuhn } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { companies, companyRequests, memberships, people } from '../db/tables/index.ts';

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const names = async (res: Response) => ((await json(res)).items as { name: string }[]).map((c) => c.name);

/** A recruiter signed in by email: a person without any membership. */
async function signInByEmail(t: TestApp, email: string): Promise<string> {
  await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email } });
  const code = t.mail.filter((m) => m.to === email).at(-1)?.subject.match(/(\d{6})$/)?.[1];
  const res = await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email, code } });
  if (res.status !== 200) throw new Error(`email sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A 14-digit SIRET passing Luhn, from 13 leading digits. */
function siret(lead13: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(lead13 + d)) return lead13 + d;
  throw new Error('unreachable');
}

const newCompany = { name: 'Société Générale Ingénierie', siret: '55212022200013' };

describe('POST /v1/companies (create)', () => {
  for (const who of ['student-ines', 'alumna-claire'] as const) {
    it(`refuses a ${who.split('-')[0]} with 403 saying who can add one and what to do, and adds nothing`, async () => {
      const t = testApp();
      const before = (await t.db.select().from(companies).all()).length;
      const res = await t.call('POST', '/v1/companies', { token: await t.signIn(who), body: newCompany });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await json(res)).detail).toBe('Only careers-office staff and administrators can add a company. Ask your careers office to add it, then post your offer for it.');
      expect((await t.db.select().from(companies).all())).toHaveLength(before);
      expect((await t.db.select().from(companies).where(eq(companies.siret, newCompany.siret)).get())).toBeUndefined();
    });
  }

  it('refuses a representative with 403 pointing at the request path', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/companies', { token: await t.signIn('rep-acme'), body: newCompany });
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toMatch(/Only careers-office staff and administrators can add a company directly\. Request it instead/);
    expect((await t.db.select().from(companies).where(eq(companies.siret, newCompany.siret)).get())).toBeUndefined();
  });

  for (const who of ['staff-eng', 'admin-demo'] as const) {
    it(`lets ${who} add an active company (201, Location)`, async () => {
      const t = testApp();
      const res = await t.call('POST', '/v1/companies', { token: await t.signIn(who), body: newCompany });
      expect(res.status).toBe(201);
      const body = await json(res);
      expect(res.headers.get('location')).toBe(`/v1/companies/${body.id}`);
      expect(body).toMatchObject({ name: newCompany.name, siret: newCompany.siret, siren: '552120222', status: 'active' });
      expect((await t.db.select().from(companies).where(eq(companies.id, body.id as string)).get())?.status).toBe('active');
    });
  }

  it('refuses an invalid SIRET (Luhn) with 400 on the field', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/companies', { token: await t.signIn('staff-eng'), body: { name: 'X', siret: '55212022200014' } });
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([{ path: 'siret', code: 'validation.siret', params: {}, message: 'A SIRET is 14 digits with a valid check digit (Luhn).' }]);
  });

  it('answers a duplicate SIRET with 409 pointing at the existing company', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/companies', { token: await t.signIn('staff-eng'), body: { name: 'Acme bis', siret: '812 345 676 00017' } });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ existingId: t.ids.demo.companies.acme, existing: `/v1/companies/${t.ids.demo.companies.acme}`, detail: 'A company with this SIRET already exists: Acme Robotique.' });
  });

  it('allows the same SIRET in another tenant (unique per tenant)', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/companies', { token: await t.signIn('admin-other'), body: { name: 'Acme ailleurs', siret: '81234567600017' } });
    expect(res.status).toBe(201);
  });
});

describe('GET /v1/companies?q= (typeahead)', () => {
  async function withSchools(t: TestApp) {
    const token = await t.signIn('staff-eng');
    for (const [name, number] of [
      ["École Supérieure d'Électronique", siret('1111111110001')],
      ['Ecolab France', siret('2222222220001')],
      ['Les Écoles Réunies', siret('3333333330001')],
      ['Tecolor', siret('4444444440001')],
    ] as const) {
      const res = await t.call('POST', '/v1/companies', { token, body: { name, siret: number } });
      expect(res.status).toBe(201);
    }
    return token;
  }

  it('finds "École" and "ecole" alike, by word start, ranked', async () => {
    const t = testApp();
    const token = await withSchools(t);
    const accented = await names(await t.call('GET', `/v1/companies?q=${encodeURIComponent('École')}`, { token }));
    const plain = await names(await t.call('GET', '/v1/companies?q=ECOLE', { token }));
    expect(accented).toEqual(plain);
    // Ranked: a name that starts with the word first.
    expect(accented).toEqual(["École Supérieure d'Électronique", 'Les Écoles Réunies']);
    expect(accented).toContain("École Supérieure d'Électronique");
    expect(accented).toContain('Les Écoles Réunies');
    expect(accented).not.toContain('Tecolor');
    expect(await names(await t.call('GET', '/v1/companies?q=eco', { token }))).toEqual(expect.arrayContaining(['Ecolab France', "École Supérieure d'Électronique", 'Les Écoles Réunies']));
    expect(await names(await t.call('GET', `/v1/companies?q=${encodeURIComponent('ecole elec')}`, { token }))).toEqual(["École Supérieure d'Électronique"]);
  });

  it('finds by SIRET and SIREN prefixes, with or without spaces', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    expect(await names(await t.call('GET', '/v1/companies?q=81234567600017', { token }))).toEqual(['Acme Robotique']);
    expect(await names(await t.call('GET', '/v1/companies?q=812345676', { token }))).toEqual(['Acme Robotique']);
    expect(await names(await t.call('GET', `/v1/companies?q=${encodeURIComponent('523 456')}`, { token }))).toEqual(['Globex Conseil']);
  });

  it('ignores FTS syntax in what is typed', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    for (const q of ['"', 'acme"*', 'NEAR(a b)', 'name:acme', '*', '-', 'a OR b']) {
      expect((await t.call('GET', `/v1/companies?q=${encodeURIComponent(q)}`, { token })).status).toBe(200);
    }
    expect(await names(await t.call('GET', `/v1/companies?q=${encodeURIComponent('acme"*')}`, { token }))).toEqual(['Acme Robotique']);
  });

  it('finds a renamed company by its new name only', async () => {
    const t = testApp();
    await t.db.update(companies).set({ name: 'Acme Automates' }).where(eq(companies.id, t.ids.demo.companies.acme)).run();
    const token = await t.signIn('student-ines');
    expect(await names(await t.call('GET', '/v1/companies?q=automa', { token }))).toEqual(['Acme Automates']);
    expect(await names(await t.call('GET', '/v1/companies?q=robot', { token }))).toEqual([]);
  });

  it('lists only active companies; pending ones only for staff who ask', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'rh@nouvelle-ecole.fr');
    expect((await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { company: { name: 'Nouvelle École', siret: '55212022200013' } } })).status).toBe(201);
    const student = await t.signIn('student-ines');
    expect(await names(await t.call('GET', '/v1/companies?q=nouvelle', { token: student }))).toEqual([]);
    expect((await t.call('GET', '/v1/companies?q=nouvelle&status=pending', { token: student })).status).toBe(403);
    const staff = await t.signIn('staff-mgmt');
    expect(await names(await t.call('GET', '/v1/companies?q=nouvelle&status=pending', { token: staff }))).toEqual(['Nouvelle École']);
  });

  it('never shows another tenant’s companies', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    expect(await names(await t.call('GET', '/v1/companies?q=umbrella', { token }))).toEqual([]);
    expect(await names(await t.call('GET', '/v1/companies?q=44556677', { token }))).toEqual([]);
  });

  it('pages the directory by name without q', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const first = await json(await t.call('GET', '/v1/companies?limit=2', { token }));
    expect((first.items as { name: string }[]).map((c) => c.name)).toEqual(['Acme Robotique', 'Globex Conseil']);
    const second = await json(await t.call('GET', `/v1/companies?limit=2&cursor=${first.nextCursor}`, { token }));
    expect((second.items as { name: string }[]).map((c) => c.name)).toEqual(['Initech Logiciels']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('GET /v1/companies/:id', () => {
  it('is 404 for another tenant’s company', async () => {
    const t = testApp();
    const res = await t.call('GET', `/v1/companies/${t.ids.other.companies.umbrella}`, { token: await t.signIn('admin-demo') });
    expect(res.status).toBe(404);
  });

  it('answers with an ETag', async () => {
    const t = testApp();
    const res = await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}`, { token: await t.signIn('student-ines') });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
  });
});

describe('PATCH /v1/companies/:id', () => {
  async function etagOf(t: TestApp, token: string, id: string) {
    return (await t.call('GET', `/v1/companies/${id}`, { token })).headers.get('etag')!;
  }

  it('lets the representative edit their own company with If-Match', async () => {
    const t = testApp();
    const token = await t.signIn('rep-acme');
    const acme = t.ids.demo.companies.acme;
    const etag = await etagOf(t, token, acme);
    const res = await t.call('PATCH', `/v1/companies/${acme}`, { token, body: { website: 'https://acme.example.fr' }, headers: { 'if-match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect((await t.db.select().from(companies).where(eq(companies.id, acme)).get())?.website).toBe('https://acme.example.fr');
    const stale = await t.call('PATCH', `/v1/companies/${acme}`, { token, body: { name: 'Acme SA' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect((await t.db.select().from(companies).where(eq(companies.id, acme)).get())?.name).toBe('Acme Robotique');
    expect((await t.call('PATCH', `/v1/companies/${acme}`, { token, body: { name: 'Acme SA' } })).status).toBe(428);
  });

  it('refuses the representative of Acme on Globex with 403, and a student anywhere', async () => {
    const t = testApp();
    const globex = t.ids.demo.companies.globex;
    for (const who of ['rep-acme', 'student-ines', 'alumna-claire'] as const) {
      const token = await t.signIn(who);
      const res = await t.call('PATCH', `/v1/companies/${globex}`, { token, body: { name: 'Hacked' }, headers: { 'if-match': await etagOf(t, token, globex) } });
      expect(res.status).toBe(403);
      expect((await json(res)).detail).toMatch(/Only the company’s representatives, staff and administrators can edit a company/);
    }
    expect((await t.db.select().from(companies).where(eq(companies.id, globex)).get())?.name).toBe('Globex Conseil');
  });

  it('lets staff edit any company, and is 404 across tenants', async () => {
    const t = testApp();
    const token = await t.signIn('staff-mgmt');
    const globex = t.ids.demo.companies.globex;
    expect((await t.call('PATCH', `/v1/companies/${globex}`, { token, body: { name: 'Globex SAS' }, headers: { 'if-match': await etagOf(t, token, globex) } })).status).toBe(200);
    expect((await t.call('PATCH', `/v1/companies/${t.ids.other.companies.umbrella}`, { token, body: { name: 'X' }, headers: { 'if-match': '"x"' } })).status).toBe(404);
  });
});

describe('recruiter onboarding (/v1/companies/requests)', () => {
  it('a recruiter signed in by email asks to represent Acme; staff see the domain hint and approve', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'anne@acme-robotique.fr');
    const ask = await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.acme, message: 'Je suis RH.' } });
    expect(ask.status).toBe(201);
    const request = await json(ask);
    expect(ask.headers.get('location')).toBe(`/v1/companies/requests/${request.id}`);
    expect((await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.acme } })).status).toBe(409);

    // Before approval the recruiter cannot post for Acme… nor see the queue.
    const early = await t.call('POST', '/v1/offers', {
      token: recruiter,
      body: { companyId: t.ids.demo.companies.acme, title: 'Trop tôt', kind: 'internship', targetEntityIds: [t.ids.demo.entities.engineering] },
      headers: { 'idempotency-key': 'rep-0' },
    });
    expect(early.status).toBe(403);
    expect((await json(early)).detail).toMatch(/as the representative of that company/);
    expect((await t.call('GET', '/v1/companies/requests', { token: recruiter })).status).toBe(403);

    const staff = await t.signIn('staff-eng');
    const queue = await json(await t.call('GET', '/v1/companies/requests', { token: staff }));
    expect(queue.items).toEqual([expect.objectContaining({ id: request.id, kind: 'represent', emailMatchesWebsite: true, person: expect.objectContaining({ email: 'anne@acme-robotique.fr' }) })]);

    const approve = await t.call('POST', `/v1/companies/requests/${request.id}/approve`, { token: staff });
    expect(approve.status).toBe(200);
    const person = (await t.db.select().from(people).where(eq(people.email, 'anne@acme-robotique.fr')).get())!;
    expect((await t.db.select().from(memberships).where(and(eq(memberships.personId, person.id), eq(memberships.role, 'company_rep'))).all())).toEqual([
      expect.objectContaining({ companyId: t.ids.demo.companies.acme }),
    ]);
    expect((await t.call('POST', `/v1/companies/requests/${request.id}/approve`, { token: staff })).status).toBe(409);
    const me = await json(await t.call('GET', '/v1/me', { token: recruiter }));
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'company_rep', companyName: 'Acme Robotique' })]);
    // Now a representative: posts offers for Acme (moderated), not for Globex.
    const offer = {
      companyId: t.ids.demo.companies.acme,
      title: 'Alternance maintenance',
      kind: 'apprenticeship',
      targetEntityIds: [t.ids.demo.entities.engineering],
    };
    const posted = await t.call('POST', '/v1/offers', { token: recruiter, body: offer, headers: { 'idempotency-key': 'rep-1' } });
    expect(posted.status).toBe(201);
    const other = await t.call('POST', '/v1/offers', { token: recruiter, body: { ...offer, companyId: t.ids.demo.companies.globex }, headers: { 'idempotency-key': 'rep-2' } });
    expect(other.status).toBe(403);
  });

  it('no domain hint for a free-mail address', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'someone@gmail.com');
    await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.acme } });
    const queue = await json(await t.call('GET', '/v1/companies/requests', { token: await t.signIn('admin-demo') }));
    expect(queue.items).toEqual([expect.objectContaining({ emailMatchesWebsite: false })]);
  });

  it('a new company stays pending until approved, which activates it', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'rh@nouvelle-ecole.fr');
    const ask = await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { company: { name: 'Nouvelle École', siret: '55212022200013', website: 'https://www.nouvelle-ecole.fr' } } });
    expect(ask.status).toBe(201);
    const request = await json(ask);
    expect(request).toMatchObject({ kind: 'create', status: 'pending', emailMatchesWebsite: true, company: { status: 'pending' } });
    const companyId = (request.company as { id: string }).id;
    // The requester sees their pending company; a student does not.
    expect((await t.call('GET', `/v1/companies/${companyId}`, { token: recruiter })).status).toBe(200);
    expect((await t.call('GET', `/v1/companies/${companyId}`, { token: await t.signIn('student-ines') })).status).toBe(404);
    const staff = await t.signIn('staff-eng');
    expect((await t.call('POST', `/v1/companies/requests/${request.id}/approve`, { token: staff })).status).toBe(200);
    expect((await t.db.select().from(companies).where(eq(companies.id, companyId)).get())?.status).toBe('active');
  });

  it('a duplicate SIRET in a request is 409 pointing at the existing company', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'x@acme-robotique.fr');
    const res = await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { company: { name: 'Acme', siret: '81234567600017' } } });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ existingId: t.ids.demo.companies.acme });
  });

  it('staff refuse with a reason the requester reads; the pending company is refused', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'rh@fake.example');
    const request = await json(await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { company: { name: 'Fake Co', siret: '55212022200013' } } }));
    const staff = await t.signIn('staff-eng');
    expect((await t.call('POST', `/v1/companies/requests/${request.id}/refuse`, { token: staff, body: {} })).status).toBe(400);
    const res = await t.call('POST', `/v1/companies/requests/${request.id}/refuse`, { token: staff, body: { reason: 'SIRET belongs to another company.' } });
    expect(res.status).toBe(200);
    const mine = await json(await t.call('GET', '/v1/companies/requests?mine=true', { token: recruiter }));
    expect(mine.items).toEqual([expect.objectContaining({ status: 'refused', reason: 'SIRET belongs to another company.' })]);
    expect((await t.db.select().from(companies).where(eq(companies.id, (request.company as { id: string }).id)).get())?.status).toBe('refused');
    expect((await t.db.select().from(companyRequests).all())).toHaveLength(1);
  });

  it('only staff and admin approve; another tenant’s request is 404', async () => {
    const t = testApp();
    const recruiter = await signInByEmail(t, 'anne@acme-robotique.fr');
    const request = await json(await t.call('POST', '/v1/companies/requests', { token: recruiter, body: { companyId: t.ids.demo.companies.acme } }));
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme'] as const) {
      const res = await t.call('POST', `/v1/companies/requests/${request.id}/approve`, { token: await t.signIn(who) });
      expect(res.status).toBe(403);
      expect((await json(res)).detail).toMatch(/Only staff and administrators can verify companies/);
    }
    expect((await t.call('POST', `/v1/companies/requests/${request.id}/approve`, { token: await t.signIn('admin-other') })).status).toBe(404);
    expect((await t.db.select().from(companyRequests).get())?.status).toBe('pending');
  });
});
