/**
 * The daily sweep: offer reminders and expiry notices to their authors, the
 * staff digest (which each staff member can turn off), consent reminders;
 * and a purpose's new text asking those who agreed to confirm. Each is
 * queued once however often the sweep runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { sampleOfferBody, testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { mailOutbox, profiles, purposeVersions, purposes } from '../db/tables/index.ts';
import { dailySweep } from './sweep.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const DAY = 86_400_000;

/** The hash of a purpose's current text, which a choice names. */
async function versionOf(t: TestApp, key: string): Promise<string> {
  const p = (await t.db.select().from(purposes).where(and(eq(purposes.tenantId, t.ids.demo.tenantId), eq(purposes.key, key))).get())!;
  return (await t.db.select().from(purposeVersions).where(eq(purposeVersions.id, p.currentVersionId)).get())!.hash;
}
let keys = 0;
const key = () => `sweep-test-${++keys}`;
const kindsFor = async (t: TestApp, personId: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, personId)).orderBy(mailOutbox.createdAt).all()).map((m) => m.kind);
const ofKind = async (t: TestApp, kind: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, kind as never)).all());

async function postOffer(t: TestApp, over: Record<string, unknown>, publish: boolean): Promise<string> {
  const created = await t.call('POST', '/v1/offers', { token: await t.signIn('student-ines'), body: sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, { submit: true, ...over }), headers: { 'idempotency-key': key() } });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  if (publish) expect((await t.call('POST', `/v1/offers/${id}/publish`, { token: await t.signIn('staff-eng') })).status).toBe(200);
  return id;
}

