import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp as demoApp, sampleOfferBody, type DemoSubject, type TestApp } from '../testing.ts';
import { auditLog, offers, offerTargets } from '../db/tables/index.ts';

/** The demo app without the demo offers, so each test counts only its own. */
async function testApp(): Promise<TestApp> {
  const t = demoApp();
  await t.db.delete(offerTargets).run();
  await t.db.delete(offers).run();
  return t;
}

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
let keys = 0;
const key = () => `test-key-${++keys}`;

/** A complete 3-month internship at Acme aimed at École d'ingénieurs, paid the 2026 minimum. */
function offerBody(t: TestApp, over: Json = {}): Json {
  return sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, { submit: true, ...over });
}

async function post(t: TestApp, who: DemoSubject, body: Json, idempotencyKey = key()) {
  return t.call('POST', '/v1/offers', { token: await t.signIn(who), body, headers: { 'idempotency-key': idempotencyKey } });
}

async function published(t: TestApp, who: DemoSubject = 'student-ines', query = '') {
  const res = await t.call('GET', `/v1/offers${query}`, { token: await t.signIn(who) });
  expect(res.status).toBe(200);
  return ((await json(res)).items as { id: string; title: string; status: string }[]);
}

describe('POST /v1/offers: who may post', () => {
  it('a student’s offer for an existing company is created submitted, not published', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t));
    expect(res.status).toBe(201);
    const offer = await json(res);
    expect(offer).toMatchObject({ status: 'submitted', company: { id: t.ids.demo.companies.acme, name: 'Acme Robotique' }, stipend: { amountCents: 68250, currency: 'EUR' } });
    expect(res.headers.get('location')).toBe(`/v1/offers/${offer.id}`);
    expect((await t.db.select().from(offers).where(eq(offers.id, offer.id as string)).get())?.status).toBe('submitted');
    expect(await published(t, 'alumna-claire')).toEqual([]);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.objectId, offer.id as string)).all())).toEqual([expect.objectContaining({ action: 'offer.create' })]);
  });

  it('an alumna’s offer is moderated too', async () => {
    const t = (await testApp());
    const res = await post(t, 'alumna-claire', offerBody(t, { targetEntityIds: [t.ids.demo.entities.management] }));
    expect(res.status).toBe(201);
    expect((await json(res)).status).toBe('submitted');
  });

  it('nobody creates or renames a company through an offer: companyName is 400 and nothing is written', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t, { companyName: 'Ma Boîte SAS' }));
    expect(res.status).toBe(400);
    expect((await t.db.select().from(offers).all())).toHaveLength(0);
    const noId = offerBody(t, { companyName: 'Ma Boîte SAS' });
    delete noId.companyId;
    expect((await post(t, 'student-ines', noId)).status).toBe(400);
  });

  it('an unknown company is 400 telling the student to ask the careers office', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t, { companyId: crypto.randomUUID() }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([
      { path: 'companyId', code: 'offer.company.pickOrAsk', params: {}, message: 'Choose a company from the list. If yours is missing, ask your careers office to add it.' },
    ]);
  });

  it('another tenant’s company is refused as unknown', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t, { companyId: t.ids.other.companies.umbrella }));
    expect(res.status).toBe(400);
    expect((await t.db.select().from(offers).all())).toHaveLength(0);
  });

  it('a representative of Acme posts for Acme (moderated) but not for another company', async () => {
    const t = (await testApp());
    const own = await post(t, 'rep-acme', offerBody(t));
    expect(own.status).toBe(201);
    expect((await json(own)).status).toBe('submitted');
    const other = await post(t, 'rep-acme', offerBody(t, { companyId: t.ids.demo.companies.globex }));
    expect(other.status).toBe(403);
    expect((await json(other)).detail).toBe('You can post offers only for the company you represent. Ask to represent this company, or ask your careers office to post the offer.');
    expect((await t.db.select().from(offers).where(eq(offers.companyId, t.ids.demo.companies.globex)).all())).toHaveLength(0);
  });

  it('staff publish directly for their own entities, and are refused outside them', async () => {
    const t = (await testApp());
    const own = await post(t, 'staff-eng', offerBody(t));
    expect(own.status).toBe(201);
    expect((await json(own)).status).toBe('published');
    const outside = await post(t, 'staff-eng', offerBody(t, { targetEntityIds: [t.ids.demo.entities.management] }));
    expect(outside.status).toBe(403);
    expect((await json(outside)).detail).toMatch(/As staff you can post offers only for your own entities/);
    expect(await published(t)).toHaveLength(1);
  });

  it('an admin publishes directly anywhere in the tenant', async () => {
    const t = (await testApp());
    const res = await post(t, 'admin-demo', offerBody(t, { targetEntityIds: [t.ids.demo.entities.management, t.ids.demo.entities.engineering] }));
    expect((await json(res)).status).toBe('published');
  });

  it('a draft is saved without the submission fields, and stays the author’s', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', { companyId: t.ids.demo.companies.acme, title: 'Brouillon', kind: 'internship', targetEntityIds: [t.ids.demo.entities.engineering] });
    expect(res.status).toBe(201);
    const draft = await json(res);
    expect(draft.status).toBe('draft');
    expect((await t.call('GET', `/v1/offers/${draft.id}`, { token: await t.signIn('alumna-claire') })).status).toBe(404);
    expect((await t.call('GET', `/v1/offers/${draft.id}`, { token: await t.signIn('student-ines') })).status).toBe(200);
    const submit = await t.call('POST', `/v1/offers/${draft.id}/submit`, { token: await t.signIn('student-ines'), headers: { 'idempotency-key': key() } });
    expect(submit.status).toBe(400);
    expect(((await json(submit)).errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(['description', 'startDate', 'duration', 'apply', 'expiresOn']));
  });

  it('is 401 without a session', async () => {
    const t = (await testApp());
    expect((await t.call('POST', '/v1/offers', { body: offerBody(t), headers: { 'idempotency-key': key() } })).status).toBe(401);
  });
});

