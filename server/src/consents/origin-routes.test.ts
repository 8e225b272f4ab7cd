/**
 * A consent proof says where the choice was made in two parts kept apart:
 * the Origin the server checked against the institution's registered
 * origins, and the page the client claims. A forged page is stored and shown
 * as claimed, never as the origin.
 */
import { describe, expect, it } from 'vitest';
import { versionOf } from './testing.ts';
import { eq } from 'drizzle-orm';
import type { ConsentEventView } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { DEMO_ORIGIN } from '../seed/demo.ts';
import { consentEvents, solicitationCapEvents } from '../db/tables/index.ts';

const FORGED = 'https://evil.example/forged';

async function ines(t: TestApp) {
  return { token: await t.signIn('student-ines'), id: t.ids.demo.people['student-ines'] };
}
const eventsOf = async (t: TestApp, personId: string) => (await t.db.select().from(consentEvents).where(eq(consentEvents.personId, personId)).all());
const capEventsOf = async (t: TestApp, personId: string) => (await t.db.select().from(solicitationCapEvents).where(eq(solicitationCapEvents.personId, personId)).all());

describe('consent proof: checked Origin and claimed page', () => {
  it('a choice made from the demo site with a forged page stores the checked Origin as origin and the forged page as origin_page', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    const res = await t.call('PUT', '/v1/consents/events', {
      token,
      headers: { origin: DEMO_ORIGIN },
      body: { channels: { email: true }, version: (await versionOf(t, 'events')), origin: { page: FORGED, component: 'passerelle-consent-centre' } },
    });
    expect(res.status).toBe(200);
    const [row] = (await eventsOf(t, id));
    expect(row).toMatchObject({ origin: DEMO_ORIGIN, originPage: FORGED, originComponent: 'passerelle-consent-centre' });
  });

  it('the history (the proof the person reads) labels the page as claimed, next to the checked Origin; the former `page` still reads it', async () => {
    const t = testApp();
    const { token } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, headers: { origin: DEMO_ORIGIN }, body: { channels: { email: true }, version: (await versionOf(t, 'events')), origin: { page: FORGED } } });
    const history = (await (await t.call('GET', '/v1/consents/history', { token })).json()) as { items: ConsentEventView[] };
    expect(history.items[0]!.origin).toEqual({ checked: DEMO_ORIGIN, claimedPage: FORGED, page: FORGED, component: null });
  });

  it('a session used from an Origin the institution has not registered records nothing (403)', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    const res = await t.call('PUT', '/v1/consents/events', { token, headers: { origin: 'https://evil.example' }, body: { channels: { email: true }, version: (await versionOf(t, 'events')), origin: { page: FORGED } } });
    expect(res.status).toBe(403);
    expect((await eventsOf(t, id))).toEqual([]);
  });

  it('without a browser Origin, origin is null and the Referer is kept only as the claimed page', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, headers: { referer: FORGED }, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    expect((await eventsOf(t, id))[0]).toMatchObject({ origin: null, originPage: FORGED });
  });

  it('withdraw-all and the solicitation cap record the checked Origin too', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    expect((await t.call('POST', '/v1/consents/withdraw-all', { token, headers: { origin: DEMO_ORIGIN }, body: { origin: { page: FORGED } } })).status).toBe(200);
    const withdrawals = (await eventsOf(t, id)).filter((e) => !e.granted);
    expect(withdrawals.length).toBeGreaterThan(0);
    for (const e of withdrawals) expect(e).toMatchObject({ origin: DEMO_ORIGIN, originPage: FORGED });
    expect((await t.call('PUT', '/v1/consents/solicitation-cap', { token, headers: { origin: DEMO_ORIGIN }, body: { perMonth: 2, origin: { page: FORGED } } })).status).toBe(200);
    expect((await capEventsOf(t, id))).toEqual([expect.objectContaining({ perMonth: 2, origin: DEMO_ORIGIN, originPage: FORGED })]);
  });

  it('an erasure request’s withdrawals record the Origin it was asked from', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } });
    expect((await t.call('POST', '/v1/me/erasure', { token, headers: { origin: DEMO_ORIGIN }, body: { confirm: true } })).status).toBe(201);
    const withdrawals = (await eventsOf(t, id)).filter((e) => !e.granted);
    expect(withdrawals.length).toBeGreaterThan(0);
    for (const e of withdrawals) expect(e).toMatchObject({ origin: DEMO_ORIGIN, originPage: null, originComponent: 'erasure' });
  });

  it('the CRM export and the person’s data export name both: origin (checked) and claimedPage', async () => {
    const t = testApp();
    const { token, id } = await ines(t);
    await t.call('PUT', '/v1/consents/events', { token, headers: { origin: DEMO_ORIGIN }, body: { channels: { email: true }, version: (await versionOf(t, 'events')), origin: { page: FORGED } } });
    await t.call('PUT', '/v1/consents/solicitation-cap', { token, headers: { origin: DEMO_ORIGIN }, body: { perMonth: 2, origin: { page: FORGED } } });

    const crm = await t.call('GET', '/v1/consents/export?purpose=events', { token: await t.signIn('admin-demo') });
    const lines = (await crm.text()).trim().split('\r\n');
    expect(lines[0]!.endsWith(',origin,claimedPage')).toBe(true);
    expect(lines.find((l) => l.startsWith(id) && l.includes(',email,'))!.endsWith(`,${DEMO_ORIGIN},${FORGED}`)).toBe(true);

    const mine = (await (await t.call('GET', '/v1/me/export', { token })).json()) as { parts?: unknown } & Record<string, unknown>;
    const text = JSON.stringify(mine);
    expect(text).toContain(`"origin":"${DEMO_ORIGIN}","claimedPage":"${FORGED}"`);
    expect(text).not.toContain('"originPage"');
  });
});