describe('the daily sweep', () => {
  it('an offer’s author: reminded 7 days before it expires, told once it has expired; each once', async () => {
    const t = testApp();
    const ines = t.ids.demo.people['student-ines'];
    await postOffer(t, { title: 'Stage vision', expiresOn: '2026-03-09' }, true);
    await dailySweep(t.db, t.clock.now());
    await dailySweep(t.db, t.clock.now());
    expect((await ofKind(t, 'offer.expiresSoon'))).toMatchObject([{ personId: ines, params: { title: 'Stage vision', expiresOn: '2026-03-09', days: 7 }, transactional: false }]);
    t.clock.advance(8 * DAY);
    await dailySweep(t.db, t.clock.now());
    await dailySweep(t.db, t.clock.now());
    expect((await kindsFor(t, ines))).toEqual(['offer.published', 'offer.expiresSoon', 'offer.expired']);
  });

  it('staff: a digest of the offers waiting for them (the policy’s offer.moderate), which each can turn off', async () => {
    const t = testApp();
    const { people } = t.ids.demo;
    await postOffer(t, { title: 'Stage <données>' }, false);
    await postOffer(t, { title: 'Stage cloud' }, false);
    await dailySweep(t.db, t.clock.now());
    const digests = (await ofKind(t, 'offer.digest'));
    // Sophie (École d’ingénieurs) and Nadia (administrator); not Julien (École de management), not the student.
    expect(digests.map((d) => d.personId).sort()).toEqual([people['staff-eng'], people['admin-demo']].sort());
    // The demo's own waiting offer and the two just submitted.
    expect(digests[0]!.params).toMatchObject({ total: 3, offers: expect.arrayContaining([expect.objectContaining({ title: 'Stage <données>', company: 'Acme Robotique' }), expect.objectContaining({ title: 'Stage cloud' })]) });

    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
    closers.push(() => worker.stop());
    await worker.runOnce();
    const sophie = smtp.messages.map((m) => ({ to: m.to[0], ...readMessage(m.raw) })).find((m) => m.to === 'sophie.bernard@demo.test')!;
    expect(sophie.subject).toBe('Université de Démonstration — 3 offres attendent votre validation');
    expect(sophie.text).toContain('- Stage <données> — Acme Robotique (soumise le 02/03/2026)');
    expect(sophie.html).toContain('<li>Stage &lt;données&gt; — Acme Robotique');
    // Without PUBLIC_URL the unsubscribe link is a mailto: to the sender.
    expect(sophie.headers.get('list-unsubscribe')).toMatch(/^<mailto:no-reply@demo\.test\?subject=unsubscribe%20[\w-]{43}>$/);
    expect(sophie.headers.has('list-unsubscribe-post')).toBe(false);

    // Sophie turns the digest off; the next day Nadia still gets hers.
    const off = await t.call('PUT', '/v1/mail/preferences', { token: await t.signIn('staff-eng'), body: { kind: 'offer.digest', on: false } });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { items: unknown[] }).items).toContainEqual({ kind: 'offer.digest', on: false });
    t.clock.advance(DAY);
    await dailySweep(t.db, t.clock.now());
    expect((await kindsFor(t, people['staff-eng'])).filter((k) => k === 'offer.digest')).toHaveLength(1);
    expect((await kindsFor(t, people['admin-demo'])).filter((k) => k === 'offer.digest')).toHaveLength(2);
    // Only reminders and digests can be turned off.
    const wrong = await t.call('PUT', '/v1/mail/preferences', { token: await t.signIn('staff-eng'), body: { kind: 'offer.published', on: false } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: { path: string; code: string }[] }).errors).toMatchObject([{ path: 'kind', code: 'mail.preference.kind' }]);
  });

  it('consents: 30 days before a yes lapses, a reminder in the person’s language, once per end date', async () => {
    const t = testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    await t.db.update(profiles).set({ preferredLanguage: 'en' }).where(eq(profiles.personId, claire)).run();
    const token = await t.signIn('alumna-claire');
    expect((await t.call('PUT', '/v1/consents/events', { token, body: { channels: { email: true }, version: (await versionOf(t, 'events')) } })).status).toBe(200);
    // Events: 24 months. Not yet within 30 days…
    t.clock.advance((730 - 40) * DAY);
    await dailySweep(t.db, t.clock.now());
    expect((await ofKind(t, 'consent.expiresSoon'))).toEqual([]);
    // …now it is.
    t.clock.advance(15 * DAY);
    await dailySweep(t.db, t.clock.now());
    await dailySweep(t.db, t.clock.now());
    const [reminder] = (await ofKind(t, 'consent.expiresSoon'));
    expect(reminder).toMatchObject({ personId: claire, language: 'en', params: { purpose: { en: 'Event invitations' }, expiresAt: '2028-03-02T09:00:00.000Z' } });
  });

  it('a purpose’s new text: those who had agreed are asked to confirm, once per version; the others are not', async () => {
    const t = testApp();
    const { people } = t.ids.demo;
    await t.call('PUT', '/v1/consents/alumni-news', { token: await t.signIn('alumna-claire'), body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    await t.call('PUT', '/v1/consents/alumni-news', { token: await t.signIn('student-ines'), body: { channels: { email: false }, version: (await versionOf(t, 'alumni-news')) } });
    const admin = await t.signIn('admin-demo');
    const purpose = (await t.db.select().from(purposes).where(and(eq(purposes.tenantId, t.ids.demo.tenantId), eq(purposes.key, 'alumni-news'))).get())!;
    const read = await t.call('GET', `/v1/purposes/${purpose.id}`, { token: admin });
    const edit = await t.call('PATCH', `/v1/purposes/${purpose.id}`, { token: admin, headers: { 'if-match': read.headers.get('etag')! }, body: { description: { fr: 'Une lettre hebdomadaire.', en: 'A weekly newsletter.' } } });
    expect(edit.status).toBe(200);
    expect((await ofKind(t, 'consent.textChanged'))).toMatchObject([{ personId: people['alumna-claire'], params: { purpose: { fr: 'Lettre des diplômés', en: 'Alumni newsletter' } }, transactional: true }]);
    // A change that keeps the text (the retention) asks nobody again.
    const again = await t.call('PATCH', `/v1/purposes/${purpose.id}`, { token: admin, headers: { 'if-match': edit.headers.get('etag')! }, body: { retentionMonths: 24 } });
    expect(again.status).toBe(200);
    expect((await ofKind(t, 'consent.textChanged'))).toHaveLength(1);
  });

  it('the worker runs the sweep once a day, with the messages it queues sent in the same run', async () => {
    const t = testApp();
    await postOffer(t, { title: 'Stage waiting' }, false);
    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    let sweeps = 0;
    const worker = startMailWorker(
      { db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', sweep: async (at) => (sweeps++, dailySweep(t.db, at)) },
      { autostart: false },
    );
    closers.push(() => worker.stop());
    expect(await worker.runOnce()).toBe(2);
    expect(await worker.runOnce()).toBe(0);
    expect(sweeps).toBe(1);
    t.clock.advance(DAY);
    expect(await worker.runOnce()).toBe(2);
    expect(sweeps).toBe(2);
  });
});
