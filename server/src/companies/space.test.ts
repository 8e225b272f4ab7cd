/**
 * What the company space reads and does (issue 18 item 1): every offer of the
 * company by any of its representatives, who else represents it, and the
 * renewal and duplication of an offer.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, offers } from '../db/tables/index.ts';
import { sampleOfferBody, testApp, type TestApp } from '../testing.ts';

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const key = (k: string) => ({ 'idempotency-key': k });

/** A second representative of Acme: a recruiter signed in by email, asked and approved by staff. */
async function secondRepOfAcme(t: TestApp): Promise<string> {
  const token = await t.emailSignIn('anne@acme-robotique.fr');
  const ask = await json(await t.call('POST', '/v1/companies/requests', { token, body: { companyId: t.ids.demo.companies.acme } }));
  t.clock.advance(60_000);
  expect((await t.call('POST', `/v1/companies/requests/${ask.id}/approve`, { token: await t.signIn('staff-eng') })).status).toBe(200);
  return token;
}

/** Marc (Acme's representative) posts an offer; answers its id. */
async function marcsOffer(t: TestApp, over: Json = {}, submit = false): Promise<string> {
  const body = { ...sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, over), ...(submit ? { submit: true } : {}) };
  const res = await t.call('POST', '/v1/offers', { token: await t.signIn('rep-acme'), body, headers: key(crypto.randomUUID()) });
  expect(res.status).toBe(201);
  return (await json(res)).id as string;
}

