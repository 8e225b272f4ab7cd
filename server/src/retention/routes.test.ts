import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { RetentionAnonymisedSchema, RetentionPageSchema, RetentionRuleSchema, type RetentionPage, type RetentionRule } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, consentEvents, erasureRequests, memberships, people, profiles, purposes, sessions } from '../db/tables/index.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;
const DAY = 86_400_000;
/** The demo data is recorded on 2026-03-02: three years and a day later, nobody of it has shown a sign of life since 2026-03-03. */
const threeYearsAndADay = new Date('2029-03-03T10:00:00.000Z');

async function page(t: TestApp, token: string, query = ''): Promise<RetentionPage> {
  const res = await t.call('GET', `/v1/retention/inactive${query}`, { token });
  expect(res.status).toBe(200);
  return v.parse(RetentionPageSchema, await res.json());
}
const listed = async (t: TestApp, token: string) => (await page(t, token)).items.map((p) => p.displayName);

describe('GET /v1/retention/inactive', () => {
  it('lists nobody while the demo people are recent; three years and a day later, staff see the inactive people of their school with the rule, administrators everyone but the institution’s accounts', async () => {
    const t = testApp();
    const before = await page(t, await t.signIn('staff-eng'));
    expect(before.items).toEqual([]);
    expect(before.rule).toEqual({ inactiveYears: 3, source: 'default', defaultYears: 3, inactiveSince: '2023-03-02', activities: ['signIn', 'profile', 'gift', 'consent', 'membership', 'recorded'] });

    t.clock.set(threeYearsAndADay);
    const eng = await page(t, await t.signIn('staff-eng'));
    expect(eng.rule.inactiveSince).toBe('2026-03-03');
    expect(eng.items).toEqual([
      { personId: t.ids.demo.people['student-ines'], displayName: 'Inès Martin', memberships: [{ entityId: t.ids.demo.entities.engineering, entityName: "École d'ingénieurs", role: 'student' }], lastActivity: { kind: expect.any(String), at: expect.stringMatching(/^2026-03-02T/) } },
    ]);
    expect(await listed(t, await t.signIn('staff-mgmt'))).toEqual(['Claire Dubois']);
    // The whole institution: its alumni, students and company contacts; not its staff, administrators or DPO.
    expect((await listed(t, await t.signIn('admin-demo'))).sort()).toEqual(['Claire Dubois', 'Inès Martin', 'Marc Lefèvre']);
    // Another institution's administrator sees only their own people.
    expect(await listed(t, await t.signIn('admin-other'))).toEqual(['Ève Petit']);
  });

  it('any sign of life coming from the person keeps them off the list: signing in, confirming their profile, a consent choice; a choice recorded for them does not', async () => {
    const t = testApp();
    t.clock.set(threeYearsAndADay);
    const admin = await t.signIn('admin-demo');
    const marcId = t.ids.demo.people['rep-acme'];
    const claireId = t.ids.demo.people['alumna-claire'];
    const lastMarc = (await page(t, admin)).items.find((p) => p.personId === marcId)!;
    expect(lastMarc.lastActivity.at.slice(0, 10)).toBe('2026-03-02');
    // Inès signs in: listed no more.
    await t.signIn('student-ines');
    expect((await listed(t, admin)).sort()).toEqual(['Claire Dubois', 'Marc Lefèvre']);
    // A consent choice recorded for Claire by someone else does not count; one Marc made himself does.
    const purpose = (await t.db.select().from(purposes).where(eq(purposes.tenantId, t.ids.demo.tenantId)).all())[0]!;
    const choice = (personId: string, actorId: string) => ({ tenantId: t.ids.demo.tenantId, personId, seq: 1000, purposeId: purpose.id, purposeVersionId: purpose.currentVersionId!, channel: 'email' as const, granted: false, at: new Date(threeYearsAndADay.getTime() - DAY).toISOString(), actorId });
    await t.db.insert(consentEvents).values([choice(claireId, t.ids.demo.people['admin-demo']), choice(marcId, marcId)]).run();
    expect(await listed(t, admin)).toEqual(['Claire Dubois']);
    expect((await page(t, admin)).items[0]!.lastActivity.at.slice(0, 10)).toBe('2026-03-02');
    // Claire confirms her profile is still accurate (two days ago).
    await t.db.update(profiles).set({ confirmedAt: new Date(threeYearsAndADay.getTime() - 2 * DAY).toISOString() }).where(eq(profiles.personId, claireId)).run();
    expect(await listed(t, admin)).toEqual([]);
    // A session older than the rule's years does not count: Inès is listed again, her last activity that sign-in.
    await t.db.update(sessions).set({ createdAt: '2026-03-02T18:00:00.000Z' }).where(eq(sessions.personId, t.ids.demo.people['student-ines'])).run();
    expect((await page(t, admin)).items).toMatchObject([{ displayName: 'Inès Martin', lastActivity: { kind: 'signIn', at: '2026-03-02T18:00:00.000Z' } }]);
  });

  it('pages in a stable order with a cursor; refuses a bad limit or cursor (400 with the field), a student (403 with the policy’s reason)', async () => {
    const t = testApp();
    t.clock.set(threeYearsAndADay);
    const admin = await t.signIn('admin-demo');
    const all = (await page(t, admin)).items.map((p) => p.personId);
    const first = await page(t, admin, '?limit=2');
    expect(first.items.map((p) => p.personId)).toEqual(all.slice(0, 2));
    expect(first.nextCursor).toBe(all[1]);
    const second = await page(t, admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.personId)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();

    const bad = await t.call('GET', '/v1/retention/inactive?limit=0&cursor=nope', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<{ errors: { path: string }[] }>(bad)).errors.map((e) => e.path)).toContain('limit');
    const badCursor = await t.call('GET', '/v1/retention/inactive?cursor=nope', { token: admin });
    expect(await json(badCursor)).toMatchObject({ errors: [{ path: 'cursor', code: 'list.cursor' }] });

    const student = await t.call('GET', '/v1/retention/inactive', { token: await t.signIn('student-ines') });
    expect(student.status).toBe(403);
    expect(await json(student)).toMatchObject({ code: 'policy.refused', params: { action: 'retention.review' } });
    expect((await t.call('GET', '/v1/retention/inactive')).status).toBe(401);
  });
});

