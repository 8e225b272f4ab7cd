/**
 * Each workflow tells the person concerned, through the outbox, in the
 * transaction of the change: what is queued (kind, language, parameters)
 * and, for some, what arrives at a real SMTP server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { sampleOfferBody, sampleTaxPledgeBody, testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { institutions, mailOptOuts, mailOutbox, people, profiles } from '../db/tables/index.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const queuedFor = async (t: TestApp, personId: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, personId)).orderBy(mailOutbox.createdAt).all());
let keys = 0;
const key = () => `mail-test-${++keys}`;
const json = async (res: Response) => (await res.json()) as Record<string, unknown> & { id: string };

async function sendAll(t: TestApp) {
  const smtp = await smtpReceiver();
  closers.push(smtp.close);
  const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
  closers.push(() => worker.stop());
  await worker.runOnce();
  return smtp.messages.map((m) => ({ to: m.to, ...readMessage(m.raw) }));
}

describe('offers: the author hears of each moderation decision', () => {
  it('rejected with the reason, sent back for changes, then published; nothing for their own submission', async () => {
    const t = testApp();
    const ines = t.ids.demo.people['student-ines'];
    const student = await t.signIn('student-ines');
    const staff = await t.signIn('staff-eng');
    const created = await t.call('POST', '/v1/offers', { token: student, body: sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, { submit: true }), headers: { 'idempotency-key': key() } });
    expect(created.status).toBe(201);
    const { id } = await json(created);
    expect((await queuedFor(t, ines))).toEqual([]);

    expect((await t.call('POST', `/v1/offers/${id}/request-changes`, { token: staff, body: { reason: 'Précisez la gratification.' } })).status).toBe(200);
    expect((await t.call('POST', `/v1/offers/${id}/submit`, { token: student, headers: { 'idempotency-key': key() } })).status).toBe(200);
    expect((await t.call('POST', `/v1/offers/${id}/reject`, { token: staff, body: { reason: 'Le poste ne correspond pas à un stage.' } })).status).toBe(200);
    expect((await t.call('POST', `/v1/offers/${id}/submit`, { token: student, headers: { 'idempotency-key': key() } })).status).toBe(200);
    expect((await t.call('POST', `/v1/offers/${id}/publish`, { token: staff })).status).toBe(200);

    expect((await queuedFor(t, ines)).map((m) => [m.kind, m.language, m.params])).toEqual([
      ['offer.changesRequested', 'fr', { title: 'Stage robotique mobile', reason: 'Précisez la gratification.' }],
      ['offer.rejected', 'fr', { title: 'Stage robotique mobile', reason: 'Le poste ne correspond pas à un stage.' }],
      ['offer.published', 'fr', { title: 'Stage robotique mobile' }],
    ]);
    const arrived = await sendAll(t);
    expect(arrived.map((m) => m.subject)).toEqual([
      'Université de Démonstration — Des modifications sont demandées : Stage robotique mobile',
      'Université de Démonstration — Votre offre n’a pas été retenue : Stage robotique mobile',
      'Université de Démonstration — Votre offre est publiée : Stage robotique mobile',
    ]);
    expect(arrived[1]!.text).toContain('Motif : Le poste ne correspond pas à un stage.');
  });

  it('a decision that fails (wrong status) queues nothing: the message is part of the change', async () => {
    const t = testApp();
    const staff = await t.signIn('staff-eng');
    const created = await t.call('POST', '/v1/offers', { token: await t.signIn('student-ines'), body: sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }), headers: { 'idempotency-key': key() } });
    const { id } = await json(created);
    expect((await t.call('POST', `/v1/offers/${id}/publish`, { token: staff })).status).toBe(409);
    expect((await queuedFor(t, t.ids.demo.people['student-ines']))).toEqual([]);
  });
});

describe('companies: the recruiter hears of the decision on their request', () => {
  it('approved, and refused with the reason, in the recruiter’s language', async () => {
    const t = testApp();
    const anne = await t.emailSignIn('anne@acme-robotique.fr');
    const staff = await t.signIn('staff-eng');
    const ask = await json(await t.call('POST', '/v1/companies/requests', { token: anne, body: { companyId: t.ids.demo.companies.acme } }));
    expect((await t.call('POST', `/v1/companies/requests/${ask.id}/approve`, { token: staff })).status).toBe(200);
    const anneId = (await t.db.select().from(people).where(eq(people.email, 'anne@acme-robotique.fr')).get())!.id;
    const other = await json(await t.call('POST', '/v1/companies/requests', { token: anne, body: { company: { name: 'Nouvelle Société', siret: '55212022200013' } } }));
    expect((await t.call('POST', `/v1/companies/requests/${other.id}/refuse`, { token: staff, body: { reason: 'SIRET inconnu de l’INSEE.' } })).status).toBe(200);
    expect((await queuedFor(t, anneId)).map((m) => [m.kind, m.params])).toEqual([
      ['company.request.approved', { company: 'Acme Robotique', kind: 'represent' }],
      ['company.request.refused', { company: 'Nouvelle Société', kind: 'create', reason: 'SIRET inconnu de l’INSEE.' }],
    ]);
    const arrived = await sendAll(t);
    expect(arrived.every((m) => m.to[0] === 'anne@acme-robotique.fr')).toBe(true);
    expect(arrived[1]!.text).toContain('Motif : SIRET inconnu de l’INSEE.');
  });
});

describe('pledges: an acknowledgement with the next step, then a thank-you', () => {
  it('apprenticeship tax: the reference and the SOLTéA steps (school, UAI, share, periods); received: thanks with the amount', async () => {
    const t = testApp();
    const marc = t.ids.demo.people['rep-acme'];
    await t.db.update(profiles).set({ preferredLanguage: 'en' }).where(eq(profiles.personId, marc)).run();
    const created = await t.call('POST', '/v1/pledges', { token: await t.signIn('rep-acme'), body: sampleTaxPledgeBody(t.ids), headers: { 'idempotency-key': key() } });
    expect(created.status).toBe(201);
    const { id } = await json(created);
    const [ack] = (await queuedFor(t, marc));
    expect(ack).toMatchObject({ kind: 'pledge.acknowledged', params: { reference: id, kind: 'apprenticeship_tax', soltea: { campaignYear: 2026, uai: expect.any(String), sharePercent: 50 } } });
    expect((await t.call('POST', `/v1/pledges/${id}/receive`, { token: await t.signIn('staff-eng'), body: { receivedAmountCents: 98000 } })).status).toBe(200);
    expect((await queuedFor(t, marc)).map((m) => m.kind)).toEqual(['pledge.acknowledged', 'pledge.received']);

    const arrived = await sendAll(t);
    expect(arrived[0]!.subject).toContain(`Your apprenticeship-tax pledge is recorded (ref. ${id})`);
    expect(arrived[0]!.text).toMatch(/Next step: allocate your tax on SOLTéA \(2026 campaign\)/);
    expect(arrived[0]!.text).toMatch(/- Find .+ by its UAI \w+/);
    expect(arrived[0]!.text).toContain('- Allocate 50% of your balance to it, then confirm.');
    expect(arrived[1]!.subject).toContain('Thank you: your apprenticeship tax has arrived');
    expect(arrived[1]!.text).toContain('(980.00 €)');
  });

  it('a gift: the acknowledgement links to the payment page the institution set', async () => {
    const t = testApp();
    const settings = (await t.db.select().from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!.settings;
    await t.db.update(institutions).set({ settings: { ...settings, paymentUrl: 'https://dons.demo.test/payer' } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    const claire = t.ids.demo.people['alumna-claire'];
    const gift = { kind: 'donation', amountCents: 10000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } }, publicThanks: false };
    const created = await t.call('POST', '/v1/pledges', { token: await t.signIn('alumna-claire'), body: gift, headers: { 'idempotency-key': key() } });
    expect(created.status).toBe(201);
    const [ack] = (await queuedFor(t, claire));
    expect(ack!.params).toMatchObject({ kind: 'donation', amountCents: 10000, paymentUrl: expect.stringMatching(/^https:\/\/dons\.demo\.test\/payer/) });
    const [m] = await sendAll(t);
    expect(m!.text).toMatch(/Régler mon don: https:\/\/dons\.demo\.test\/payer/);
    expect(m!.html).toMatch(/<a href="https:\/\/dons\.demo\.test\/payer[^"]*"/);
  });
});

describe('rights: erasure acknowledged, then done', () => {
  it('the last message goes to the address the erasure removes, which is forgotten once it is sent', async () => {
    const t = testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    // She had turned a reminder off: the erasure forgets that too.
    expect((await t.call('PUT', '/v1/mail/preferences', { token: await t.signIn('alumna-claire'), body: { kind: 'consent.expiresSoon', on: false } })).status).toBe(200);
    const asked = await t.call('POST', '/v1/me/erasure', { token: await t.signIn('alumna-claire'), body: { confirm: true } });
    expect(asked.status).toBe(201);
    const { id } = await json(asked);
    expect((await queuedFor(t, claire)).map((m) => m.kind)).toEqual(['erasure.requested']);
    expect((await t.call('POST', `/v1/erasure-requests/${id}/process`, { token: await t.signIn('admin-demo') })).status).toBe(200);
    expect((await t.db.select().from(people).where(eq(people.id, claire)).get())!.email).toBeNull();
    expect((await t.db.select().from(mailOptOuts).where(eq(mailOptOuts.personId, claire)).all())).toEqual([]);
    const done = (await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.personId, claire), eq(mailOutbox.kind, 'erasure.done'))).get())!;
    expect(done.address).toBe('claire.dubois@alumni.demo.test');

    const arrived = await sendAll(t);
    expect(arrived.map((m) => [m.to[0], m.subject])).toEqual([
      ['claire.dubois@alumni.demo.test', 'Université de Démonstration — Votre demande d’effacement est enregistrée'],
      ['claire.dubois@alumni.demo.test', 'Université de Démonstration — Vos données ont été effacées'],
    ]);
    expect((await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, done.id)).get())).toMatchObject({ status: 'sent', address: null });
    // Nothing of hers keeps the address: the record of what was sent stays, without it.
    expect((await t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, claire)).all()).map((m) => [m.kind, m.status, m.address])).toEqual([
      ['erasure.requested', 'sent', null],
      ['erasure.done', 'sent', null],
    ]);
  });
});
