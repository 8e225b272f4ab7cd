/**
 * What messages read from the institution's settings (issue 17): the name and
 * colours (`PUT /v1/mail/branding`) and the pages their links open
 * (`PUT /v1/mail/pages`), set by administrators through the shared schemas,
 * audited, and seen in the messages that arrive at a real SMTP server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { withTransaction } from '../db/transaction.ts';
import { auditLog, institutions } from '../db/tables/index.ts';
import { enqueueMail } from './enqueue.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const settingsOf = async (t: TestApp) => (await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!.settings;
const audited = (t: TestApp, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.ids.demo.tenantId), eq(auditLog.action, action))).all();

/** Inès is told her offer is published; what arrives. */
async function messageToInes(t: TestApp) {
  const smtp = await smtpReceiver();
  closers.push(smtp.close);
  const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
  closers.push(() => worker.stop());
  await withTransaction({ db: t.db }, (tx) => enqueueMail(tx, { tenantId: t.ids.demo.tenantId, personId: t.ids.demo.people['student-ines'], kind: 'offer.published', params: { title: 'Stage' }, at: t.clock.now().toISOString() }));
  await worker.runOnce();
  return readMessage(smtp.messages[0]!.raw);
}

describe('the branding of messages', () => {
  it('administrators set the name and colours; a colour that would not read is refused with its field; the messages show them', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const read = await t.call('GET', '/v1/mail/branding', { token: admin });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ branding: {}, effective: { name: 'Université de Démonstration', primaryColor: '#1f3a93', textColor: '#1a1a1a', backgroundColor: '#f5f5f5' } });

    const pale = await t.call('PUT', '/v1/mail/branding', { token: admin, body: { primaryColor: '#ffd700', textColor: 'navy', backgroundColor: '#eef2f7' }, headers: { 'accept-language': 'en' } });
    expect(pale.status).toBe(400);
    expect(pale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await pale.json()) as unknown).toMatchObject({
      errors: [
        { path: 'primaryColor', code: 'mail.branding.contrast', message: 'This colour is too light to read against white (at least 4.5:1 is needed): choose a darker one.' },
        { path: 'textColor', code: 'mail.branding.colour' },
      ],
    });
    const extra = await t.call('PUT', '/v1/mail/branding', { token: admin, body: { primaryColor: '#7a1f3d', logo: 'https://x.test/logo.png' } });
    expect(await extra.json()).toMatchObject({ errors: [{ path: 'logo', code: 'validation.unknownKey' }] });
    expect((await settingsOf(t)).branding).toBeUndefined();
    expect(await audited(t, 'institution.mailBranding')).toEqual([]);

    const staff = await t.call('PUT', '/v1/mail/branding', { token: await t.signIn('staff-eng'), body: { primaryColor: '#7a1f3d' } });
    expect(staff.status).toBe(403);
    expect(await staff.json()).toMatchObject({ code: 'policy.adminOnly', params: { task: 'mailSettings' } });

    const branding = { name: 'Université Démo — Alumni', primaryColor: '#7a1f3d', textColor: '#222222', backgroundColor: '#eef2f7' };
    const set = await t.call('PUT', '/v1/mail/branding', { token: admin, body: branding });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ branding, effective: branding });
    expect((await settingsOf(t)).branding).toEqual(branding);
    expect((await audited(t, 'institution.mailBranding')).map((e) => e.detail)).toEqual([{ from: {}, to: branding }]);
    // The same again changes nothing and writes no second entry.
    expect((await t.call('PUT', '/v1/mail/branding', { token: admin, body: branding })).status).toBe(200);
    expect(await audited(t, 'institution.mailBranding')).toHaveLength(1);

    const m = await messageToInes(t);
    expect(m.subject).toBe('Université Démo — Alumni — Votre offre est publiée : Stage');
    expect(m.html).toContain('background:#eef2f7;color:#222222');
    expect(m.html).toContain('<div style="background:#7a1f3d;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">Université Démo — Alumni</div>');
    expect(m.text).toContain('Message envoyé par Université Démo — Alumni via Passerelle.');
  });
});

describe('the pages links open', () => {
  it('administrators name them: https, of a registered origin, each place or none; the links of messages then land there', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    expect(await (await t.call('GET', '/v1/mail/pages', { token: admin })).json()).toEqual({ pages: {} });

    const plain = await t.call('PUT', '/v1/mail/pages', { token: admin, body: { profile: 'http://www.demo.test/compte' } });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ errors: [{ path: 'profile', code: 'mail.pages.https', message: expect.stringContaining('https://') }] });
    const elsewhere = await t.call('PUT', '/v1/mail/pages', { token: admin, body: { profile: 'https://www.demo.test/compte' } });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toMatchObject({ errors: [{ path: 'profile', code: 'mail.pages.unregisteredOrigin', params: { origin: 'https://www.demo.test' } }] });
    expect((await t.call('GET', '/v1/mail/pages', { token: await t.signIn('staff-eng') })).status).toBe(403);

    const { allowedOrigins } = (await t.db.select({ allowedOrigins: institutions.allowedOrigins }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!;
    await t.db.update(institutions).set({ allowedOrigins: [...allowedOrigins, 'https://www.demo.test'] }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    const pages = { profile: 'https://www.demo.test/compte', offers: 'https://www.demo.test/offres?onglet=miennes' };
    const set = await t.call('PUT', '/v1/mail/pages', { token: admin, body: pages });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ pages });
    expect((await settingsOf(t)).pages).toEqual(pages);
    expect((await audited(t, 'institution.mailPages')).map((e) => e.detail)).toEqual([{ from: {}, to: pages }]);

    const m = await messageToInes(t);
    expect(m.text).toMatch(/Voir mes offres: https:\/\/www\.demo\.test\/offres\?onglet=miennes&passerelle-link=[\w-]{43}/);
  });
});
