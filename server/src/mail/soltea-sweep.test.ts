/**
 * SOLTéA reminders through the mail outbox: the author of a promised
 * apprenticeship-tax pledge is reminded when a period of its campaign opens
 * and 7 days before it closes, once each, with the school's identifiers; an
 * allocated pledge is not. The calendar is the one an administrator set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { MailParams, Pledge } from '@passerelle/schema';
import { mailWords } from '@passerelle/schema/messages/mail';
import { sampleTaxPledgeBody, testApp, type TestApp } from '../testing.ts';
import { mailOutbox } from '../db/tables/index.ts';
import { testConfig } from '../env.ts';
import { campaignsInForce, storeCampaign } from '../pledges/campaigns.ts';
import { dailySweep } from './sweep.ts';

describe('SOLTéA reminders', () => {
  let t: TestApp;
  let promised: Pledge;
  const sweepOn = (day: string) => {
    t.clock.set(new Date(`${day}T06:00:00.000Z`));
    return dailySweep(t.db, t.clock.now(), () => campaignsInForce({ db: t.db, config: testConfig() }));
  };
  let allocatedId = '';
  /** Marc's reminders about the two pledges of this test (the demo seeds others of his). */
  const reminders = async () =>
    (await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.kind, 'pledge.solteaReminder'), eq(mailOutbox.personId, t.ids.demo.people['rep-acme']))).orderBy(mailOutbox.createdAt).all())
      .filter((m) => [promised.id, allocatedId].includes((m.params as { reference: string }).reference));

  beforeAll(async () => {
    t = testApp();
    await storeCampaign(t.db, [], { tenantId: null, tenantSlug: null, actorId: null, origin: 'test', at: t.clock.now().toISOString() }, 2026, {
      published: true,
      periods: [
        { opens: '2026-05-25', closes: '2026-06-26', transfersFrom: '2026-07-10' },
        { opens: '2026-07-13', closes: '2026-10-23', transfersFrom: '2026-11-06' },
      ],
      unallocatedFrom: '2026-11-26',
    });
    const rep = await t.signIn('rep-acme');
    const create = (key: string) => t.call('POST', '/v1/pledges', { token: rep, body: sampleTaxPledgeBody(t.ids), headers: { 'idempotency-key': key } });
    promised = (await (await create('soltea-reminder-1')).json()) as Pledge;
    const allocated = (await (await create('soltea-reminder-2')).json()) as Pledge;
    allocatedId = allocated.id;
    expect((await t.call('POST', `/v1/pledges/${allocated.id}/allocate`, { token: rep })).status).toBe(200);
  });

  it('nothing before a period opens', async () => {
    await sweepOn('2026-05-24');
    expect((await reminders())).toEqual([]);
  });

  it('when the first period opens: one reminder for the promised pledge, none for the allocated one, once however often the sweep runs', async () => {
    await sweepOn('2026-05-25');
    await sweepOn('2026-05-25');
    await sweepOn('2026-05-27');
    const queued = (await reminders());
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ dedupeKey: `pledge.solteaReminder:${promised.id}:2026:0:opens`, transactional: false });
    const params = queued[0]!.params as MailParams['pledge.solteaReminder'];
    expect(params).toMatchObject({ moment: 'opens', reference: promised.id, opens: '2026-05-25', closes: '2026-06-26', soltea: { campaignYear: 2026, uai: expect.any(String), sharePercent: 50 } });
    expect(mailWords('en', 'pledge.solteaReminder', params).subject).toBe(`SOLTéA: the first allocation period is open until 26 June 2026 (ref. ${promised.id})`);
    expect(mailWords('fr', 'pledge.solteaReminder', params).subject).toBe(`SOLTéA : la première période de répartition est ouverte jusqu’au 26/06/2026 (réf. ${promised.id})`);
  });

  it('7 days before it closes: the last reminder, with the days left', async () => {
    await sweepOn('2026-06-19');
    expect((await reminders())).toHaveLength(1);
    await sweepOn('2026-06-20');
    await sweepOn('2026-06-21');
    const last = (await reminders()).at(-1)!;
    expect((await reminders())).toHaveLength(2);
    expect(last.params).toMatchObject({ moment: 'closesSoon', daysLeft: 7 });
    expect(mailWords('en', 'pledge.solteaReminder', last.params as MailParams['pledge.solteaReminder']).subject).toBe(`SOLTéA: 7 days left to allocate your apprenticeship tax (ref. ${promised.id})`);
  });

  it('the second period opens: reminded again; once the pledge is allocated, no more', async () => {
    await sweepOn('2026-07-13');
    expect((await reminders())).toHaveLength(3);
    const rep = await t.signIn('rep-acme');
    expect((await t.call('POST', `/v1/pledges/${promised.id}/allocate`, { token: rep })).status).toBe(200);
    await sweepOn('2026-10-17');
    expect((await reminders())).toHaveLength(3);
  });
});
