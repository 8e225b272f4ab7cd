/**
 * Renewal the CRM can see (issue 20 item 4): a choice names the text it was
 * made on; a consent given to an older text is "to be renewed" in the people
 * export; the CRM hears `consent.renewal_needed` when a purpose's text changes
 * and `consent.lapsed` when a consent's retention runs out (the worker's daily
 * sweep).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ConsentOverview, PersonExport, WebhookPayload } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { consentEvents, webhookDeliveries } from '../db/tables/index.ts';
import { readCsv } from '../csv/parse.ts';
import { versionOf } from './testing.ts';
import { startConsentLapseSweeper, sweepConsentLapses } from './lapses.ts';

const DAY = 86_400_000;

/** An administrator's subscription to the renewal and lapse events (a public name: deliveries are not what is tested here). */
async function subscribe(t: TestApp, admin: string): Promise<string> {
  t.hosts.set('crm.example.org', ['2f00::1']);
  const res = await t.call('POST', '/v1/webhooks', { token: admin, body: { url: 'https://crm.example.org/hooks', events: ['consent.renewal_needed', 'consent.lapsed'] } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** What the subscription was sent: each delivery's event type and payload. */
async function sent(t: TestApp, subscriptionId: string) {
  return (await t.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .all())
    .map((d) => ({ type: d.eventType, payload: JSON.parse(d.payload) as WebhookPayload<ConsentOverview & Record<string, unknown>> }));
}

async function publishNewText(t: TestApp, admin: string, key: string) {
  const list = (await (await t.call('GET', '/v1/purposes', { token: admin })).json()) as { items: { id: string; key: string }[] };
  const id = list.items.find((p) => p.key === key)!.id;
  const read = await t.call('GET', `/v1/purposes/${id}`, { token: admin });
  const res = await t.call('PATCH', `/v1/purposes/${id}`, { token: admin, headers: { 'if-match': read.headers.get('etag')! }, body: { description: { fr: 'Un nouveau texte.', en: 'A new text.' } } });
  expect(res.status).toBe(200);
}

describe('a consent choice names the text it was made on', () => {
  it('without a version it is refused with the field path and code, and nothing is recorded', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const res = await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true } } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ errors: [{ path: 'version', code: 'validation.required' }] });
    expect((await t.db.select().from(consentEvents).where(eq(consentEvents.personId, t.ids.demo.people['student-ines'])).all())).toEqual([]);
    // With it, the same choice is recorded.
    expect((await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
  });
});

describe('the people export says which consents are to be renewed', () => {
  it('renewal_<purpose>_<channel> is yes for a consent given to an older text, and the JSON says it per purpose and channel', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const claire = t.ids.demo.people['alumna-claire'];
    const ines = t.ids.demo.people['student-ines'];
    const version = versionOf(t, 'events');
    await t.call('PUT', '/v1/consents/events', { token: await t.signIn('alumna-claire'), body: { channels: { email: true, sms: true }, version: await version } });
    await t.call('PUT', '/v1/consents/events', { token: await t.signIn('student-ines'), body: { channels: { email: true }, version: await version } });
    await publishNewText(t, admin, 'events');
    // Inès agrees to the new text; Claire has not yet.
    await t.call('PUT', '/v1/consents/events', { token: await t.signIn('student-ines'), body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });

    const res = await t.call('GET', '/v1/exports/people', { token: admin });
    expect(res.status).toBe(200);
    const file = readCsv(new Uint8Array(await res.arrayBuffer()));
    const columns = file.header!.cells;
    expect(columns).toEqual(expect.arrayContaining(['consent_events_email', 'renewal_events_email', 'renewal_events_sms', 'renewal_alumni-news_email']));
    expect(columns.indexOf('renewal_events_email')).toBeGreaterThan(columns.indexOf('consent_job-offers_email'));
    expect(columns.slice(-2)).toEqual(['solicitation_cap_per_month', 'solicitation_remaining_this_month']);
    const rows = file.records.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.cells[i] ?? ''])));
    expect(rows.find((r) => r.id === claire)).toMatchObject({ consent_events_email: 'yes', renewal_events_email: 'yes', renewal_events_sms: 'yes', 'renewal_alumni-news_email': 'no' });
    expect(rows.find((r) => r.id === ines)).toMatchObject({ consent_events_email: 'yes', renewal_events_email: 'no' });

    const json = await t.call('GET', '/v1/exports/people?format=json', { token: admin });
    const people = ((await json.json()) as { items: PersonExport[] }).items;
    expect(people.find((p) => p.id === claire)!.consentRenewals.events).toEqual({ email: true, sms: true });
    expect(people.find((p) => p.id === ines)!.consentRenewals.events).toEqual({ email: false, sms: false });
  });
});

