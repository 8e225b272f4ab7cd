import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, entities, profileDuplicateFlags, profiles } from '../db/tables/index.ts';
import type { ProfileView } from '@passerelle/schema';

type Problem = { status: number; detail: string; errors?: { path: string; code: string; params: unknown; message: string }[]; current?: ProfileView; etag?: string };

const json = async <T>(res: Response) => (await res.json()) as T;

async function setup() {
  const t = testApp();
  const claire = t.ids.demo.people['alumna-claire'];
  const ines = t.ids.demo.people['student-ines'];
  return { t, claire, ines };
}

function row(t: TestApp, personId: string) {
  return t.db.select().from(profiles).where(eq(profiles.personId, personId)).get();
}

async function read(t: TestApp, token: string, path: string) {
  const res = await t.call('GET', path, { token });
  return { res, body: await json<ProfileView & Problem>(res), etag: res.headers.get('etag') ?? '' };
}

describe('reading a profile: fields by the owner’s visibility choices', () => {
  it('a student reads an alumna’s network and public fields, not her private ones', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('student-ines');
    const { res, body, etag } = await read(t, token, `/v1/profiles/${claire}`);
    expect(res.status).toBe(200);
    expect(etag).toMatch(/^"\d+"$/);
    expect(body).toMatchObject({ id: claire, givenName: 'Claire', familyName: 'Dubois', employer: 'Globex Conseil', programme: 'Master Management', graduationYear: 2019 });
    expect(body.bio).toMatch(/Consultante/);
    for (const hidden of ['phone', 'emails', 'address', 'visibility', 'completeness', 'reviewFlags']) expect(body).not.toHaveProperty(hidden);
  });

  it('a company representative sees the public fields and nothing else', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('rep-acme');
    const { body } = await read(t, token, `/v1/profiles/${claire}`);
    expect(Object.keys(body).sort()).toEqual(['employer', 'familyName', 'givenName', 'id', 'jobTitle', 'linkedinUrl']);
  });

  it('staff of her school see everything, with the review flags; staff of another school only the network fields', async () => {
    const { t, claire } = await setup();
    const mgmt = (await read(t, await t.signIn('staff-mgmt'), `/v1/profiles/${claire}`)).body;
    expect(mgmt).toMatchObject({ phone: '+33 6 12 34 56 78', reviewFlags: [], completeness: expect.any(Number) });
    const eng = (await read(t, await t.signIn('staff-eng'), `/v1/profiles/${claire}`)).body;
    expect(eng).not.toHaveProperty('phone');
    expect(eng).toHaveProperty('bio');
  });

  it('another tenant’s profile is 404', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('admin-other');
    const res = await t.call('GET', `/v1/profiles/${claire}`, { token });
    expect(res.status).toBe(404);
    const patch = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { bio: 'x' }, headers: { 'if-match': '"1"' } });
    expect(patch.status).toBe(404);
  });
});

describe('GET /v1/profiles/me', () => {
  it('creates the profile on first visit from the person record, and audits it', async () => {
    const { t } = await setup();
    const person = t.ids.demo.people['rep-acme'];
    await t.db.delete(profiles).where(eq(profiles.personId, person)).run();
    const token = await t.signIn('rep-acme');
    const { res, body } = await read(t, token, '/v1/profiles/me');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: person, givenName: 'Marc', familyName: 'Lefèvre', emails: [{ address: 'marc.lefevre@acme-robotique.fr', primary: true }] });
    expect(body.visibility?.phone).toBe('private');
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'profile.create'), eq(auditLog.subjectId, person))).all())).toHaveLength(1);
    // The second visit finds it.
    expect((await read(t, token, '/v1/profiles/me')).body.id).toBe(person);
    expect((await t.db.select().from(profiles).where(eq(profiles.personId, person)).all())).toHaveLength(1);
  });

  it('shows completeness and freshness to the owner', async () => {
    const { t } = await setup();
    const { body } = await read(t, await t.signIn('alumna-claire'), '/v1/profiles/me');
    expect(body.completeness).toBeGreaterThan(80);
    expect(body.freshness).toBe(100);
    t.clock.advance(365 * 86_400_000);
    const later = (await read(t, await t.signIn('alumna-claire'), '/v1/profiles/me')).body;
    expect(later.freshness).toBeGreaterThan(45);
    expect(later.freshness).toBeLessThan(55);
  });
});