describe('French internship rules', () => {
  it('a 3-month internship without stipend is 400 naming the minimum', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t, { stipend: undefined }));
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toEqual([
      {
        path: 'stipend.amountCents',
        code: 'offer.stipend.owed',
        params: { minimumMonthlyCents: 68250, hourlyRateCents: 450, rateYear: 2026, givenCents: 0 },
        message: expect.stringContaining('A stipend of at least 682.50 € per month is owed for this duration'),
      },
    ]);
    expect((await t.db.select().from(offers).all())).toHaveLength(0);
  });

  it('uses the rate of the start year from configuration (2025: 659.75 €)', async () => {
    const t = (await testApp());
    t.clock.set(new Date('2025-06-01T09:00:00Z'));
    const res = await post(t, 'student-ines', offerBody(t, { startDate: '2025-09-01', expiresOn: '2025-08-01', stipend: { amountCents: 60000 } }));
    expect(res.status).toBe(400);
    expect(JSON.stringify((await json(res)).errors)).toContain('659.75 €');
    const ok = await post(t, 'student-ines', offerBody(t, { startDate: '2025-09-01', expiresOn: '2025-08-01', stipend: { amountCents: 65975 } }));
    expect(ok.status).toBe(201);
  });

  it('a 2-month internship owes nothing; 7 months is refused; expiry beyond a year is refused', async () => {
    const t = (await testApp());
    expect((await post(t, 'student-ines', offerBody(t, { duration: { amount: 2, unit: 'months' }, stipend: undefined }))).status).toBe(201);
    const long = await post(t, 'student-ines', offerBody(t, { duration: { amount: 7, unit: 'months' } }));
    expect((await json(long)).errors).toEqual([{ path: 'duration.amount', code: 'offer.duration.tooLong', params: { months: 6 }, message: 'An internship lasts at most 6 months.' }]);
    const far = await post(t, 'student-ines', offerBody(t, { expiresOn: '2027-04-01' }));
    expect(JSON.stringify((await json(far)).errors)).toContain('at most a year ahead');
  });

  it('serves the parameters the form computes its hints with', async () => {
    const t = (await testApp());
    const res = await t.call('GET', '/v1/offers/parameters', { token: await t.signIn('student-ines') });
    expect(await json(res)).toMatchObject({ minimumHourlyStipendCents: { '2025': 435, '2026': 450 }, maxInternshipMonths: 6, targets: expect.arrayContaining([expect.objectContaining({ id: t.ids.demo.entities.engineering, name: "École d'ingénieurs" })]) });
  });
});

