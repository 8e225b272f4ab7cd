/**
 * The freshness campaign: people whose profile has not been confirmed for N
 * months get a link to update it, only where they agreed to the purpose the
 * institution chose and within their solicitation cap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { institutions, mailOutbox, purposeVersions, purposes } from '../db/tables/index.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver } from './smtp-receiver.ts';
import { dailySweep } from './sweep.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const configure = (t: TestApp) =>
  t.db.update(institutions).set({ settings: { freshness: { purpose: 'alumni-news', months: 12 }, pages: { profile: 'https://www.demo.test/mon-compte' } } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();

/** The hash of the purpose's current text, which a choice names. */
async function versionOf(t: TestApp, key: string): Promise<string> {
  const p = (await t.db.select().from(purposes).where(and(eq(purposes.tenantId, t.ids.demo.tenantId), eq(purposes.key, key))).get())!;
  return (await t.db.select().from(purposeVersions).where(eq(purposeVersions.id, p.currentVersionId)).get())!.hash;
}

describe('the freshness campaign (POST /v1/mail/freshness)', () => {
  it('asks those who agreed and whose profile is stale, once a month, within their cap; the message links to their profile page', async () => {
    const t = testApp();
    await configure(t);
    const claire = await t.signIn('alumna-claire');
    expect((await t.call('PUT', '/v1/consents/alumni-news', { token: claire, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } })).status).toBe(200);
    t.clock.advance(400 * 86_400_000);
    const admin = await t.signIn('admin-demo');

    const run = await t.call('POST', '/v1/mail/freshness', { token: admin, body: {} });
    expect(run.status).toBe(200);
    const result = (await run.json()) as { queued: number; skipped: { notAgreed: number; overCap: number; alreadyAsked: number } };
    expect(result.queued).toBe(1);
    expect(result.skipped.notAgreed).toBeGreaterThan(0);
    const rows = t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'profile.freshness')).all();
    expect((await rows)).toMatchObject([{ personId: t.ids.demo.people['alumna-claire'], transactional: false, params: { months: 12 } }]);
    // Again this month: nobody is asked twice.
    expect(await (await t.call('POST', '/v1/mail/freshness', { token: admin, body: {} })).json()).toMatchObject({ queued: 0, skipped: { alreadyAsked: 1 } });

    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: 'https://passerelle.demo.test', mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
    closers.push(() => worker.stop());
    await worker.runOnce();
    const m = readMessage(smtp.messages[0]!.raw);
    expect(m.subject).toBe('Université de Démonstration — Vos informations sont-elles toujours à jour ?');
    expect(m.text).toMatch(/Mettre à jour mes informations: https:\/\/www\.demo\.test\/mon-compte\?passerelle-link=[\w-]{43}/);
    expect(m.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/passerelle\.demo\.test\/v1\/mail\/unsubscribe\?token=/);
  });

  it('a person whose cap is reached is left out; staff reach only their entities’ people; others are refused; unconfigured is 409', async () => {
    const t = testApp();
    const claire = await t.signIn('alumna-claire');
    await t.call('PUT', '/v1/consents/alumni-news', { token: claire, body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    expect((await t.call('PUT', '/v1/consents/solicitation-cap', { token: claire, body: { perMonth: 0 } })).status).toBe(200);
    t.clock.advance(400 * 86_400_000);
    const admin = await t.signIn('admin-demo');
    const unconfigured = await t.call('POST', '/v1/mail/freshness', { token: admin, body: {} });
    expect(unconfigured.status).toBe(409);
    expect(((await unconfigured.json()) as { code: string }).code).toBe('mail.freshness.notConfigured');
    await configure(t);
    expect(await (await t.call('POST', '/v1/mail/freshness', { token: admin, body: {} })).json()).toMatchObject({ queued: 0, skipped: { overCap: 1 } });
    // Staff of the École d'ingénieurs do not reach Claire (École de management, alumni).
    expect(await (await t.call('POST', '/v1/mail/freshness', { token: await t.signIn('staff-eng'), body: {} })).json()).toMatchObject({ queued: 0, skipped: { overCap: 0 } });
    expect((await t.call('POST', '/v1/mail/freshness', { token: await t.signIn('student-ines'), body: {} })).status).toBe(403);
    const bad = await t.call('POST', '/v1/mail/freshness', { token: admin, body: { months: 0 } });
    expect(bad.status).toBe(400);
  });

  it('the yearly campaign: on the day the institution set, the daily sweep asks everyone who agreed, once', async () => {
    const t = testApp();
    await t.call('PUT', '/v1/consents/alumni-news', { token: await t.signIn('alumna-claire'), body: { channels: { email: true }, version: (await versionOf(t, 'alumni-news')) } });
    t.clock.advance(400 * 86_400_000);
    const day = t.clock.now().toISOString().slice(5, 10);
    await t.db.update(institutions).set({ settings: { freshness: { purpose: 'alumni-news', yearly: day } } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    await dailySweep(t.db, new Date(t.clock.now().getTime() - 86_400_000));
    expect((await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'profile.freshness')).all())).toEqual([]);
    await dailySweep(t.db, t.clock.now());
    await dailySweep(t.db, t.clock.now());
    expect((await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'profile.freshness')).all())).toMatchObject([{ personId: t.ids.demo.people['alumna-claire'] }]);
  });
});