describe('PATCH /v1/profiles/:id', () => {
  it('the owner changes a field; the change is audited with the field names', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('alumna-claire');
    const { etag } = await read(t, token, '/v1/profiles/me');
    const res = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { jobTitle: 'Directrice de mission', visibility: { bio: 'public' } }, headers: { 'if-match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect(((await res.json()) as ProfileView).jobTitle).toBe('Directrice de mission');
    expect((await row(t, claire))).toMatchObject({ jobTitle: 'Directrice de mission', ownerUpdatedAt: t.clock.now().toISOString() });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'profile.update')).all();
    expect((await audit)).toEqual([expect.objectContaining({ subjectId: claire, objectId: claire, actorId: claire, detail: { fields: ['jobTitle', 'visibility.bio'] } })]);
    // Public now: a company representative reads the bio.
    const rep = (await read(t, await t.signIn('rep-acme'), `/v1/profiles/${claire}`)).body;
    expect(rep.bio).toMatch(/Consultante/);
  });

  it('without If-Match is 428, with a stale one 412 carrying the current version; the row is unchanged', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('alumna-claire');
    const { etag } = await read(t, token, '/v1/profiles/me');
    const missing = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { bio: 'Nouvelle bio' } });
    expect(missing.status).toBe(428);
    expect((await json<Problem>(missing)).detail).toMatch(/If-Match/);
    expect((await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { sector: 'Audit' }, headers: { 'if-match': etag } })).status).toBe(200);
    const before = row(t, claire);
    const stale = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { bio: 'Nouvelle bio' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const problem = await json<Problem>(stale);
    expect(problem.current?.sector).toBe('Audit');
    expect(problem.etag).toBe(stale.headers.get('etag'));
    expect((await row(t, claire))).toEqual((await before));
  });

  it.each([['role', { role: 'admin' }], ['tenantId', { tenantId: '00000000-0000-4000-8000-000000000000' }], ['id', { id: '00000000-0000-4000-8000-000000000000', bio: 'x' }]])(
    'a body with %s is 400 and nothing changes',
    async (key, body) => {
      const { t, claire } = await setup();
      const token = await t.signIn('alumna-claire');
      const { etag } = await read(t, token, '/v1/profiles/me');
      const before = row(t, claire);
      const res = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body, headers: { 'if-match': etag } });
      expect(res.status).toBe(400);
      expect((await json<Problem>(res)).errors).toContainEqual({ path: key, code: 'profile.field.notEditable', params: {}, message: 'This is not a profile field you can change.' });
      expect((await row(t, claire))).toEqual((await before));
    },
  );

  it('an invalid value is 400 with the field path and the shared message', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('alumna-claire');
    const { etag } = await read(t, token, '/v1/profiles/me');
    const res = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { linkedinUrl: 'https://example.org/me' }, headers: { 'if-match': etag } });
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).errors).toEqual([{ path: 'linkedinUrl', code: 'profile.linkedin', params: {}, message: expect.stringMatching(/LinkedIn/) }]);
  });

  it('the person cannot change their education once the institution set it; staff of her school can', async () => {
    const { t, claire } = await setup();
    const own = await t.signIn('alumna-claire');
    const { etag } = await read(t, own, '/v1/profiles/me');
    const refused = await t.call('PATCH', `/v1/profiles/${claire}`, { token: own, body: { graduationYear: 2018 }, headers: { 'if-match': etag } });
    expect(refused.status).toBe(403);
    expect((await json<Problem>(refused)).detail).toMatch(/Ask the alumni office to correct it\.$/);
    expect((await row(t, claire))?.graduationYear).toBe(2019);

    const staff = await t.signIn('staff-mgmt');
    const corrected = await t.call('PATCH', `/v1/profiles/${claire}`, { token: staff, body: { graduationYear: 2018 }, headers: { 'if-match': etag } });
    expect(corrected.status).toBe(200);
    expect((await row(t, claire))?.graduationYear).toBe(2018);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'profile.correct')).get();
    expect((await audit)).toMatchObject({ actorId: t.ids.demo.people['staff-mgmt'], subjectId: claire, detail: { fields: ['graduationYear'] } });
    // A staff correction does not count as the owner vouching for the data.
    expect((await row(t, claire))?.ownerUpdatedAt).toBeNull();
  });

  it('staff of École d’ingénieurs cannot correct Claire’s profile (403 with the reason)', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('staff-eng');
    const { etag } = await read(t, token, `/v1/profiles/${claire}`);
    const before = row(t, claire);
    const res = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { jobTitle: 'Autre' }, headers: { 'if-match': etag } });
    expect(res.status).toBe(403);
    expect((await json<Problem>(res)).detail).toMatch(/staff of one of their entities/);
    expect((await row(t, claire))).toEqual((await before));
  });

  it('staff cannot change the person’s visibility choices', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('staff-mgmt');
    const { etag } = await read(t, token, `/v1/profiles/${claire}`);
    const res = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { visibility: { phone: 'public' } }, headers: { 'if-match': etag } });
    expect(res.status).toBe(403);
    expect((await row(t, claire))?.visibility.phone).toBe('private');
  });

  it('a student may fill in education the institution has not recorded', async () => {
    const { t } = await setup();
    const token = await t.signIn('rep-acme');
    const me = await read(t, token, '/v1/profiles/me');
    const res = await t.call('PATCH', `/v1/profiles/${me.body.id}`, { token, body: { graduationYear: 2010, programme: 'Licence' }, headers: { 'if-match': me.etag } });
    expect(res.status).toBe(200);
    expect((await row(t, me.body.id))).toMatchObject({ graduationYear: 2010, educationLocked: false });
  });
});