describe('Idempotency-Key on submission', () => {
  it('the same key twice gives one offer and the same response', async () => {
    const t = (await testApp());
    const token = await t.signIn('student-ines');
    const send = () => t.call('POST', '/v1/offers', { token, body: offerBody(t), headers: { 'idempotency-key': 'double-click-1' } });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.db.select().from(offers).all())).toHaveLength(1);
  });

  it('the same key with another body is 422; no key is 400', async () => {
    const t = (await testApp());
    const token = await t.signIn('student-ines');
    expect((await t.call('POST', '/v1/offers', { token, body: offerBody(t), headers: { 'idempotency-key': 'k-1' } })).status).toBe(201);
    expect((await t.call('POST', '/v1/offers', { token, body: offerBody(t, { title: 'Autre' }), headers: { 'idempotency-key': 'k-1' } })).status).toBe(422);
    expect((await t.call('POST', '/v1/offers', { token, body: offerBody(t) })).status).toBe(400);
    expect((await t.db.select().from(offers).all())).toHaveLength(1);
  });

  it('a retried POST /:id/submit moves the offer once and answers the same', async () => {
    const t = (await testApp());
    const token = await t.signIn('student-ines');
    const draft = await json(await post(t, 'student-ines', offerBody(t, { submit: false })));
    const submit = () => t.call('POST', `/v1/offers/${draft.id}/submit`, { token, headers: { 'idempotency-key': 'submit-1' } });
    const a = await submit();
    const b = await submit();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.text()).toBe(await a.text());
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'offer.submit')).all())).toHaveLength(1);
    expect((await t.call('POST', `/v1/offers/${draft.id}/submit`, { token, headers: { 'idempotency-key': 'submit-2' } })).status).toBe(409);
  });
});

