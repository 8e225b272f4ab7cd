// `person.erased`: a CRM subscribed for a school hears that one of its people
// was erased — by their request or by the retention rule — so that it forgets
// them too. The payload names ids and the reason only, never personal data;
// staff of another school do not hear of it.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { webhookDeliveries } from '../db/tables/index.ts';

const CRM = { 'crm.univ.example': ['93.184.216.34'] };

async function subscribeFor(t: TestApp, admin: string, entity: 'engineering' | 'management'): Promise<string> {
  const res = await t.call('POST', '/v1/webhooks', { token: admin, body: { url: `https://crm.univ.example/${entity}`, events: ['person.erased'], entityId: t.ids.demo.entities[entity] } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const payloadsOf = async (t: TestApp, subscriptionId: string) =>
  (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId)).all()).map((row) => JSON.parse(row.payload) as { type: string; data: Record<string, unknown> });

describe('the person.erased webhook', () => {
  it('tells the subscriptions of the person’s school, with ids only, when staff process her request', async () => {
    const t = testApp({ hosts: CRM });
    const admin = await t.signIn('admin-demo');
    const eng = await subscribeFor(t, admin, 'engineering');
    const mgmt = await subscribeFor(t, admin, 'management');
    const ines = t.ids.demo.people['student-ines'];
    const asked = await t.call('POST', '/v1/me/erasure', { token: await t.signIn('student-ines'), body: { confirm: true } });
    expect(asked.status).toBe(201);
    const request = (await asked.json()) as { id: string };
    expect(await payloadsOf(t, eng)).toEqual([]);

    const done = await t.call('POST', `/v1/erasure-requests/${request.id}/process`, { token: await t.signIn('staff-eng'), body: {} });
    expect(done.status).toBe(200);
    const sent = await payloadsOf(t, eng);
    expect(sent).toEqual([{ type: 'person.erased', timestamp: expect.any(String), data: { personId: ines, erasureRequestId: request.id, reason: 'request', erasedAt: expect.any(String) } }]);
    expect(JSON.stringify(sent)).not.toMatch(/ines|martin|@/i);
    expect(await payloadsOf(t, mgmt)).toEqual([]);
  });

  it('says the retention rule when staff anonymise someone inactive for years', async () => {
    const t = testApp({ hosts: CRM });
    const admin = await t.signIn('admin-demo');
    const eng = await subscribeFor(t, admin, 'engineering');
    t.clock.set(new Date(t.clock.now().getTime() + (3 * 366 + 1) * 86_400_000));
    const staff = await t.signIn('staff-eng');
    const ines = t.ids.demo.people['student-ines'];
    const res = await t.call('POST', `/v1/retention/people/${ines}/anonymise`, { token: staff });
    expect(res.status).toBe(200);
    const { erasureRequestId } = (await res.json()) as { erasureRequestId: string };
    expect((await payloadsOf(t, eng)).map((p) => p.data)).toEqual([{ personId: ines, erasureRequestId, reason: 'retention', erasedAt: expect.any(String) }]);
  });
});