describe('the rule: GET and PUT /v1/retention/rule', () => {
  it('an administrator sets 5 years, audited from 3 to 5: Inès is not listed at three years and a day; null gives the default back', async () => {
    const t = testApp();
    t.clock.set(threeYearsAndADay);
    const admin = await t.signIn('admin-demo');
    const staff = await t.signIn('staff-eng');
    const set = await t.call('PUT', '/v1/retention/rule', { token: admin, body: { inactiveYears: 5 } });
    expect(set.status).toBe(200);
    expect(v.parse(RetentionRuleSchema, await set.json())).toMatchObject({ inactiveYears: 5, source: 'institution', defaultYears: 3, inactiveSince: '2024-03-03' });
    const entry = await t.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.ids.demo.tenantId), eq(auditLog.action, 'retention.setRule'))).all();
    expect(entry).toEqual([expect.objectContaining({ actorId: t.ids.demo.people['admin-demo'], objectType: 'institution', detail: { inactiveYears: { from: 3, to: 5 }, source: { from: 'default', to: 'institution' } } })]);
    expect(await json<RetentionRule>(await t.call('GET', '/v1/retention/rule', { token: staff }))).toMatchObject({ inactiveYears: 5, source: 'institution' });
    expect(await listed(t, staff)).toEqual([]);
    // The other institution keeps the default.
    expect(await json<RetentionRule>(await t.call('GET', '/v1/retention/rule', { token: await t.signIn('admin-other') }))).toMatchObject({ inactiveYears: 3, source: 'default' });

    const back = await t.call('PUT', '/v1/retention/rule', { token: admin, body: { inactiveYears: null } });
    expect(await json(back)).toMatchObject({ inactiveYears: 3, source: 'default' });
    expect(await listed(t, staff)).toEqual(['Inès Martin']);
  });

  it('refuses staff (403 with the policy’s reason) and out-of-range or malformed years (400 with the field path); nothing changes', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const staff = await t.call('PUT', '/v1/retention/rule', { token: await t.signIn('staff-eng'), body: { inactiveYears: 1 } });
    expect(staff.status).toBe(403);
    expect(await json(staff)).toMatchObject({ code: 'policy.refused', params: { action: 'retention.setRule' } });
    for (const inactiveYears of [0, 11, 2.5, '3']) {
      const res = await t.call('PUT', '/v1/retention/rule', { token: admin, body: { inactiveYears } });
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ errors: [{ path: 'inactiveYears', code: typeof inactiveYears === 'number' ? 'retention.years.range' : expect.any(String) }] });
    }
    expect((await t.call('PUT', '/v1/retention/rule', { token: admin, body: { inactiveYears: 4, more: true } })).status).toBe(400);
    expect(await json(await t.call('GET', '/v1/retention/rule', { token: admin }))).toMatchObject({ inactiveYears: 3, source: 'default' });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.setRule')).all()).toEqual([]);
  });
});

