import { describe, expect, it } from 'vitest';
import { versionOf } from './testing.ts';
import { and, eq } from 'drizzle-orm';
import type { ConsentEventView, ConsentOverview, PurposeState } from '@passerelle/schema';
import { databaseRefusal, testApp, type TestApp } from '../testing.ts';
import { consentEvents, purposeVersions, purposes, solicitationCapEvents } from '../db/tables/index.ts';

type Json = Record<string, unknown>;
const json = async <T = Json>(res: Response) => (await res.json()) as T;

function purposeOf(overview: ConsentOverview, key: string): PurposeState {
  const p = overview.purposes.find((x) => x.key === key);
  if (!p) throw new Error(`no purpose ${key}`);
  return p;
}
const stateOf = (p: PurposeState, channel: string) => p.channels.find((c) => c.channel === channel)!;

async function ines(t: TestApp) {
  return { token: await t.signIn('student-ines'), id: t.ids.demo.people['student-ines'] };
}

function eventsOf(t: TestApp, personId: string) {
  return t.db.select().from(consentEvents).where(eq(consentEvents.personId, personId)).all();
}

describe('GET /v1/consents', () => {
  it('lists every purpose with its text; nothing under consent is pre-ticked, legitimate interest is yes until objected', async () => {
    const t = testApp();
    const { token } = await ines(t);
    const res = await t.call('GET', '/v1/consents', { token });
    expect(res.status).toBe(200);
    const body = await json<ConsentOverview>(res);
    expect(body.purposes.map((p) => p.key)).toEqual(['alumni-news', 'events', 'fundraising', 'job-offers']);
    const news = purposeOf(body, 'alumni-news');
    expect(news.version.title).toEqual({ fr: 'Lettre des diplômés', en: 'Alumni newsletter' });
    expect(news.version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stateOf(news, 'email')).toMatchObject({ granted: false, source: 'default' });
    expect(purposeOf(body, 'events').channels.every((c) => !c.granted)).toBe(true);
    expect(purposeOf(body, 'fundraising').channels.map((c) => [c.channel, c.granted])).toEqual([
      ['email', true],
      ['post', true],
    ]);
    expect(body.solicitationCap).toEqual({ perMonth: 4, source: 'default', since: null, tenantDefault: 4 });
  });
});