describe('moderation', () => {
  async function submitted(t: TestApp, aimedAt: 'engineering' | 'management') {
    const res = await post(t, 'student-ines', offerBody(t, { targetEntityIds: [t.ids.demo.entities[aimedAt]] }));
    return (await json(res)).id as string;
  }

  it('staff of École d’ingénieurs cannot publish an offer aimed only at École de management; its staff can', async () => {
    const t = (await testApp());
    const id = await submitted(t, 'management');
    const refused = await t.call('POST', `/v1/offers/${id}/publish`, { token: await t.signIn('staff-eng') });
    expect(refused.status).toBe(403);
    expect((await json(refused)).detail).toMatch(/Only staff of an entity the offer is aimed at, or an administrator, can publish or reject it/);
    expect((await t.db.select().from(offers).where(eq(offers.id, id)).get())?.status).toBe('submitted');
    const ok = await t.call('POST', `/v1/offers/${id}/publish`, { token: await t.signIn('staff-mgmt') });
    expect(ok.status).toBe(200);
    expect((await json(ok)).status).toBe('published');
    expect((await published(t)).map((o) => o.id)).toEqual([id]);
  });

  for (const who of ['student-ines', 'alumna-claire', 'rep-acme'] as const) {
    it(`${who} cannot publish or reject`, async () => {
      const t = (await testApp());
      const id = await submitted(t, 'engineering');
      const token = await t.signIn(who);
      expect((await t.call('POST', `/v1/offers/${id}/publish`, { token })).status).toBe(403);
      expect((await t.call('POST', `/v1/offers/${id}/reject`, { token, body: { reason: 'no' } })).status).toBe(403);
      expect((await t.db.select().from(offers).where(eq(offers.id, id)).get())?.status).toBe('submitted');
    });
  }

  it('a rejection carries a reason the author sees; other students see nothing', async () => {
    const t = (await testApp());
    const id = await submitted(t, 'engineering');
    const staff = await t.signIn('staff-eng');
    expect((await t.call('POST', `/v1/offers/${id}/reject`, { token: staff, body: {} })).status).toBe(400);
    expect((await t.call('POST', `/v1/offers/${id}/reject`, { token: staff, body: { reason: 'Offre en doublon.' } })).status).toBe(200);
    const mine = await json(await t.call('GET', `/v1/offers/${id}`, { token: await t.signIn('student-ines') }));
    expect(mine).toMatchObject({ status: 'rejected', moderationReason: 'Offre en doublon.' });
    expect((await t.call('GET', `/v1/offers/${id}`, { token: await t.signIn('alumna-claire') })).status).toBe(404);
  });

  it('changes requested → the author edits with If-Match and resubmits → staff publish; then the author can no longer edit', async () => {
    const t = (await testApp());
    const id = await submitted(t, 'engineering');
    const staff = await t.signIn('staff-eng');
    const ines = await t.signIn('student-ines');
    expect((await t.call('POST', `/v1/offers/${id}/request-changes`, { token: staff, body: { reason: 'Précisez la durée hebdomadaire.' } })).status).toBe(200);
    const got = await t.call('GET', `/v1/offers/${id}`, { token: ines });
    expect(await json(got)).toMatchObject({ status: 'changes_requested', moderationReason: 'Précisez la durée hebdomadaire.' });
    const etag = got.headers.get('etag')!;
    expect((await t.call('PATCH', `/v1/offers/${id}`, { token: ines, body: { weeklyHours: 20 } })).status).toBe(428);
    const edit = await t.call('PATCH', `/v1/offers/${id}`, { token: ines, body: { weeklyHours: 35, title: 'Stage robotique (35 h)' }, headers: { 'if-match': etag } });
    expect(edit.status).toBe(200);
    expect((await t.call('PATCH', `/v1/offers/${id}`, { token: ines, body: { title: 'Stale' }, headers: { 'if-match': etag } })).status).toBe(412);
    const resubmit = await t.call('POST', `/v1/offers/${id}/submit`, { token: ines, headers: { 'idempotency-key': key() } });
    expect((await json(resubmit)).status).toBe('submitted');
    const publish = await t.call('POST', `/v1/offers/${id}/publish`, { token: staff });
    const publishedOffer = await json(publish);
    expect(publishedOffer).toMatchObject({ status: 'published', title: 'Stage robotique (35 h)' });
    expect(publishedOffer.moderationReason).toBeUndefined();
    const locked = await t.call('PATCH', `/v1/offers/${id}`, { token: ines, body: { title: 'Après publication' }, headers: { 'if-match': publish.headers.get('etag')! } });
    expect(locked.status).toBe(403);
    expect((await json(locked)).detail).toMatch(/no longer editable by its author once it has been published/);
  });

  it('an edit breaking the rules is refused with the same message as on create', async () => {
    const t = (await testApp());
    const res = await post(t, 'student-ines', offerBody(t));
    const id = (await json(res)).id as string;
    const edit = await t.call('PATCH', `/v1/offers/${id}`, { token: await t.signIn('student-ines'), body: { stipend: null }, headers: { 'if-match': res.headers.get('etag')! } });
    expect(edit.status).toBe(400);
    expect(JSON.stringify((await json(edit)).errors)).toContain('682.50 €');
  });

  it('a representative editing a published offer sends it back to moderation', async () => {
    const t = (await testApp());
    const res = await post(t, 'staff-eng', offerBody(t));
    const id = (await json(res)).id as string;
    const edit = await t.call('PATCH', `/v1/offers/${id}`, { token: await t.signIn('rep-acme'), body: { title: 'Titre changé' }, headers: { 'if-match': res.headers.get('etag')! } });
    expect(edit.status).toBe(200);
    expect((await json(edit)).status).toBe('submitted');
    expect(await published(t)).toEqual([]);
  });

  it('the author withdraws a submitted offer; staff mark a published one filled', async () => {
    const t = (await testApp());
    const id = await submitted(t, 'engineering');
    expect((await json(await t.call('POST', `/v1/offers/${id}/withdraw`, { token: await t.signIn('student-ines') }))).status).toBe('withdrawn');
    const pub = (await json(await post(t, 'staff-eng', offerBody(t)))).id as string;
    expect((await json(await t.call('POST', `/v1/offers/${pub}/fill`, { token: await t.signIn('staff-eng') }))).status).toBe('filled');
    expect(await published(t)).toEqual([]);
  });
});