describe('POST /v1/retention/people/:personId/anonymise', () => {
  it('staff of her school anonymise Inès through the erasure: identity and roles gone, a processed request on her behalf, audited with the rule; she is listed no more', async () => {
    const t = testApp();
    t.clock.set(threeYearsAndADay);
    const ines = t.ids.demo.people['student-ines'];
    const staff = await t.signIn('staff-eng');
    // Staff of another school: 403 with the erasure's reason; another institution: 404.
    const other = await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: await t.signIn('staff-mgmt') });
    expect(other.status).toBe(403);
    expect(await json(other)).toMatchObject({ code: 'policy.erasureStaffOnly' });
    expect((await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: await t.signIn('admin-other') })).status).toBe(404);

    const res = await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: staff });
    expect(res.status).toBe(200);
    const done = v.parse(RetentionAnonymisedSchema, await res.json());
    expect(done).toMatchObject({ personId: ines, anonymisedAt: threeYearsAndADay.toISOString(), outcome: expect.objectContaining({ identity: expect.any(String) }) });
    expect(await t.db.select().from(people).where(eq(people.id, ines)).get()).toMatchObject({ email: null, displayName: null, hostSubject: null });
    expect(await t.db.select().from(memberships).where(eq(memberships.personId, ines)).all()).toEqual([]);
    expect(await t.db.select().from(erasureRequests).where(eq(erasureRequests.personId, ines)).all()).toEqual([
      expect.objectContaining({ id: done.erasureRequestId, status: 'processed', processedBy: t.ids.demo.people['staff-eng'], note: 'retention: no activity since 2026-03-03 (3 years)' }),
    ]);
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'erasure.process'), eq(auditLog.subjectId, ines))).all();
    expect(entries).toEqual([expect.objectContaining({ objectId: done.erasureRequestId, detail: expect.objectContaining({ reason: 'retention', rule: { inactiveYears: 3, source: 'default', inactiveSince: '2026-03-03' } }) })]);
    expect(await listed(t, staff)).toEqual([]);
    expect(await listed(t, await t.signIn('admin-demo'))).not.toContain('Inès Martin');
    // Again: she is not listed (an erasure request is hers now).
    const again = await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: await t.signIn('admin-demo') });
    expect(again.status).toBe(409);
  });

  it('refuses someone active within the rule’s years (409 naming the day), an institution account, a pending erasure request (409), an unknown person (404), a student (403); nothing is erased', async () => {
    const t = testApp();
    const ines = t.ids.demo.people['student-ines'];
    const admin = await t.signIn('admin-demo');
    const active = await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: admin });
    expect(active.status).toBe(409);
    expect(await json(active)).toMatchObject({ code: 'retention.active', params: { since: '2026-03-02' }, detail: 'This person showed a sign of life on 2 March 2026, within the rule’s years: they are not anonymised.' });

    t.clock.set(threeYearsAndADay);
    const admin2 = await t.signIn('admin-demo');
    const account = await t.call('POST', `/v1/retention/people/${t.ids.demo.people['staff-eng']}/anonymise`, { token: admin2 });
    expect(account.status).toBe(409);
    expect(await json(account)).toMatchObject({ code: 'retention.excluded', params: { reason: 'institutionAccount' } });
    expect((await t.call('POST', `/v1/retention/people/${crypto.randomUUID()}/anonymise`, { token: admin2 })).status).toBe(404);
    expect((await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: await t.signIn('alumna-claire') })).status).toBe(403);
    // Claire asked to be erased (the request waits for staff): the erasure queue handles her, not the rule.
    await t.db.insert(erasureRequests).values({ tenantId: t.ids.demo.tenantId, personId: t.ids.demo.people['alumna-claire'], status: 'pending', requestedAt: threeYearsAndADay.toISOString() }).run();
    const pending = await t.call('POST', `/v1/retention/people/${t.ids.demo.people['alumna-claire']}/anonymise`, { token: admin2, headers: { 'accept-language': 'fr' } });
    expect(pending.status).toBe(409);
    expect(await json(pending)).toMatchObject({ code: 'retention.excluded', params: { reason: 'erasureRequested' }, detail: 'Cette personne a demandé son effacement : traitez plutôt sa demande parmi les demandes d’effacement.' });
    expect(await t.db.select().from(people).where(eq(people.id, ines)).get()).toMatchObject({ displayName: 'Inès Martin' });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'erasure.process')).all()).toEqual([]);
  });
});