describe('POST /v1/profiles/me/confirm', () => {
  it('sets the confirmation date and nothing else', async () => {
    const { t, claire } = await setup();
    t.clock.advance(86_400_000 * 40);
    const token = await t.signIn('alumna-claire');
    const before = (await row(t, claire));
    const res = await t.call('POST', '/v1/profiles/me/confirm', { token, body: {} });
    expect(res.status).toBe(200);
    const after = row(t, claire);
    const at = t.clock.now().toISOString();
    expect((await after)).toEqual({ ...before, confirmedAt: at, version: (before?.version ?? 0) + 1 });
    expect(((await res.json()) as ProfileView).freshness).toBe(100);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'profile.confirm')).get())).toMatchObject({ subjectId: claire, at });
  });
});

describe('duplicate guard', () => {
  it('a primary email matching another profile is accepted and flagged for staff', async () => {
    const { t, claire } = await setup();
    const ines = t.ids.demo.people['student-ines'];
    const token = await t.signIn('student-ines');
    const { etag } = await read(t, token, '/v1/profiles/me');
    const res = await t.call('PATCH', `/v1/profiles/${ines}`, {
      token,
      body: { emails: [{ address: 'Claire.Dubois@alumni.demo.test', primary: true }] },
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(200);
    expect((await t.db.select().from(profileDuplicateFlags).all())).toEqual([expect.objectContaining({ personId: ines, otherPersonId: claire, reason: 'email', resolvedAt: null })]);
    // Staff of Inès's school see it in the flagged list and on the profile.
    const staff = await t.signIn('staff-eng');
    const list = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?flagged=true', { token: staff }));
    expect(list.items.map((p) => p.id)).toEqual([ines]);
    expect(list.items[0]?.reviewFlags).toEqual([expect.objectContaining({ otherProfileId: claire, reason: 'email' })]);
    // A student may not list flags.
    expect((await t.call('GET', '/v1/profiles?flagged=true', { token })).status).toBe(403);
  });

  it('the same name, graduation year and programme is flagged', async () => {
    const { t, claire } = await setup();
    const staff = await t.signIn('admin-demo');
    const rep = t.ids.demo.people['rep-acme'];
    const { etag } = await read(t, staff, `/v1/profiles/${rep}`);
    const res = await t.call('PATCH', `/v1/profiles/${rep}`, {
      token: staff,
      body: { givenName: 'Claire', familyName: 'DUBOIS', graduationYear: 2019, programme: 'Master Management' },
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(200);
    expect((await t.db.select().from(profileDuplicateFlags).all())).toEqual([expect.objectContaining({ personId: rep, otherPersonId: claire, reason: 'nameYearProgramme' })]);
  });
});

describe('POST /v1/profiles/:id/review-flags/:flagId/resolve', () => {
  /** Inès takes Claire's address as her primary one: a flag Inès → Claire (email). */
  async function flagged() {
    const { t, claire, ines } = await setup();
    const token = await t.signIn('student-ines');
    const { etag } = await read(t, token, '/v1/profiles/me');
    const res = await t.call('PATCH', `/v1/profiles/${ines}`, {
      token,
      body: { emails: [{ address: 'claire.dubois@alumni.demo.test', primary: true }] },
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(200);
    const flag = (await t.db.select().from(profileDuplicateFlags).get())!;
    return { t, claire, ines, flag, student: token };
  }
  const resolved = async (t: TestApp) => (await t.db.select().from(profileDuplicateFlags).all()).filter((f) => f.resolvedAt !== null);
  const audits = async (t: TestApp) => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'profile.duplicate.resolve')).all());

  it('staff of her school resolve it: the flag leaves the queue and the profile, audited with both profile ids', async () => {
    const { t, claire, ines, flag } = await flagged();
    const staff = await t.signIn('staff-eng');
    const res = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: staff, body: {} });
    expect(res.status).toBe(200);
    const body = await json<ProfileView>(res);
    expect(body).toMatchObject({ id: ines, reviewFlags: [] });
    expect((await t.db.select().from(profileDuplicateFlags).get())).toMatchObject({ id: flag.id, resolvedAt: t.clock.now().toISOString() });
    const list = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?flagged=true', { token: staff }));
    expect(list.items).toEqual([]);
    expect((await audits(t))).toEqual([
      expect.objectContaining({
        actorId: t.ids.demo.people['staff-eng'],
        objectType: 'profile_duplicate_flag',
        objectId: flag.id,
        subjectId: ines,
        entityIds: expect.arrayContaining([t.ids.demo.entities.engineering]),
        detail: { personId: ines, otherPersonId: claire, reason: 'email' },
      }),
    ]);
    // Twice is a conflict, and nothing more is written.
    const again = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: staff, body: {} });
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).detail).toMatch(/already resolved/);
    expect((await audits(t))).toHaveLength(1);
  });

  it('an administrator resolves it from the other profile’s side too', async () => {
    const { t, claire, flag } = await flagged();
    const res = await t.call('POST', `/v1/profiles/${claire}/review-flags/${flag.id}/resolve`, { token: await t.signIn('admin-demo'), body: {} });
    expect(res.status).toBe(200);
    expect((await resolved(t))).toHaveLength(1);
    expect((await audits(t))).toEqual([expect.objectContaining({ subjectId: claire, detail: expect.objectContaining({ otherPersonId: claire }) })]);
  });

  it('the person herself and staff of another school are refused (403 with the reason); nothing changes', async () => {
    const { t, ines, flag, student } = await flagged();
    const own = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: student, body: {} });
    expect(own.status).toBe(403);
    expect((await json<Problem>(own)).detail).toMatch(/Only the staff/);
    const other = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: await t.signIn('staff-mgmt'), body: {} });
    expect(other.status).toBe(403);
    expect((await resolved(t))).toEqual([]);
    expect((await audits(t))).toEqual([]);
  });

  it('another tenant, an unknown flag, or a flag of someone else is 404', async () => {
    const { t, ines, flag } = await flagged();
    const outsider = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: await t.signIn('admin-other'), body: {} });
    expect(outsider.status).toBe(404);
    const admin = await t.signIn('admin-demo');
    const unknown = await t.call('POST', `/v1/profiles/${ines}/review-flags/${crypto.randomUUID()}/resolve`, { token: admin, body: {} });
    expect(unknown.status).toBe(404);
    expect((await json<Problem>(unknown)).detail).toMatch(/review flag/);
    // The flag exists, but does not involve Marc.
    const rep = t.ids.demo.people['rep-acme'];
    expect((await t.call('POST', `/v1/profiles/${rep}/review-flags/${flag.id}/resolve`, { token: admin, body: {} })).status).toBe(404);
    expect((await t.call('POST', `/v1/profiles/${ines}/review-flags/not-an-id/resolve`, { token: admin, body: {} })).status).toBe(404);
    expect((await resolved(t))).toEqual([]);
  });
});

