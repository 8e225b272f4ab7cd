/**
 * The consent reminder's one-click renewal (issue 17, consents): 30 days
 * before a consent lapses, the reminder's link signs the person in on the
 * institution's consents page and renews that consent, for the same text,
 * with the proof a choice in the consent centre records.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { ConsentOverview } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { auditLog, consentEvents, institutions, purposeVersions, purposes } from '../db/tables/index.ts';
import { versionOf } from '../consents/testing.ts';
import { sweepConsents } from './consent-sweep.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';

const DAY = 86_400_000;
const site = 'https://www.demo.test';
const consentsPage = `${site}/mon-compte/consentements`;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Claire agreed by email to event invitations (24 months) 23 months and 10 days ago; the daily sweep reminds her, and the message arrives. */
async function reminded() {
  const t = testApp();
  const tenantId = t.ids.demo.tenantId;
  const { allowedOrigins, settings } = (await t.db.select().from(institutions).where(eq(institutions.id, tenantId)).get())!;
  await t.db.update(institutions).set({ allowedOrigins: [...allowedOrigins, site], settings: { ...settings, pages: { consents: consentsPage } } }).where(eq(institutions.id, tenantId)).run();
  const claire = await t.signIn('alumna-claire');
  expect((await t.call('PUT', '/v1/consents/events', { token: claire, body: { channels: { email: true }, version: await versionOf(t, 'events') } })).status).toBe(200);
  t.clock.advance((730 - 20) * DAY);
  await sweepConsents(t.db, tenantId, t.clock.now());

  const smtp = await smtpReceiver();
  closers.push(smtp.close);
  const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: 'https://api.demo.test', mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
  closers.push(() => worker.stop());
  await worker.runOnce();
  expect(smtp.messages).toHaveLength(1);
  const message = readMessage(smtp.messages[0]!.raw);
  const [, url, token] = /Renouveler mon accord: (https:\/\/\S+passerelle-link=([\w-]{43}))/.exec(message.text) ?? [];
  return { t, message, url: url!, token: token! };
}

const follow = (t: TestApp, token: string, origin = site) =>
  t.call('POST', '/v1/mail/links/sign-in', { headers: { origin }, body: { tenant: 'demo', token, origin: { page: consentsPage, component: 'passerelle-portal' } } });

const eventsOfClaire = (t: TestApp) =>
  t.db.select().from(consentEvents).where(and(eq(consentEvents.personId, t.ids.demo.people['alumna-claire']), eq(consentEvents.channel, 'email'))).orderBy(desc(consentEvents.seq)).all();

describe('the consent reminder renews in one click', () => {
  it('the reminder carries the renewal link; following it signs her in and renews the consent with the consent centre’s proof, once', async () => {
    const { t, message, url, token } = await reminded();
    expect(message.subject).toBe('Université de Démonstration — Votre accord « Invitations aux événements » prend fin bientôt');
    expect(message.html).toMatch(/<html lang="fr">/);
    expect(message.text).toContain('Votre accord pour « Invitations aux événements » prend fin le 02/03/2028.');
    expect(message.text).toContain('Un clic sur ce lien renouvelle votre accord tel quel, pour le même texte, pour 24 mois, et ouvre votre centre de consentement.');
    expect(message.text).not.toContain('ouvrez votre centre de consentement et confirmez');
    expect(url).toBe(`${consentsPage}?passerelle-link=${token}`);
    expect(message.html).toContain(`<a href="${url}"`);
    expect(message.html).toContain('>Renouveler mon accord</a>');
    // A reminder: the person may turn it off in one click.
    expect(message.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/api\.demo\.test\/v1\/mail\/unsubscribe\?token=[\w-]{43}>$/);

    const now = t.clock.now().toISOString();
    const res = await follow(t, token);
    expect(res.status).toBe(200);
    const session = (await res.json()) as { token: string; action: string; renewed: unknown };
    expect(session).toMatchObject({ action: 'consents', renewed: { purposeKey: 'events', channels: ['email'], expiresAt: '2030-02-10T09:00:00.000Z' } });

    // The event a choice in the consent centre records: the checked Origin, the page and component named, the text's version.
    const [renewal, first] = await eventsOfClaire(t);
    const current = (await t.db.select({ id: purposeVersions.id }).from(purposeVersions).innerJoin(purposes, eq(purposes.currentVersionId, purposeVersions.id)).where(eq(purposes.key, 'events')).all())[0]!;
    expect(renewal).toMatchObject({ granted: true, at: now, origin: site, originPage: consentsPage, originComponent: 'passerelle-portal', purposeVersionId: current.id, actorId: t.ids.demo.people['alumna-claire'] });
    expect(first!.at).not.toBe(now);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consent.choose'), eq(auditLog.origin, site))).all();
    expect(audit.map((e) => e.detail)).toEqual([{ purpose: 'events', version: await versionOf(t, 'events'), channels: { email: true }, via: 'link' }]);

    // Signed in on her consent centre, which shows it in force, no longer ending soon.
    const overview = (await (await t.call('GET', '/v1/consents', { token: session.token })).json()) as ConsentOverview;
    expect(overview.purposes.find((p) => p.key === 'events')!.channels.find((c) => c.channel === 'email')).toMatchObject({ granted: true, since: now, expiresSoon: false, expiresAt: '2030-02-10T09:00:00.000Z' });

    // Used: it says so, and renews nothing again.
    const again = await follow(t, token);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'link.used' });
    expect(await eventsOfClaire(t)).toHaveLength(2);
  });

  it('from a page of an origin the institution has not registered: 403, the link stays unused', async () => {
    const { t, token } = await reminded();
    const res = await follow(t, token, 'https://evil.example');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'auth.originUnregistered' });
    expect(await eventsOfClaire(t)).toHaveLength(1);
    expect((await follow(t, token)).status).toBe(200);
    expect(await eventsOfClaire(t)).toHaveLength(2);
  });

  it('a consent withdrawn since, or a text changed since, is not renewed by the link: it only signs in', async () => {
    const withdrawn = await reminded();
    const claire = await withdrawn.t.signIn('alumna-claire');
    expect((await withdrawn.t.call('PUT', '/v1/consents/events', { token: claire, body: { channels: { email: false }, version: await versionOf(withdrawn.t, 'events') } })).status).toBe(200);
    const signedIn = await follow(withdrawn.t, withdrawn.token);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ action: 'consents', renewed: null });
    expect((await eventsOfClaire(withdrawn.t)).map((e) => e.granted)).toEqual([false, true]);

    const changed = await reminded();
    const { t } = changed;
    const admin = await t.signIn('admin-demo');
    const purpose = (await t.db.select().from(purposes).where(and(eq(purposes.tenantId, t.ids.demo.tenantId), eq(purposes.key, 'events'))).get())!;
    const read = await t.call('GET', `/v1/purposes/${purpose.id}`, { token: admin });
    expect((await t.call('PATCH', `/v1/purposes/${purpose.id}`, { token: admin, headers: { 'if-match': read.headers.get('etag')! }, body: { description: { fr: 'Un autre texte.', en: 'Another text.' } } })).status).toBe(200);
    const res = await follow(t, changed.token);
    expect(await res.json()).toMatchObject({ renewed: null });
    expect(await eventsOfClaire(t)).toHaveLength(1);
  });
});