describe('who may edit and withdraw (role table)', () => {
  async function studentOffer(t: TestApp, over: Json = {}) {
    const res = await post(t, 'student-ines', offerBody(t, over));
    return { id: (await json(res)).id as string, etag: res.headers.get('etag')! };
  }
  const rename = async (t: TestApp, who: DemoSubject, o: { id: string; etag: string }) =>
    t.call('PATCH', `/v1/offers/${o.id}`, { token: await t.signIn(who), body: { title: `Renamed by ${who}` }, headers: { 'if-match': o.etag } });

  it('staff edit offers aimed at their entities, not at a sibling school', async () => {
    const t = (await testApp());
    const o = await studentOffer(t);
    const refused = await rename(t, 'staff-mgmt', o);
    expect(refused.status).toBe(404); // a submitted offer outside one's scope is not even visible
    expect((await rename(t, 'staff-eng', o)).status).toBe(200);
  });

  it('staff of another school see a published offer but may not change it (403 with the reason)', async () => {
    const t = (await testApp());
    const res = await post(t, 'staff-eng', offerBody(t));
    const o = { id: (await json(res)).id as string, etag: res.headers.get('etag')! };
    const refused = await rename(t, 'staff-mgmt', o);
    expect(refused.status).toBe(403);
    expect((await json(refused)).detail).toMatch(/Only the author \(until it is published\), the company’s representatives, staff of a targeted entity, or an administrator can edit this offer/);
    expect((await t.call('POST', `/v1/offers/${o.id}/withdraw`, { token: await t.signIn('staff-mgmt') })).status).toBe(403);
    expect((await t.db.select().from(offers).where(eq(offers.id, o.id)).get())?.status).toBe('published');
  });

  it('the company’s representative edits its offers, even one a student posted; not another company’s', async () => {
    const t = (await testApp());
    const acme = await studentOffer(t);
    expect((await rename(t, 'rep-acme', acme)).status).toBe(200);
    const globex = await studentOffer(t, { companyId: t.ids.demo.companies.globex });
    expect((await rename(t, 'rep-acme', globex)).status).toBe(404);
    expect((await t.db.select().from(offers).where(eq(offers.id, globex.id)).get())?.title).toBe('Stage robotique mobile');
  });

  it('another student or alumnus cannot edit or withdraw someone’s offer; an admin can', async () => {
    const t = (await testApp());
    const o = await studentOffer(t);
    expect((await rename(t, 'alumna-claire', o)).status).toBe(404);
    expect((await t.call('POST', `/v1/offers/${o.id}/withdraw`, { token: await t.signIn('alumna-claire') })).status).toBe(403);
    expect((await rename(t, 'admin-demo', o)).status).toBe(200);
    expect((await t.db.select().from(offers).where(eq(offers.id, o.id)).get())?.status).toBe('submitted');
  });

  it('every role may search companies', async () => {
    const t = (await testApp());
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'admin-demo'] as const) {
      expect((await t.call('GET', '/v1/companies?q=acme', { token: await t.signIn(who) })).status).toBe(200);
    }
  });
});

