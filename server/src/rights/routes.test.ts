import { describe, expect, it } from 'vitest';
import { versionOf } from '../consents/testing.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, consentEvents, erasureRequests, memberships, people, pledges, profiles, receipts, sessions } from '../db/tables/index.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;

interface Export {
  personId: string;
  parts: Record<string, Json[]>;
}

async function withChoices(t: TestApp) {
  const token = await t.signIn('student-ines');
  await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
  await t.call('PUT', '/v1/consents/fundraising', { token, body: { channels: { post: false }, version: (await versionOf(t, 'fundraising')) } });
  await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 2 } });
  // Someone else's choices, which must not leak into Inès's export.
  const claire = await t.signIn('alumna-claire');
  await t.call('PUT', '/v1/consents/events', { token: claire, body: { channels: { sms: true }, version: (await versionOf(t, 'events')) } });
  return token;
}

describe('GET /v1/me/export', () => {
  it('contains the person’s consent history with the text versions, and nothing of any other person', async () => {
    const t = testApp();
    const token = await withChoices(t);
    const res = await t.call('GET', '/v1/me/export', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json<Export>(res);
    const ines = t.ids.demo.people['student-ines'];
    expect(body.personId).toBe(ines);
    expect(body.parts.person).toEqual([expect.objectContaining({ id: ines, email: 'ines.martin@etu.demo.test', displayName: 'Inès Martin' })]);
    expect(body.parts.memberships).toEqual([expect.objectContaining({ role: 'student', entityName: "École d'ingénieurs" })]);
    expect(body.parts['consent-events']!.map((e) => [e.purpose, e.channel, e.granted])).toEqual([
      ['alumni-news', 'email', true],
      ['fundraising', 'post', false],
    ]);
    const versions = body.parts['consent-text-versions']!;
    expect(versions.map((v) => v.purpose).sort()).toEqual(['alumni-news', 'fundraising']);
    expect(versions.find((v) => v.purpose === 'alumni-news')).toMatchObject({ titleFr: 'Lettre des diplômés', titleEn: 'Alumni newsletter', legalBasis: 'consent' });
    for (const e of body.parts['consent-events']!) expect(versions.map((v) => v.hash)).toContain(e.versionHash);
    expect(body.parts['solicitation-cap']).toEqual([expect.objectContaining({ perMonth: 2 })]);
    expect(body.parts.audit!.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(body);
    const claire = t.ids.demo.people['alumna-claire'];
    expect(text).not.toContain(claire);
    expect(text).not.toContain('Claire');
    expect(text).not.toContain('token_hash');
  });

  it('as ?format=zip: one CSV per part, readable by another tool', async () => {
    const t = testApp();
    const token = await withChoices(t);
    const res = await t.call('GET', '/v1/me/export?format=zip', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="passerelle-export-\d{4}-\d{2}-\d{2}\.zip"/);
    const file = join(mkdtempSync(join(tmpdir(), 'passerelle-export-')), 'export.zip');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', file], { encoding: 'utf8' });
    for (const name of ['README.txt', 'person.csv', 'memberships.csv', 'consent-events.csv', 'consent-text-versions.csv', 'consent-state.csv', 'solicitation-cap.csv', 'audit.csv']) {
      expect(listing).toContain(name);
    }
    const csv = execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("consent-events.csv"))', file], { encoding: 'utf8' });
    expect(csv.split('\r\n')[0]).toBe('id,seq,at,purpose,channel,granted,versionHash,origin,claimedPage,originComponent,actorId,actorReason');
    expect(csv).toContain(',alumni-news,email,true,');
  });

  it('asks for a recent sign-in', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    t.clock.advance(16 * 60_000);
    const res = await t.call('GET', '/v1/me/export', { token });
    expect(res.status).toBe(401);
    expect((await json(res)).detail).toBe('Sign in again to download your data: for your safety it needs a sign-in from the last 15 minutes.');
    const fresh = await t.signIn('student-ines');
    expect((await t.call('GET', '/v1/me/export', { token: fresh })).status).toBe(200);
  });

  it('refuses an unknown format', async () => {
    const t = testApp();
    const res = await t.call('GET', '/v1/me/export?format=pdf', { token: await t.signIn('student-ines') });
    expect(res.status).toBe(400);
  });
});

