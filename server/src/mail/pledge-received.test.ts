/**
 * The thank-you for a gift received names its tax receipt and links to where
 * the donor downloads it, signed in (issue 17, pledges); whichever way the
 * money was marked received, the SOLTéA transfer report included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Pledge } from '@passerelle/schema';
import { sampleTaxPledgeBody, testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { institutions, mailOutbox, pledges, profiles } from '../db/tables/index.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const pledgesPage = 'https://www.demo.test/dons';
let keys = 0;

async function setup() {
  const t = testApp();
  t.clock.set(new Date('2026-11-30T10:00:00.000Z'));
  const { settings } = (await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!;
  await t.db.update(institutions).set({ settings: { ...settings, pages: { pledges: pledgesPage } } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
  const smtp = await smtpReceiver();
  closers.push(smtp.close);
  const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
  closers.push(() => worker.stop());
  const arrived = async () => {
    await worker.runOnce();
    return smtp.messages.map((m) => ({ to: m.to, ...readMessage(m.raw) }));
  };
  return { t, arrived };
}

async function giftOf(t: TestApp, who: 'alumna-claire' | 'rep-acme', body: Record<string, unknown>): Promise<string> {
  const res = await t.call('POST', '/v1/pledges', { token: await t.signIn(who), body, headers: { 'idempotency-key': `received-${++keys}` } });
  expect(res.status).toBe(201);
  return ((await res.json()) as Pledge).id;
}

const claireGift = { kind: 'donation', amountCents: 25_000, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } }, publicThanks: false };

describe('pledge received: the thank-you links to the tax receipt', () => {
  it('names the receipt, in the donor’s language, and its link signs her in where she downloads the PDF', async () => {
    const { t, arrived } = await setup();
    const claire = t.ids.demo.people['alumna-claire'];
    const id = await giftOf(t, 'alumna-claire', claireGift);
    const received = await t.call('POST', `/v1/pledges/${id}/receive`, { token: await t.signIn('admin-demo'), body: { receivedOn: '2026-11-28', paymentMethod: 'card' } });
    expect(received.status).toBe(200);
    const receipt = ((await received.json()) as Pledge).receipt!;
    expect(receipt.number).toBe('2026-000001');
    // Queued in the transaction that issued the receipt, naming it.
    const queued = await t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, claire)).all();
    expect(queued.map((m) => [m.kind, m.params.receipt])).toEqual([
      ['pledge.acknowledged', undefined],
      ['pledge.received', { number: '2026-000001' }],
    ]);

    const thanks = (await arrived()).find((m) => m.subject.includes('bien arrivé'))!;
    expect(thanks.to).toEqual(['claire.dubois@alumni.demo.test']);
    expect(thanks.subject).toBe(`Université de Démonstration — Merci : votre don est bien arrivé (réf. ${id})`);
    expect(thanks.html).toMatch(/^<!doctype html>\r?\n<html lang="fr">/);
    expect(thanks.text).toContain('Votre reçu fiscal n° 2026-000001 est établi.');
    expect(thanks.text).toContain('Ce lien vous connecte à vos dons et promesses, où vous téléchargez le reçu (PDF).');
    const [url, token] = /Télécharger mon reçu fiscal: (https:\/\/www\.demo\.test\/dons\?passerelle-link=([\w-]{43}))/.exec(thanks.text)!.slice(1);
    expect(thanks.html).toContain(`<a href="${url}"`);
    expect(thanks.html).toContain('>Télécharger mon reçu fiscal</a>');

    // Following it: signed in as Claire, on her gifts, where the receipt is offered and downloads.
    const signedIn = await t.call('POST', '/v1/mail/links/sign-in', { body: { tenant: 'demo', token } });
    expect(signedIn.status).toBe(200);
    const session = (await signedIn.json()) as { token: string; action: string };
    expect(session.action).toBe('pledges');
    const mine = (await (await t.call('GET', '/v1/pledges', { token: session.token })).json()) as { items: Pledge[] };
    expect(mine.items.find((p) => p.id === id)?.receipt).toEqual(receipt);
    const pdf = await t.call('GET', `/v1/receipts/${receipt.id}/receipt.pdf`, { token: session.token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('in English for an English profile; without the institution’s gifts page, it says where to download it instead', async () => {
    const { t, arrived } = await setup();
    const claire = t.ids.demo.people['alumna-claire'];
    await t.db.update(profiles).set({ preferredLanguage: 'en' }).where(eq(profiles.personId, claire)).run();
    const { settings } = (await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!;
    await t.db.update(institutions).set({ settings: { ...settings, pages: {} } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    const id = await giftOf(t, 'alumna-claire', claireGift);
    expect((await t.call('POST', `/v1/pledges/${id}/receive`, { token: await t.signIn('admin-demo'), body: {} })).status).toBe(200);
    const thanks = (await arrived()).find((m) => m.subject.includes('has arrived'))!;
    expect(thanks.html).toMatch(/<html lang="en">/);
    expect(thanks.text).toContain('Your tax receipt no. 2026-000001 has been issued.');
    expect(thanks.text).toContain('You can download it (PDF) from your gifts and pledges on the institution’s site.');
    expect(thanks.text).not.toContain('passerelle-link');
  });

  it('apprenticeship tax marked received by the SOLTéA transfer report: the company’s representative is thanked too, without a receipt', async () => {
    const { t, arrived } = await setup();
    const marc = t.ids.demo.people['rep-acme'];
    const id = await giftOf(t, 'rep-acme', sampleTaxPledgeBody(t.ids));
    const row = (await t.db.select({ siret: pledges.employerSiret, uai: pledges.uai }).from(pledges).where(eq(pledges.id, id)).get())!;
    const csv = `SIRET;UAI;Montant;Date\n${row.siret};${row.uai};980;2026-11-20`;
    const imported = await t.call('POST', '/v1/pledges/import', { token: await t.signIn('admin-demo'), body: { csv } });
    expect(imported.status).toBe(200);
    expect(((await imported.json()) as { received: number }).received).toBe(1);
    const queued = await t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, marc)).all();
    expect(queued.map((m) => [m.kind, m.params.receipt])).toEqual([
      ['pledge.acknowledged', undefined],
      ['pledge.received', null],
    ]);
    const thanks = (await arrived()).find((m) => m.subject.includes('bien arrivé'))!;
    expect(thanks.subject).toContain('votre taxe d’apprentissage est bien arrivée');
    expect(thanks.text).toMatch(/\(980,00\s€\) le 20\/11\/2026/);
    expect(thanks.text).not.toContain('reçu fiscal');
    expect(thanks.text).toMatch(/Voir mes dons et promesses: https:\/\/www\.demo\.test\/dons\?passerelle-link=[\w-]{43}/);
  });
});