describe('PUT /v1/consents/:purpose', () => {
  it('a grant then a withdrawal produce two events and the state is withdrawn', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    const grant = await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')), origin: { page: 'https://www.demo.test/mon-compte', component: 'passerelle-consent-centre' } } });
    expect(grant.status).toBe(200);
    expect(await json(grant)).toMatchObject({ changed: ['email'], purpose: { key: 'events' } });
    t.clock.advance(60_000);
    const withdraw = await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: false }, version: (await versionOf(t, 'events')) } });
    expect(withdraw.status).toBe(200);
    const events = (await eventsOf(t, id));
    expect(events.map((e) => [e.channel, e.granted])).toEqual([
      ['email', true],
      ['email', false],
    ]);
    expect(events[0]).toMatchObject({ originPage: 'https://www.demo.test/mon-compte', originComponent: 'passerelle-consent-centre', actorId: id });
    const overview = await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token }));
    expect(stateOf(purposeOf(overview, 'events'), 'email')).toMatchObject({ granted: false, source: 'choice' });
  });

  it('records nothing when the state is unchanged (idempotent), even within the same millisecond', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    for (let i = 0; i < 3; i++) expect((await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true, sms: false }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
    // sms: false is the default under consent: no event for it.
    expect((await eventsOf(t, id)).map((e) => [e.channel, e.granted])).toEqual([['email', true]]);
    // Fundraising is yes until objected: saying yes records nothing.
    const again = await json(await t.call('PUT', '/v1/consents/fundraising', { token, body: { channels: { post: true }, version: (await versionOf(t, 'fundraising')) } }));
    expect(again.changed).toEqual([]);
    expect((await eventsOf(t, id))).toHaveLength(1);
  });

  it('refuses a channel the purpose does not use, an unknown key, and a text the person did not see', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    const sms = await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { sms: true }, version: (await versionOf(t, 'alumni-news')) } });
    expect(sms.status).toBe(400);
    expect((await json<{ errors: unknown[] }>(sms)).errors).toEqual([
      { path: 'channels.sms', code: 'consent.channelUnused', params: { channel: 'sms', channels: ['email'] }, message: 'This purpose does not use sms; its channels are email.' },
    ]);
    expect((await t.call('PUT', '/v1/consents/nope', { token, body: { channels: { email: true }, version: 'a'.repeat(64) } })).status).toBe(404);
    const stale = await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: 'a'.repeat(64) } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).detail).toMatch(/text of this purpose has changed/);
    expect((await eventsOf(t, id))).toHaveLength(0);
  });

  it('a new purpose version marks earlier consents as needing renewal; saying yes again renews it', async () => {
    const t = testApp();
    const { token } = await ines(t);
    await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    const admin = await t.signIn('admin-demo');
    const purpose = (await t.db.select().from(purposes).where(and(eq(purposes.tenantId, t.ids.demo.tenantId), eq(purposes.key, 'alumni-news'))).get())!;
    const read = await t.call('GET', `/v1/purposes/${purpose.id}`, { token: admin });
    const edit = await t.call('PATCH', `/v1/purposes/${purpose.id}`, {
      token: admin,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { description: { fr: 'Une lettre hebdomadaire, désormais avec des offres partenaires.', en: 'A weekly newsletter, now with partner offers.' } },
    });
    expect(edit.status).toBe(200);
    const overview = await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token }));
    const news = purposeOf(overview, 'alumni-news');
    expect(news.renewalNeeded).toBe(true);
    expect(stateOf(news, 'email')).toMatchObject({ granted: true, renewalNeeded: true });
    expect(stateOf(news, 'email').versionHash).not.toBe(news.version.hash);
    // The older text stays readable.
    const versions = await json<{ items: { hash: string }[] }>(await t.call('GET', `/v1/purposes/${purpose.id}/versions`, { token }));
    expect(versions.items).toHaveLength(2);
    const renew = await json<{ changed: string[]; purpose: PurposeState }>(await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: news.version.hash } }));
    expect(renew.changed).toEqual(['email']);
    expect(renew.purpose.renewalNeeded).toBe(false);
  });

  it('a consent ends after the purpose’s retention (24 months here) and is flagged a month before', async () => {
    const t = testApp();
    const { token } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    t.clock.set(new Date('2028-02-20T09:00:00.000Z'));
    let ev = purposeOf(await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token: await t.signIn('student-ines') })), 'events');
    expect(stateOf(ev, 'email')).toMatchObject({ granted: true, expiresSoon: true, expiresAt: '2028-03-02T09:00:00.000Z' });
    t.clock.set(new Date('2028-03-03T09:00:00.000Z'));
    ev = purposeOf(await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token: await t.signIn('student-ines') })), 'events');
    expect(stateOf(ev, 'email')).toMatchObject({ granted: false, source: 'choice' });
  });
});


describe('consent events are append-only', () => {
  it('the database refuses UPDATE and DELETE on consent events (and on text versions)', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 2 } });
    await expect(databaseRefusal(async () => t.db.update(consentEvents).set({ granted: false }).where(eq(consentEvents.personId, id)).run())).resolves.toMatch(/append-only/);
    await expect(databaseRefusal(async () => t.db.delete(consentEvents).where(eq(consentEvents.personId, id)).run())).resolves.toMatch(/append-only/);
    await expect(databaseRefusal(async () => t.db.update(solicitationCapEvents).set({ perMonth: 9 }).run())).resolves.toMatch(/append-only/);
    await expect(databaseRefusal(async () => t.db.delete(solicitationCapEvents).run())).resolves.toMatch(/append-only/);
    await expect(databaseRefusal(async () => t.db.update(purposeVersions).set({ title: { fr: 'x', en: 'x' } }).run())).resolves.toMatch(/append-only/);
    await expect(databaseRefusal(async () => t.db.delete(purposeVersions).run())).resolves.toMatch(/append-only/);
    expect((await eventsOf(t, id))).toEqual([expect.objectContaining({ channel: 'email', granted: true })]);
  });
});

