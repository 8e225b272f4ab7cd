import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ConsentOverview } from '@passerelle/schema';
import { sampleOfferBody, testApp, type TestApp } from '../testing.ts';
import { auditLog, consentEvents, offers, pledges, profiles } from '../db/tables/index.ts';
import { versionOf } from './testing.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;
const page = 'https://www.demo.test/stages/deposer';
const browser = { origin: 'http://localhost:5173', referer: page };
let keys = 0;
const key = () => `form-consents-${++keys}`;

const eventsOf = (t: TestApp, personId: string) => t.db.select().from(consentEvents).where(eq(consentEvents.personId, personId)).all();
const offersOf = (t: TestApp, authorId: string) => t.db.select().from(offers).where(eq(offers.authorId, authorId)).all();
const granted = async (t: TestApp, token: string, purpose: string) =>
  (await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token }))).purposes.find((p) => p.key === purpose)!.channels.filter((c) => c.granted).map((c) => c.channel);

function offerBody(t: TestApp, consents: unknown): Json {
  return sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, { submit: true, consents });
}

describe('consents asked inside a form (issue 20 item 1)', () => {
  it('an offer posted with a ticked purpose records the choice with the consent centre’s proof, in the offer’s transaction', async () => {
    const t = await testApp();
    const token = await t.signIn('student-ines');
    const ines = t.ids.demo.people['student-ines'];
    const consents = [{ purpose: 'job-offers', channels: { email: true }, version: await versionOf(t, 'job-offers'), origin: { component: 'passerelle-offer-form' } }];
    const res = await t.call('POST', '/v1/offers', { token, body: offerBody(t, consents), headers: { 'idempotency-key': key(), ...browser } });
    expect(res.status).toBe(201);
    const events = await eventsOf(t, ines);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ channel: 'email', granted: true, origin: 'http://localhost:5173', originPage: page, originComponent: 'passerelle-offer-form', actorId: ines });
    expect(await granted(t, token, 'job-offers')).toEqual(['email']);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, ines), eq(auditLog.action, 'consent.choose'))).all();
    expect(audit).toHaveLength(1);
  });

  it('a text changed since the form showed it is 409 naming the purpose, and neither the offer nor any choice is written', async () => {
    const t = await testApp();
    const token = await t.signIn('student-ines');
    const ines = t.ids.demo.people['student-ines'];
    const consents = [
      { purpose: 'events', channels: { email: true }, version: await versionOf(t, 'events') },
      { purpose: 'job-offers', channels: { email: true }, version: 'a'.repeat(64) },
    ];
    const offersBefore = (await offersOf(t, ines)).length;
    const res = await t.call('POST', '/v1/offers', { token, body: offerBody(t, consents), headers: { 'idempotency-key': key(), ...browser } });
    expect(res.status).toBe(409);
    const problem = await json(res);
    expect(problem).toMatchObject({ code: 'consent.textChanged', purpose: 'job-offers', currentVersion: await versionOf(t, 'job-offers') });
    expect(await offersOf(t, ines)).toHaveLength(offersBefore);
    expect(await eventsOf(t, ines)).toHaveLength(0);
  });

  it('an unknown purpose and an unused channel are 400 with each choice’s path, and no pledge is written', async () => {
    const t = await testApp();
    const token = await t.signIn('alumna-claire');
    const claire = t.ids.demo.people['alumna-claire'];
    const gift = {
      kind: 'donation', amountCents: 5000, frequency: 'once', designation: { kind: 'foundation' }, publicThanks: false,
      donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' } },
      consents: [
        { purpose: 'no-such-purpose', channels: { email: true }, version: 'a'.repeat(64) },
        { purpose: 'alumni-news', channels: { sms: true }, version: await versionOf(t, 'alumni-news') },
      ],
    };
    const pledgesOf = async () => (await t.db.select().from(pledges).where(eq(pledges.authorId, claire)).all()).length;
    const pledgesBefore = await pledgesOf();
    const res = await t.call('POST', '/v1/pledges', { token, body: gift, headers: { 'idempotency-key': key(), ...browser } });
    expect(res.status).toBe(400);
    expect((await json<{ errors: Json[] }>(res)).errors.map((e) => [e.path, e.code])).toEqual([
      ['consents.0.purpose', 'purpose.notFound'],
      ['consents.1.channels.sms', 'consent.channelUnused'],
    ]);
    expect(await pledgesOf()).toBe(pledgesBefore);
    expect(await eventsOf(t, claire)).toHaveLength(0);

    // The same gift with the right choices: recorded once, even when the request is sent again with its key.
    gift.consents = [{ purpose: 'alumni-news', channels: { email: true }, version: await versionOf(t, 'alumni-news') }];
    const again = key();
    for (let i = 0; i < 2; i++) expect((await t.call('POST', '/v1/pledges', { token, body: gift, headers: { 'idempotency-key': again, ...browser } })).status).toBe(201);
    expect(await pledgesOf()).toBe(pledgesBefore + 1);
    expect((await eventsOf(t, claire)).map((e) => [e.channel, e.granted, e.originPage])).toEqual([['email', true, page]]);
  });

  it('the profile form may send only choices; staff correcting someone else’s profile cannot consent for them (403, nothing saved)', async () => {
    const t = await testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    const token = await t.signIn('alumna-claire');
    const read = await t.call('GET', '/v1/profiles/me', { token });
    const etag = read.headers.get('etag')!;
    const version = await versionOf(t, 'events');
    const own = await t.call('PATCH', `/v1/profiles/${claire}`, { token, body: { consents: [{ purpose: 'events', channels: { email: true }, version }] }, headers: { 'if-match': etag, ...browser } });
    expect(own.status).toBe(200);
    expect(own.headers.get('etag')).toBe(etag); // no field changed: the profile keeps its version
    expect(await granted(t, token, 'events')).toEqual(['email']);

    const staff = await t.signIn('staff-mgmt');
    const before = await t.db.select().from(profiles).where(eq(profiles.personId, claire)).get();
    const refused = await t.call('PATCH', `/v1/profiles/${claire}`, { token: staff, body: { jobTitle: 'Associée', consents: [{ purpose: 'events', channels: { email: false }, version }] }, headers: { 'if-match': etag } });
    expect(refused.status).toBe(403);
    expect(await t.db.select().from(profiles).where(eq(profiles.personId, claire)).get()).toEqual(before);
    expect(await granted(t, token, 'events')).toEqual(['email']);
  });
});