describe('GET /v1/profiles (directory)', () => {
  it('finds by a prefix of the name, without accents or case', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('rep-acme');
    const res = await t.call('GET', '/v1/profiles?q=DUB', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    const page = await json<{ items: ProfileView[]; nextCursor: string | null }>(res);
    expect(page.items.map((p) => p.id)).toEqual([claire]);
    expect(page.nextCursor).toBeNull();
    const ines = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?q=ines', { token: await t.signIn('staff-eng') }));
    expect(ines.items.map((p) => p.givenName)).toEqual(['Inès']);
  });

  it('does not match on a field the caller may not see', async () => {
    const { t, claire } = await setup();
    // Graduation year is network-only: the representative cannot find Claire by it, a student can.
    const rep = await t.signIn('rep-acme');
    const byYear = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?graduationYear=2019', { token: rep }));
    expect(byYear.items).toEqual([]);
    const student = await t.signIn('student-ines');
    const seen = await json<{ items: ProfileView[] }>(await t.call('GET', `/v1/profiles?graduationYear=2019&entity=${t.ids.demo.entities.management}`, { token: student }));
    expect(seen.items.map((p) => p.id)).toEqual([claire]);
    // Inès's names are network-only: the representative does not find her at all.
    const inesByName = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?q=martin', { token: rep }));
    expect(inesByName.items).toEqual([]);
    const byEmployer = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?employer=globex', { token: rep }));
    expect(byEmployer.items.map((p) => p.id)).toEqual([claire]);
  });

  it('pages with a cursor, caps the page size and allows only listed sort keys', async () => {
    const { t } = await setup();
    const token = await t.signIn('admin-demo');
    const first = await json<{ items: ProfileView[]; nextCursor: string }>(await t.call('GET', '/v1/profiles?limit=2', { token }));
    expect(first.items).toHaveLength(2);
    const second = await json<{ items: ProfileView[]; nextCursor: string | null }>(await t.call('GET', `/v1/profiles?limit=2&cursor=${first.nextCursor}`, { token }));
    expect(second.items).toHaveLength(2);
    expect(second.items.map((p) => p.id)).not.toContain(first.items[0]?.id);
    const all = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?limit=100', { token }));
    expect(all.items).toHaveLength(7);
    expect(all.items.map((p) => p.familyName)).toEqual(['Bernard', 'Dubois', 'Haddad', 'Laurent', 'Lefèvre', 'Martin', 'Moreau']);
    expect((await t.call('GET', '/v1/profiles?limit=101', { token })).status).toBe(400);
    expect((await t.call('GET', '/v1/profiles?sort=phone', { token })).status).toBe(400);
    expect((await t.call('GET', '/v1/profiles?cursor=bogus', { token })).status).toBe(400);
  });

  it('names each entity as it is now: a renamed entity reads renamed on the next page and profile', async () => {
    const { t, claire } = await setup();
    const token = await t.signIn('student-ines');
    const named = async () => ({
      listed: (await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?q=dubois', { token }))).items.map((p) => p.educationEntityName),
      shown: (await read(t, token, `/v1/profiles/${claire}`)).body.educationEntityName,
    });
    const before = await named();
    expect(before.listed).toEqual([expect.any(String)]);
    expect(before.shown).toBe(before.listed[0]);
    await t.db.update(entities).set({ name: 'École de management renommée' }).where(eq(entities.id, t.ids.demo.entities.management)).run();
    expect(await named()).toEqual({ listed: ['École de management renommée'], shown: 'École de management renommée' });
  });

  it('never lists another tenant’s people', async () => {
    const { t } = await setup();
    const token = await t.signIn('admin-other');
    const page = await json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?limit=100', { token }));
    expect(page.items.map((p) => p.familyName).sort()).toEqual(['Garnier', 'Petit', 'Roux']);
  });
});

describe('demo seed', () => {
  it('is idempotent and keeps edits', async () => {
    const { t, claire } = await setup();
    await t.db.update(profiles).set({ bio: 'edited' }).where(eq(profiles.personId, claire)).run();
    const { seedDemo } = await import('../seed/demo.ts');
    await seedDemo(t.db, {}, t.clock.now());
    expect((await t.db.select().from(profiles).all())).toHaveLength(10);
    expect((await row(t, claire))?.bio).toBe('edited');
  });
});