describe('POST /v1/consents/withdraw-all', () => {
  it('leaves no optional purpose granted and objects to legitimate-interest ones, in one action', async () => {
    const t = testApp();
    const { token } = await ines(t);
    await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true, sms: true }, version: (await versionOf(t, 'events')) } });
    await t.call('PUT', '/v1/consents/job-offers', { token, body: { channels: { email: true }, version: (await versionOf(t, 'job-offers')) } });
    const res = await t.call('POST', '/v1/consents/withdraw-all', { token });
    expect(res.status).toBe(200);
    const body = await json<ConsentOverview & { changed: unknown[] }>(res);
    expect(body.purposes.flatMap((p) => p.channels).filter((c) => c.granted)).toEqual([]);
    expect(stateOf(purposeOf(body, 'fundraising'), 'post')).toMatchObject({ granted: false, source: 'choice' });
    expect(body.changed).toHaveLength(4);
    // A second time changes nothing.
    expect((await json(await t.call('POST', '/v1/consents/withdraw-all', { token, body: {} }))).changed).toEqual([]);
  });
});

describe('PUT /v1/consents/solicitation-cap', () => {
  it('stores the person’s cap as events, and refuses an unreasonable one', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    const res = await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 2 } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ perMonth: 2, source: 'choice', tenantDefault: 4 });
    await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 2 } });
    expect((await t.db.select().from(solicitationCapEvents).where(eq(solicitationCapEvents.personId, id)).all())).toHaveLength(1);
    const bad = await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 500 } });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: unknown[] }>(bad)).errors).toEqual([
      { path: 'perMonth', code: 'consent.messagesPerMonth.range', params: { max: 30 }, message: 'Enter a whole number of messages per month, from 0 to 30.' },
    ]);
  });
});