describe('GET /v1/companies/:id/offers', () => {
  it('a second representative of Acme sees the offers Marc posted, in every state, with the moderation message; ?mine=true stays their own', async () => {
    const t = testApp();
    const draft = await marcsOffer(t, { title: 'Brouillon de Marc' });
    const sent = await marcsOffer(t, { title: 'Offre relue' }, true);
    const staff = await t.signIn('staff-eng');
    expect((await t.call('POST', `/v1/offers/${sent}/request-changes`, { token: staff, body: { reason: 'Précisez la gratification.' } })).status).toBe(200);
    const anne = await secondRepOfAcme(t);

    expect((await json(await t.call('GET', '/v1/offers?mine=true', { token: anne }))).items).toEqual([]);
    const res = await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/offers`, { token: anne });
    expect(res.status).toBe(200);
    const page = await json(res);
    const items = page.items as Json[];
    expect(items.map((o) => [o.title, o.status])).toEqual(expect.arrayContaining([['Brouillon de Marc', 'draft'], ['Offre relue', 'changes_requested']]));
    expect(items.find((o) => o.id === sent)).toMatchObject({ moderationReason: 'Précisez la gratification.', expiresOn: '2026-05-15', authorId: t.ids.demo.people['rep-acme'] });
    expect(items.find((o) => o.id === draft)).toBeDefined();
    expect(items.every((o) => (o.company as Json).id === t.ids.demo.companies.acme)).toBe(true);
  });

  it('pages last changed first, with a cursor', async () => {
    const t = testApp();
    for (const n of [1, 2, 3]) {
      t.clock.advance(1000);
      await marcsOffer(t, { title: `Offre ${n}` });
    }
    const marc = await t.signIn('rep-acme');
    const first = await json(await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/offers?limit=2`, { token: marc }));
    expect((first.items as Json[]).map((o) => o.title)).toEqual(['Offre 3', 'Offre 2']);
    const next = await json(await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/offers?limit=2&cursor=${first.nextCursor as string}`, { token: marc }));
    // Then Offre 1, and the demo's offers of Acme, seeded before.
    expect((next.items as Json[])[0]?.title).toBe('Offre 1');
    expect((next.items as Json[]).map((o) => o.id)).not.toContain((first.items as Json[])[1]?.id);
  });

  it('refuses a student, staff and another company’s representative with the policy’s sentence; an unknown company is 404', async () => {
    const t = testApp();
    const path = `/v1/companies/${t.ids.demo.companies.acme}/offers`;
    for (const who of ['student-ines', 'staff-eng'] as const) {
      const res = await t.call('GET', path, { token: await t.signIn(who) });
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ code: 'policy.refused', detail: expect.stringMatching(/^Only the company’s representatives and administrators list all of its offers/) });
    }
    expect((await t.call('GET', `/v1/companies/${t.ids.demo.companies.globex}/offers`, { token: await t.signIn('rep-acme') })).status).toBe(403);
    expect((await t.call('GET', path, { token: await t.signIn('admin-demo') })).status).toBe(200);
    expect((await t.call('GET', `/v1/companies/${crypto.randomUUID()}/offers`, { token: await t.signIn('rep-acme') })).status).toBe(404);
    expect((await t.call('GET', path, { token: await t.signIn('admin-other') })).status).toBe(404);
  });
});

describe('GET /v1/companies/:id/representatives', () => {
  it('lists who represents Acme, longest-standing first, marking the caller; staff read it, a student may not', async () => {
    const t = testApp();
    const anne = await secondRepOfAcme(t);
    const res = await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/representatives`, { token: anne });
    expect(res.status).toBe(200);
    const { items, nextCursor } = await json(res);
    expect(items).toEqual([
      { person: { id: t.ids.demo.people['rep-acme'], displayName: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' }, since: expect.any(String), you: false },
      { person: expect.objectContaining({ email: 'anne@acme-robotique.fr' }), since: expect.any(String), you: true },
    ]);
    expect(nextCursor).toBeNull();
    expect((await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/representatives`, { token: await t.signIn('staff-mgmt') })).status).toBe(200);
    const student = await t.call('GET', `/v1/companies/${t.ids.demo.companies.acme}/representatives`, { token: await t.signIn('student-ines') });
    expect(student.status).toBe(403);
    expect((await json(student)).code).toBe('policy.refused');
  });
});

describe('POST /v1/offers/:id/renew', () => {
  it('a representative renews a published offer that expired: published again, no new moderation, audited', async () => {
    const t = testApp();
    const id = await marcsOffer(t, {}, true);
    expect((await t.call('POST', `/v1/offers/${id}/publish`, { token: await t.signIn('staff-eng') })).status).toBe(200);
    t.clock.set(new Date('2026-05-20T09:00:00.000Z'));
    const anne = await secondRepOfAcme(t);
    expect((await json(await t.call('GET', `/v1/offers/${id}`, { token: anne }))).status).toBe('expired');

    const res = await t.call('POST', `/v1/offers/${id}/renew`, { token: anne, body: {} });
    expect(res.status).toBe(200);
    // 2026's maxExpiryDays from today.
    const body = await json(res);
    expect(body).toMatchObject({ status: 'published' });
    expect(body.expiresOn! > '2026-05-20').toBe(true);
    expect(res.headers.get('etag')).toBeTruthy();
    expect((await t.db.select().from(offers).where(eq(offers.id, id)).get())).toMatchObject({ status: 'published', expiresOn: body.expiresOn });
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'offer.renew'))).get())?.detail).toEqual({ from: '2026-05-15', to: body.expiresOn });
  });

  it('takes a chosen date within the rules, refuses one too far with the field, and a withdrawn offer with 409', async () => {
    const t = testApp();
    const id = await marcsOffer(t, {}, true);
    const marc = await t.signIn('rep-acme');
    expect(await json(await t.call('POST', `/v1/offers/${id}/renew`, { token: marc, body: { expiresOn: '2026-06-30' } }))).toMatchObject({ expiresOn: '2026-06-30', status: 'submitted' });
    const far = await t.call('POST', `/v1/offers/${id}/renew`, { token: marc, body: { expiresOn: '2030-01-01' } });
    expect(far.status).toBe(400);
    expect((await json(far)).errors).toEqual([expect.objectContaining({ path: 'expiresOn', code: 'offer.expiry.tooFar' })]);
    expect((await t.call('POST', `/v1/offers/${id}/withdraw`, { token: marc })).status).toBe(200);
    const closed = await t.call('POST', `/v1/offers/${id}/renew`, { token: marc, body: {} });
    expect(closed.status).toBe(409);
    expect(await json(closed)).toMatchObject({ code: 'offer.wrongStatus', detail: 'This offer is withdrawn; it cannot be renewed now.' });
  });

  it('refuses whoever may not edit the offer', async () => {
    const t = testApp();
    const id = await marcsOffer(t, {}, true);
    const res = await t.call('POST', `/v1/offers/${id}/renew`, { token: await t.signIn('student-ines'), body: {} });
    expect(res.status).toBe(403);
  });
});

describe('POST /v1/offers/:id/duplicate', () => {
  it('copies an offer into a draft of the caller’s, leaving out dates already past; idempotent', async () => {
    const t = testApp();
    const id = await marcsOffer(t, { title: 'Stage 2026' }, true);
    t.clock.set(new Date('2026-05-20T09:00:00.000Z'));
    const anne = await secondRepOfAcme(t);
    const res = await t.call('POST', `/v1/offers/${id}/duplicate`, { token: anne, headers: key('dup-1') });
    expect(res.status).toBe(201);
    const copy = await json(res);
    expect(res.headers.get('location')).toBe(`/v1/offers/${copy.id}`);
    expect(copy).toMatchObject({ title: 'Stage 2026', status: 'draft', location: 'Lyon', duration: { amount: 3, unit: 'months' } });
    expect(copy.id).not.toBe(id);
    expect(copy).not.toHaveProperty('startDate');
    expect(copy).not.toHaveProperty('expiresOn');
    const again = await t.call('POST', `/v1/offers/${id}/duplicate`, { token: anne, headers: key('dup-1') });
    expect((await json(again)).id).toBe(copy.id);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'offer.duplicate')).all())).toHaveLength(1);
  });

  it('404 for an offer the caller may not read; 403 for one they may read but not post', async () => {
    const t = testApp();
    const draft = await marcsOffer(t);
    expect((await t.call('POST', `/v1/offers/${draft}/duplicate`, { token: await t.signIn('student-ines'), headers: key('d-2') })).status).toBe(404);
    const published = await marcsOffer(t, {}, true);
    await t.call('POST', `/v1/offers/${published}/publish`, { token: await t.signIn('staff-eng') });
    expect((await t.call('POST', `/v1/offers/${published}/duplicate`, { token: await t.signIn('staff-mgmt'), headers: key('d-3') })).status).toBe(403);
  });
});