describe('GET /v1/offers', () => {
  it('lists published offers for everyone signed in, with filters and cursor pages', async () => {
    const t = (await testApp());
    const e = t.ids.demo.entities;
    await post(t, 'admin-demo', offerBody(t, { title: 'A', kind: 'apprenticeship', duration: { amount: 24, unit: 'months' }, remote: 'onsite' }));
    await post(t, 'admin-demo', offerBody(t, { title: 'B', targetEntityIds: [e.management], startDate: '2026-06-01' }));
    await post(t, 'admin-demo', offerBody(t, { title: 'C', companyId: t.ids.demo.companies.globex, remote: 'remote' }));
    await post(t, 'student-ines', offerBody(t, { title: 'D (submitted)' }));
    expect((await published(t, 'rep-acme')).map((o) => o.title).sort()).toEqual(['A', 'B', 'C']);
    expect((await published(t, 'student-ines', '?kind=apprenticeship')).map((o) => o.title)).toEqual(['A']);
    expect((await published(t, 'student-ines', `?entity=${e.management}`)).map((o) => o.title)).toEqual(['B']);
    expect((await published(t, 'student-ines', `?company=${t.ids.demo.companies.globex}`)).map((o) => o.title)).toEqual(['C']);
    expect((await published(t, 'student-ines', '?remote=remote')).map((o) => o.title)).toEqual(['C']);
    expect((await published(t, 'student-ines', '?startFrom=2026-05-01')).map((o) => o.title)).toEqual(['B']);

    const token = await t.signIn('student-ines');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await json(await t.call('GET', `/v1/offers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token }));
      seen.push(...(page.items as { title: string }[]).map((o) => o.title));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(['A', 'B', 'C']);
    expect((await t.call('GET', '/v1/offers?cursor=garbage', { token })).status).toBe(400);
    expect((await t.call('GET', '/v1/offers?limit=101', { token })).status).toBe(400);
  });

  it('hides an offer past its expiry date, reported expired, with no job', async () => {
    const t = (await testApp());
    const id = (await json(await post(t, 'staff-eng', offerBody(t, { expiresOn: '2026-03-10' })))).id as string;
    expect(await published(t)).toHaveLength(1);
    t.clock.set(new Date('2026-03-11T08:00:00Z'));
    expect(await published(t)).toEqual([]);
    expect((await t.call('GET', `/v1/offers/${id}`, { token: await t.signIn('alumna-claire') })).status).toBe(404);
    expect(await json(await t.call('GET', `/v1/offers/${id}`, { token: await t.signIn('staff-eng') }))).toMatchObject({ status: 'expired' });
  });

  it('mine=true shows the author’s own offers in any state', async () => {
    const t = (await testApp());
    await post(t, 'student-ines', offerBody(t, { title: 'Draft', submit: false }));
    await post(t, 'student-ines', offerBody(t, { title: 'Sent' }));
    await post(t, 'alumna-claire', offerBody(t, { title: 'Not mine' }));
    const mine = await published(t, 'student-ines', '?mine=true');
    expect(mine.map((o) => [o.title, o.status]).sort()).toEqual([['Draft', 'draft'], ['Sent', 'submitted']]);
  });

  it('queue=true shows staff the submitted offers aimed at their entities only', async () => {
    const t = (await testApp());
    const e = t.ids.demo.entities;
    await post(t, 'student-ines', offerBody(t, { title: 'Eng' }));
    await post(t, 'alumna-claire', offerBody(t, { title: 'Mgmt', targetEntityIds: [e.management] }));
    await post(t, 'alumna-claire', offerBody(t, { title: 'Draft', targetEntityIds: [e.engineering], submit: false }));
    expect((await published(t, 'staff-eng', '?queue=true')).map((o) => o.title)).toEqual(['Eng']);
    expect((await published(t, 'staff-mgmt', '?queue=true')).map((o) => o.title)).toEqual(['Mgmt']);
    expect((await published(t, 'admin-demo', '?queue=true')).map((o) => o.title).sort()).toEqual(['Eng', 'Mgmt']);
    const student = await t.call('GET', '/v1/offers?queue=true', { token: await t.signIn('student-ines') });
    expect(student.status).toBe(403);
  });
});

describe('demo seed', () => {
  it('seeds a published Acme offer for École d’ingénieurs and Inès’s submitted one, once', async () => {
    const t = demoApp();
    const listed = await published(t, 'alumna-claire');
    expect(listed).toEqual([expect.objectContaining({ status: 'published', company: expect.objectContaining({ name: 'Acme Robotique' }), targetEntityIds: [t.ids.demo.entities.engineering] })]);
    expect((await published(t, 'student-ines', '?mine=true')).map((o) => o.status)).toEqual(['submitted']);
    expect((await published(t, 'staff-eng', '?queue=true')).map((o) => o.status)).toEqual(['submitted']);
    const { seedDemo } = await import('../seed/demo.ts');
    await seedDemo(t.db, {}, t.clock.now());
    expect((await t.db.select().from(offers).all())).toHaveLength(2);
  });
});

describe('tenancy', () => {
  it('another tenant’s offer is 404 for reading, editing and moderating', async () => {
    const t = (await testApp());
    const id = (await json(await post(t, 'staff-eng', offerBody(t)))).id as string;
    for (const who of ['student-other', 'staff-other', 'admin-other'] as const) {
      const token = await t.signIn(who);
      expect((await t.call('GET', `/v1/offers/${id}`, { token })).status).toBe(404);
      expect((await t.call('POST', `/v1/offers/${id}/reject`, { token, body: { reason: 'x' } })).status).toBe(404);
      expect((await t.call('PATCH', `/v1/offers/${id}`, { token, body: { title: 'x' }, headers: { 'if-match': '"x"' } })).status).toBe(404);
      expect(await published(t, who)).toEqual([]);
    }
    expect((await t.db.select().from(offers).where(eq(offers.id, id)).get())?.status).toBe('published');
  });
});