describe('GET /v1/consents/history', () => {
  it('shows each choice with the exact text the person saw', async () => {
    const t = testApp();
    const { token } = await ines(t);
    await t.call('PUT', '/v1/consents/job-offers', { token, body: { channels: { email: true }, version: (await versionOf(t, 'job-offers')) } });
    await t.call('PUT', '/v1/consents/job-offers', { token, body: { channels: { email: false }, version: (await versionOf(t, 'job-offers')) } });
    const page1 = await json<{ items: ConsentEventView[]; nextCursor: string | null }>(await t.call('GET', '/v1/consents/history?limit=1', { token }));
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({ purposeKey: 'job-offers', channel: 'email', granted: true, actor: { kind: 'self' }, version: { title: { en: 'Internship and job offers' } } });
    const page2 = await json<{ items: ConsentEventView[]; nextCursor: string | null }>(await t.call('GET', `/v1/consents/history?limit=1&cursor=${page1.nextCursor}`, { token }));
    expect(page2.items.map((e) => e.granted)).toEqual([false]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('GET /v1/consents/people/:personId', () => {
  it('staff of the person’s entity read the state; they cannot change it', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/alumni-news', { token, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    const staff = await t.signIn('staff-eng');
    const res = await t.call('GET', `/v1/consents/people/${id}`, { token: staff });
    expect(res.status).toBe(200);
    expect(stateOf(purposeOf(await json<ConsentOverview>(res), 'alumni-news'), 'email').granted).toBe(true);
    expect((await t.call('PUT', `/v1/consents/people/${id}`, { token: staff, body: { channels: { email: false } } })).status).toBe(405);
  });

  it('staff of another entity are refused with the policy’s words; another tenant gets 404', async () => {
    const t = testApp();
    const id = t.ids.demo.people['student-ines'];
    const res = await t.call('GET', `/v1/consents/people/${id}`, { token: await t.signIn('staff-mgmt') });
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toMatch(/Only the person concerned, staff of one of their entities, an administrator or the data protection officer/);
    expect((await t.call('GET', `/v1/consents/people/${id}`, { token: await t.signIn('alumna-claire') })).status).toBe(403);
    expect((await t.call('GET', `/v1/consents/people/${id}`, { token: await t.signIn('admin-other') })).status).toBe(404);
  });
});

describe('GET /v1/consents/export', () => {
  it('gives administrators a CSV of one purpose’s state with the solicitation cap', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/fundraising', { token, body: { channels: { post: false }, version: (await versionOf(t, 'fundraising')) } });
    await t.call('PUT', '/v1/consents/solicitation-cap', { token, body: { perMonth: 1 } });
    const res = await t.call('GET', '/v1/consents/export?purpose=fundraising', { token: await t.signIn('admin-demo') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('personId,email,displayName,purpose,channel,granted,source,since,versionHash,renewalNeeded,expiresAt,solicitationCapPerMonth,origin,claimedPage');
    const mine = lines.filter((l) => l.startsWith(id));
    expect(mine).toHaveLength(2);
    // No browser Origin nor page in these requests: the proof columns are empty.
    expect(mine.find((l) => l.includes(',post,'))).toMatch(/,post,no,choice,.*,1,,$/);
    expect(mine.find((l) => l.includes(',email,'))).toMatch(/,email,yes,default,/);
    // Nobody of the other tenant.
    expect(lines.join('\n')).not.toContain('autre.test');
  });

  it('refuses staff and students', async () => {
    const t = testApp();
    const res = await t.call('GET', '/v1/consents/export?purpose=fundraising', { token: await t.signIn('staff-eng') });
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toBe('Only administrators can export consent states. Ask an administrator of your institution.');
  });
});

describe('/v1/purposes', () => {
  it('administrators create purposes; the key is unique; others are refused', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const body = {
      key: 'surveys',
      title: { fr: 'Enquêtes', en: 'Surveys' },
      description: { fr: 'Enquête d’insertion annuelle.', en: 'Yearly graduate outcome survey.' },
      legalBasis: 'consent',
      channels: ['email', 'phone'],
      entityId: t.ids.demo.entities.university,
      retentionMonths: 12,
    };
    const res = await t.call('POST', '/v1/purposes', { token: admin, body });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/^\/v1\/purposes\/[0-9a-f-]{36}$/);
    expect((await t.call('POST', '/v1/purposes', { token: admin, body })).status).toBe(409);
    const staff = await t.call('POST', '/v1/purposes', { token: await t.signIn('staff-eng'), body: { ...body, key: 'other' } });
    expect(staff.status).toBe(403);
    const reserved = await t.call('POST', '/v1/purposes', { token: admin, body: { ...body, key: 'withdraw-all' } });
    expect(reserved.status).toBe(400);
  });

  it('an edit needs If-Match (428) and a fresh one (412)', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const p = (await t.db.select().from(purposes).where(eq(purposes.key, 'events')).get())!;
    expect((await t.call('PATCH', `/v1/purposes/${p.id}`, { token: admin, body: { retentionMonths: 12 } })).status).toBe(428);
    expect((await t.call('PATCH', `/v1/purposes/${p.id}`, { token: admin, headers: { 'if-match': '"stale"' }, body: { retentionMonths: 12 } })).status).toBe(412);
  });
});

describe('/v1/purposes/settings', () => {
  it('administrators set the default solicitation cap; people who never chose get it', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const { token } = await ines(t);
    expect((await t.call('PUT', '/v1/purposes/settings', { token, body: { solicitationCapDefault: 2 } })).status).toBe(403);
    const res = await t.call('PUT', '/v1/purposes/settings', { token: admin, body: { solicitationCapDefault: 2 } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ solicitationCapDefault: 2 });
    expect((await json<ConsentOverview>(await t.call('GET', '/v1/consents', { token }))).solicitationCap).toMatchObject({ perMonth: 2, source: 'default', tenantDefault: 2 });
    expect((await t.call('PUT', '/v1/purposes/settings', { token: admin, body: { solicitationCapDefault: -1 } })).status).toBe(400);
  });
});