describe('erasure', () => {
  async function requestErasure(t: TestApp, who: 'student-ines' | 'alumna-claire' = 'student-ines') {
    const token = await t.signIn(who);
    await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    const res = await t.call('POST', '/v1/me/erasure', { token, body: { confirm: true } });
    return { token, res };
  }

  it('at once: logs the request, withdraws every marketing use and tells what is kept and why', async () => {
    const t = testApp();
    const { token, res } = await requestErasure(t);
    expect(res.status).toBe(201);
    const body = await json<{ id: string; status: string; notice: { kept: { legalBasis: string }[] } }>(res);
    expect(res.headers.get('location')).toBe(`/v1/erasure-requests/${body.id}`);
    expect(body.status).toBe('pending');
    expect(body.notice.kept.map((k) => k.legalBasis).join(' ')).toContain('L102 B du Livre des procédures fiscales');
    // A promised gift keeps the donor's identity until received or cancelled: the notice says so, in the reader's language.
    const inFrench = await json<{ notice: { whenProcessed: string[] } }>(await t.call('GET', '/v1/me/erasure', { token, headers: { 'accept-language': 'fr' } }));
    expect(inFrench.notice.whenProcessed.join(' ')).toContain('Un don promis et pas encore reçu garde vos nom et adresse jusqu’à sa réception ou son annulation');
    const inEnglish = await json<{ notice: { whenProcessed: string[] } }>(await t.call('GET', '/v1/me/erasure', { token, headers: { 'accept-language': 'en' } }));
    expect(inEnglish.notice.whenProcessed.join(' ')).toContain('A gift you promised and that is not yet received keeps your name and address until it is received or cancelled');
    const overview = await json<{ purposes: { channels: { granted: boolean }[] }[] }>(await t.call('GET', '/v1/consents', { token }));
    expect(overview.purposes.flatMap((p) => p.channels).some((c) => c.granted)).toBe(false);
    expect((await t.db.select().from(erasureRequests).all())).toHaveLength(1);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'erasure.request')).all())).toHaveLength(1);
    // Asking twice gives the same pending request.
    const again = await t.call('POST', '/v1/me/erasure', { token, body: { confirm: true } });
    expect(again.status).toBe(200);
    expect((await json(again)).id).toBe(body.id);
  });

  it('needs an explicit confirmation', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/me/erasure', { token: await t.signIn('student-ines'), body: {} });
    expect(res.status).toBe(400);
    expect((await json<{ errors: { path: string; message: string }[] }>(res)).errors).toEqual([
      { path: 'confirm', code: 'erasure.confirm', params: {}, message: 'Confirm that you want your account and data deleted.' },
    ]);
  });

  it('when staff process it: no name or email is left, sessions end, consent proofs stay', async () => {
    const t = testApp();
    const { token, res } = await requestErasure(t);
    const { id } = await json<{ id: string }>(res);
    const ines = t.ids.demo.people['student-ines'];
    // Staff of another school neither see nor process it.
    const mgmt = await t.signIn('staff-mgmt');
    expect((await json<{ items: unknown[] }>(await t.call('GET', '/v1/erasure-requests', { token: mgmt }))).items).toEqual([]);
    expect((await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: mgmt })).status).toBe(403);
    // The person cannot process their own request.
    expect((await t.call('POST', `/v1/erasure-requests/${id}/process`, { token })).status).toBe(403);
    // Another tenant: 404.
    expect((await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: await t.signIn('admin-other') })).status).toBe(404);

    const staff = await t.signIn('staff-eng');
    expect((await json<{ items: { id: string }[] }>(await t.call('GET', '/v1/erasure-requests', { token: staff }))).items.map((r) => r.id)).toEqual([id]);
    const done = await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: staff });
    expect(done.status).toBe(200);
    expect(await json(done)).toMatchObject({ status: 'processed' });
    const row = t.db.select().from(people).where(eq(people.id, ines)).get()!;
    expect((await row)).toMatchObject({ email: null, displayName: null, hostSubject: null });
    expect((await t.db.select().from(memberships).where(eq(memberships.personId, ines)).all())).toEqual([]);
    expect((await t.db.select().from(sessions).where(eq(sessions.personId, ines)).all()).every((s) => s.revokedAt !== null)).toBe(true);
    expect((await t.call('GET', '/v1/consents', { token })).status).toBe(401);
    // The proof of consent stays, under the anonymous id.
    expect((await t.db.select().from(consentEvents).where(eq(consentEvents.personId, ines)).all()).length).toBeGreaterThan(0);
    expect((await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: await t.signIn('admin-demo') })).status).toBe(409);
  });

  it('profile deleted, no name or email left in the profile and people tables, pledges anonymised, tax-receipt data kept, a promised gift keeps the donor until received or cancelled', async () => {
    const t = testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    const token = await t.signIn('alumna-claire');
    // Her seeded monthly gift was received: a tax receipt names her.
    const received = (await t.db.select().from(pledges).where(eq(pledges.authorId, claire)).get())!;
    await t.db.update(pledges).set({ status: 'received', receivedCents: 2500, receivedOn: '2026-02-05' }).where(eq(pledges.id, received.id)).run();
    // And a gift she only promised.
    const promised = await t.call('POST', '/v1/pledges', {
      token,
      headers: { 'idempotency-key': 'erasure-test-1' },
      body: { kind: 'donation', amountCents: 10000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '12 rue des Lilas', postalCode: '69007', city: 'Lyon' } }, publicThanks: true },
    });
    expect(promised.status).toBe(201);
    const promisedId = ((await promised.json()) as { id: string }).id;
    // And one she will cancel.
    const toCancel = await t.call('POST', '/v1/pledges', {
      token,
      headers: { 'idempotency-key': 'erasure-test-2' },
      body: { kind: 'donation', amountCents: 5000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '12 rue des Lilas', postalCode: '69007', city: 'Lyon' } }, publicThanks: false },
    });
    const cancelledId = ((await toCancel.json()) as { id: string }).id;

    // Her export holds her profile and pledges.
    const exported = await json<Export>(await t.call('GET', '/v1/me/export', { token }));
    expect(exported.parts.profile).toEqual([expect.objectContaining({ givenName: 'Claire', familyName: 'Dubois' })]);
    expect(exported.parts.pledges!.map((p) => p.id).sort()).toEqual([received.id, promisedId, cancelledId].sort());

    const ines = await t.signIn('student-ines');
    const search = async () => ((await (await t.call('GET', '/v1/profiles?q=Dubois', { token: ines })).json()) as { items: { id?: string; personId?: string }[] }).items.length;
    expect(await search()).toBe(1);
    const asked = await t.call('POST', '/v1/me/erasure', { token, body: { confirm: true, note: 'Merci' } });
    expect(asked.status).toBe(201);
    const { id } = await json<{ id: string }>(asked);
    // At once: the directory no longer shows her to the network.
    const hidden = (await t.db.select().from(profiles).where(eq(profiles.personId, claire)).get())!;
    expect(Object.values(hidden.visibility).every((level) => level === 'private')).toBe(true);
    expect([hidden.sortNetwork, hidden.sortPublic]).toEqual(['', '']);
    expect(await search()).toBe(0);

    const done = await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: await t.signIn('staff-mgmt') });
    expect(done.status).toBe(200);
    expect((await json<{ outcome: Record<string, string> }>(done)).outcome).toMatchObject({ profile: 'deleted', pledges: 'anonymised: 3; tax-receipt data kept (LPF art. L102 B): 1; donor identity kept until received or cancelled: 2' });

    expect((await t.db.select().from(profiles).where(eq(profiles.personId, claire)).all())).toEqual([]);
    const person = (await t.db.select().from(people).where(eq(people.id, claire)).get())!;
    expect(person.email).toBeNull();
    expect(person.displayName).toBeNull();
    const profileText = JSON.stringify((await t.db.select().from(profiles).all())) + JSON.stringify((await t.db.select().from(people).all()));
    expect(profileText).not.toContain('Dubois');
    expect(profileText).not.toContain('claire.dubois');

    const keptForTax = (await t.db.select().from(pledges).where(eq(pledges.id, received.id)).get())!;
    expect(keptForTax).toMatchObject({ donorName: 'Claire Dubois', amountCents: 2500, receivedCents: 2500, receivedOn: '2026-02-05', publicThanks: false });
    expect(keptForTax.donorAddress).toMatchObject({ city: 'Lyon' });
    expect(keptForTax.taxEstimate).not.toBeNull();
    // A gift she only promised keeps who she is until it is received or cancelled: its tax receipt will need it.
    const gift = async (id: string) => (await t.db.select().from(pledges).where(eq(pledges.id, id)).get())!;
    expect((await gift(promisedId))).toMatchObject({ donorName: 'Claire Dubois', contact: null, publicThanks: false, amountCents: 10000, status: 'promised' });
    expect((await gift(promisedId)).donorAddress).toMatchObject({ line1: '12 rue des Lilas', city: 'Lyon' });
    // Received after her erasure: the receipt names her, then the gift itself is anonymised (the receipt keeps the identity).
    const admin = await t.signIn('admin-demo');
    const nowReceived = await t.call('POST', `/v1/pledges/${promisedId}/receive`, { token: admin, body: {} });
    expect(nowReceived.status).toBe(200);
    expect(await json(nowReceived)).toMatchObject({ status: 'received', receipt: { number: expect.stringMatching(/^2026-\d{6}$/) } });
    const receipt = (await t.db.select().from(receipts).where(eq(receipts.pledgeId, promisedId)).get())!;
    expect(receipt.mentions.donor).toMatchObject({ kind: 'individual', name: 'Claire Dubois', address: { line1: '12 rue des Lilas', postalCode: '69007', city: 'Lyon' } });
    expect((await gift(promisedId))).toMatchObject({ donorName: null, donorAddress: null, status: 'received', receivedCents: 10000 });
    // Cancelled after her erasure: anonymised, no receipt.
    expect((await gift(cancelledId)).donorName).toBe('Claire Dubois');
    expect((await t.call('POST', `/v1/pledges/${cancelledId}/cancel`, { token: admin, body: {} })).status).toBe(200);
    expect((await gift(cancelledId))).toMatchObject({ donorName: null, donorAddress: null, status: 'cancelled' });
    expect((await t.db.select().from(receipts).where(eq(receipts.pledgeId, cancelledId)).all())).toEqual([]);
  });
});