describe('webhooks: consent.renewal_needed when a purpose’s text changes', () => {
  it('one delivery per person who had agreed, naming the purpose, the new version and the channels; none for the others', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const subscription = await subscribe(t, admin);
    const version = versionOf(t, 'events');
    await t.call('PUT', '/v1/consents/events', { token: await t.signIn('alumna-claire'), body: { channels: { sms: true }, version: await version } });
    await t.call('PUT', '/v1/consents/events', { token: await t.signIn('student-ines'), body: { channels: { email: true }, version: await version } });
    // Julien agreed, then withdrew: nothing to renew.
    const julien = await t.signIn('staff-mgmt');
    await t.call('PUT', '/v1/consents/events', { token: julien, body: { channels: { email: true }, version: await version } });
    await t.call('PUT', '/v1/consents/events', { token: julien, body: { channels: { email: false }, version: await version } });
    expect((await sent(t, subscription))).toEqual([]);

    await publishNewText(t, admin, 'events');
    const newVersion = versionOf(t, 'events');
    const deliveries = (await sent(t, subscription));
    expect(deliveries.map((d) => d.type)).toEqual(['consent.renewal_needed', 'consent.renewal_needed']);
    const byPerson = new Map(deliveries.map((d) => [d.payload.data.personId, d.payload.data]));
    expect([...byPerson.keys()].sort()).toEqual([t.ids.demo.people['alumna-claire'], t.ids.demo.people['student-ines']].sort());
    expect(byPerson.get(t.ids.demo.people['student-ines'])!.renewal).toEqual({ purposeKey: 'events', version: (await newVersion), channels: ['email'] });
    expect(byPerson.get(t.ids.demo.people['alumna-claire'])!.renewal).toEqual({ purposeKey: 'events', version: (await newVersion), channels: ['sms'] });
    // The payload is the person's consents as staff read them: the purpose is now to be renewed.
    const events = byPerson.get(t.ids.demo.people['student-ines'])!.purposes.find((p) => p.key === 'events')!;
    expect(events).toMatchObject({ renewalNeeded: true, version: { hash: (await newVersion) } });

    // Editing only the retention publishes no new text: nothing more is sent.
    const list = (await (await t.call('GET', '/v1/purposes', { token: admin })).json()) as { items: { id: string; key: string }[] };
    const id = list.items.find((p) => p.key === 'events')!.id;
    const read = await t.call('GET', `/v1/purposes/${id}`, { token: admin });
    expect((await t.call('PATCH', `/v1/purposes/${id}`, { token: admin, headers: { 'if-match': read.headers.get('etag')! }, body: { retentionMonths: 30 } })).status).toBe(200);
    expect((await sent(t, subscription))).toHaveLength(2);
  });
});

describe('webhooks: consent.lapsed from the daily sweep', () => {
  it('announces a consent once its retention ran out, once, however often the sweep runs', async () => {
    const t = testApp();
    const tenant = t.ids.demo.tenantId;
    const subscription = await subscribe(t, await t.signIn('admin-demo'));
    const ines = await t.signIn('student-ines');
    // Events: 24 months of retention.
    await t.call('PUT', '/v1/consents/events', { token: ines, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    expect(await sweepConsentLapses(t.db, tenant, t.clock.now())).toBe(0);

    t.clock.set(new Date('2028-03-02T10:00:00.000Z'));
    expect(await sweepConsentLapses(t.db, tenant, t.clock.now())).toBe(1);
    const [lapse] = (await sent(t, subscription));
    expect(lapse!.type).toBe('consent.lapsed');
    expect(lapse!.payload.data.personId).toBe(t.ids.demo.people['student-ines']);
    expect(lapse!.payload.data.lapsed).toEqual([{ purposeKey: 'events', channel: 'email', expiredAt: '2028-03-02T09:00:00.000Z' }]);
    expect(lapse!.payload.data.purposes.find((p) => p.key === 'events')!.channels.find((c) => c.channel === 'email')).toMatchObject({ granted: false });

    // Again the same day, and the next days: nothing new.
    expect(await sweepConsentLapses(t.db, tenant, t.clock.now())).toBe(0);
    t.clock.advance(DAY + 1);
    expect(await sweepConsentLapses(t.db, tenant, t.clock.now())).toBe(0);
    t.clock.advance(DAY + 1);
    expect(await sweepConsentLapses(t.db, tenant, t.clock.now())).toBe(0);
    expect((await sent(t, subscription))).toHaveLength(1);
  });

  it('the background worker runs the sweep of every institution', async () => {
    const t = testApp();
    const subscription = await subscribe(t, await t.signIn('admin-demo'));
    await t.call('PUT', '/v1/consents/job-offers', { token: await t.signIn('student-ines'), body: { channels: { email: true }, version: (await versionOf(t, 'job-offers')) } });
    // A first sweep marks where the next one starts, then the consent's two years run out.
    expect(await sweepConsentLapses(t.db, t.ids.demo.tenantId, t.clock.now())).toBe(0);
    t.clock.set(new Date('2028-03-03T09:00:00.000Z'));
    const sweeper = startConsentLapseSweeper({ db: t.db, clock: t.clock });
    try {
      for (let tries = 0; (await sent(t, subscription)).length === 0 && tries < 1000; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await sweeper.stop();
    }
    expect(sweeper.running()).toBe(false);
    expect((await sent(t, subscription)).map((d) => [d.type, d.payload.data.lapsed])).toEqual([['consent.lapsed', [{ purposeKey: 'job-offers', channel: 'email', expiredAt: '2028-03-02T09:00:00.000Z' }]]]);
  });
});
