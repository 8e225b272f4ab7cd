import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { PersonMailPageSchema } from '@passerelle/schema';
import * as v from 'valibot';
import { testApp, TestClock } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { withTransaction } from '../db/transaction.ts';
import { migrateDatabase, openDatabase, type Db } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { institutions, mailOutbox, profiles } from '../db/tables/index.ts';
import { enqueueMail, type MailRequest } from './enqueue.ts';
import { startMailWorker } from './worker.ts';
import { MAIL_RETRY_DELAYS_MS } from './send.ts';
import { readMessage, smtpReceiver, type Receiver } from './smtp-receiver.ts';
import type { MailKind } from '@passerelle/schema';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function receiver(options: Parameters<typeof smtpReceiver>[0] = {}): Promise<Receiver> {
  const r = await smtpReceiver(options);
  closers.push(r.close);
  return r;
}

function workerOn(db: Db, clock: TestClock, url: string, name = 'test-worker') {
  const worker = startMailWorker({ db, clock, mailer: smtpMailer(url, 'no-reply@demo.test'), publicUrl: 'https://passerelle.demo.test', mailFrom: 'no-reply@demo.test', name }, { autostart: false });
  closers.push(() => worker.stop());
  return worker;
}

const enqueue = <K extends MailKind>(db: Db, request: MailRequest<K>) => withTransaction({ db }, (tx) => enqueueMail(tx, request));
const rowsOf = async (db: Db, personId: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.personId, personId)).all());

describe('the mail outbox, sent through a real SMTP server on 127.0.0.1', () => {
  it('a transactional message arrives in the person’s language (French), in text and HTML, escaped, with the institution’s colours and no List-Unsubscribe', async () => {
    const t = testApp();
    const smtp = await receiver();
    await t.db.update(institutions).set({ settings: { branding: { primaryColor: '#7a1f5c' } } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    const ines = t.ids.demo.people['student-ines'];
    expect(await enqueue(t.db, { tenantId: t.ids.demo.tenantId, personId: ines, kind: 'offer.published', params: { title: 'Stage <b>robotique</b> & co' }, at: t.clock.now().toISOString() })).toBe('queued');

    expect(await workerOn(t.db, t.clock, smtp.url).runOnce()).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['ines.martin@etu.demo.test']);
    const m = readMessage(smtp.messages[0]!.raw);
    expect(m.subject).toBe('Université de Démonstration — Votre offre est publiée : Stage <b>robotique</b> & co');
    expect(m.text).toContain('Votre offre « Stage <b>robotique</b> & co » a été validée et publiée.');
    expect(m.text).toContain('Vous recevez ce message parce que vous êtes l’auteur de cette offre.');
    expect(m.html).toContain('Stage &lt;b&gt;robotique&lt;/b&gt; &amp; co');
    expect(m.html).not.toContain('<b>robotique');
    expect(m.html).toContain('background:#7a1f5c');
    expect(m.headers.has('list-unsubscribe')).toBe(false);
    expect((await rowsOf(t.db, ines))).toMatchObject([{ status: 'sent', attempts: 1, sentAt: t.clock.now().toISOString() }]);
  });

  it('an optional reminder arrives in English for a person who chose English, with a one-click List-Unsubscribe that turns that reminder off', async () => {
    const t = testApp();
    const smtp = await receiver();
    const claire = t.ids.demo.people['alumna-claire'];
    await t.db.update(profiles).set({ preferredLanguage: 'en' }).where(eq(profiles.personId, claire)).run();
    const reminder = { tenantId: t.ids.demo.tenantId, personId: claire, kind: 'offer.expiresSoon' as const, params: { title: 'Mentoring day', expiresOn: '2026-03-09', days: 7 }, at: t.clock.now().toISOString() };
    await enqueue(t.db, reminder);
    await workerOn(t.db, t.clock, smtp.url).runOnce();

    const m = readMessage(smtp.messages[0]!.raw);
    expect(m.subject).toBe('Université de Démonstration — Your offer expires in 7 days: Mentoring day');
    expect(m.text).toContain('Hello Claire,');
    expect(m.text).toContain('will no longer be shown after 9 March 2026');
    const link = /^<(https:\/\/passerelle\.demo\.test\/v1\/mail\/unsubscribe\?token=[\w-]{43})>$/.exec(m.headers.get('list-unsubscribe') ?? '')?.[1];
    expect(link).toBeDefined();
    expect(m.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(m.text).toContain(`Stop receiving these messages: ${link}`);

    // What a mail client does on "unsubscribe": a form post to the link, no session.
    const path = link!.replace('https://passerelle.demo.test', '');
    const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: 'offer.expiresSoon', on: false });
    const token = await t.signIn('alumna-claire');
    const prefs = (await (await t.call('GET', '/v1/mail/preferences', { token })).json()) as { items: { kind: string; on: boolean }[] };
    expect(prefs.items).toContainEqual({ kind: 'offer.expiresSoon', on: false });
    expect(await enqueue(t.db, reminder)).toBe('optedOut');
    // An unknown token: 404 with its code, nothing changed.
    const unknown = await t.app.request(`/v1/mail/unsubscribe?token=${'A'.repeat(43)}`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('mail.unsubscribe.unknown');
  });

  it('SMTP down: the message stays pending, is tried again after the backoff, and is delivered once the server is back', async () => {
    const t = testApp();
    const down = await smtpReceiver();
    const { port, url } = down;
    await down.close();
    const ines = t.ids.demo.people['student-ines'];
    await enqueue(t.db, { tenantId: t.ids.demo.tenantId, personId: ines, kind: 'erasure.requested', params: { requestedAt: t.clock.now().toISOString() }, at: t.clock.now().toISOString() });
    const worker = workerOn(t.db, t.clock, url);

    await worker.runOnce();
    const [waiting] = (await rowsOf(t.db, ines));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting!.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + MAIL_RETRY_DELAYS_MS[0]).toISOString());

    // Back up on the same port; not due yet: nothing is tried.
    const back = await receiver({ port });
    expect(await worker.runOnce()).toBe(0);
    t.clock.advance(MAIL_RETRY_DELAYS_MS[0]);
    expect(await worker.runOnce()).toBe(1);
    expect(back.messages).toHaveLength(1);
    expect(readMessage(back.messages[0]!.raw).subject).toContain('Votre demande d’effacement est enregistrée');
    expect((await rowsOf(t.db, ines))).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
  });

  it('a 5xx for the address: undeliverable at once, and staff of the person’s entity see it (kind, status, masked address, never the content)', async () => {
    const t = testApp();
    const smtp = await receiver({ refuse: (address) => address.startsWith('ines.') });
    const ines = t.ids.demo.people['student-ines'];
    await enqueue(t.db, { tenantId: t.ids.demo.tenantId, personId: ines, kind: 'offer.rejected', params: { title: 'Stage', reason: 'Secret reason' }, at: t.clock.now().toISOString() });
    await workerOn(t.db, t.clock, smtp.url).runOnce();
    expect(smtp.messages).toHaveLength(0);
    expect((await rowsOf(t.db, ines))).toMatchObject([{ status: 'undeliverable', attempts: 1, nextAttemptAt: null }]);

    const staff = await t.signIn('staff-eng');
    const res = await t.call('GET', `/v1/mail/people/${ines}`, { token: staff });
    expect(res.status).toBe(200);
    const page = v.parse(PersonMailPageSchema, await res.json());
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'offer.rejected', status: 'undeliverable', address: 'i•••@etu.demo.test', attempts: 1, sentAt: null });
    expect(page.items[0]!.lastError).toMatch(/^550 5\.1\.1/);
    expect(JSON.stringify(page)).not.toContain('Secret reason');
    // Staff of another school, and the student's classmates, may not read it.
    expect((await t.call('GET', `/v1/mail/people/${ines}`, { token: await t.signIn('staff-mgmt') })).status).toBe(403);
    expect((await t.call('GET', `/v1/mail/people/${t.ids.demo.people['alumna-claire']}`, { token: await t.signIn('student-ines') })).status).toBe(403);
  });

  it('a 4xx for the address: tried again later with a longer wait each time, then failed after the last attempt', async () => {
    const t = testApp();
    const smtp = await receiver({ defer: () => true });
    const ines = t.ids.demo.people['student-ines'];
    await enqueue(t.db, { tenantId: t.ids.demo.tenantId, personId: ines, kind: 'offer.published', params: { title: 'Stage' }, at: t.clock.now().toISOString() });
    const worker = workerOn(t.db, t.clock, smtp.url);
    for (const [i, wait] of MAIL_RETRY_DELAYS_MS.entries()) {
      expect(await worker.runOnce()).toBe(1);
      const [row] = (await rowsOf(t.db, ines));
      expect(row).toMatchObject({ status: 'pending', attempts: i + 1, nextAttemptAt: new Date(t.clock.now().getTime() + wait).toISOString() });
      expect(row!.lastError).toMatch(/^451 4\.3\.0/);
      t.clock.advance(wait);
    }
    expect(await worker.runOnce()).toBe(1);
    expect((await rowsOf(t.db, ines))).toMatchObject([{ status: 'failed', attempts: MAIL_RETRY_DELAYS_MS.length + 1, nextAttemptAt: null }]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('two workers on the same database (two connections, as two instances): every message is sent exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-mail-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'db.sqlite');
    const clock = new TestClock();
    const first = openDatabase(file);
    closers.push(first.close);
    migrateDatabase(first.db);
    const ids = await seedDemo(first.db, {}, clock.now());
    const second = openDatabase(file);
    closers.push(second.close);
    const smtp = await receiver();
    const people = Object.values(ids.demo.people);
    const count = 60;
    await withTransaction({ db: first.db }, async (tx) => {
      for (let i = 0; i < count; i++) {
        await enqueueMail(tx, { tenantId: ids.demo.tenantId, personId: people[i % people.length]!, kind: 'offer.published', params: { title: `Offre ${i}` }, at: clock.now().toISOString() });
      }
    });
    const a = workerOn(first.db, clock, smtp.url, 'instance-a');
    const b = workerOn(second.db, clock, smtp.url, 'instance-b');
    const [triedA, triedB] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(triedA + triedB).toBe(count);
    // Both took their share: the claims interleaved, and none overlapped.
    expect(triedA).toBeGreaterThan(0);
    expect(triedB).toBeGreaterThan(0);
    const titles = smtp.messages.map((m) => /Offre \d+/.exec(readMessage(m.raw).subject)?.[0]);
    expect(titles).toHaveLength(count);
    expect(new Set(titles).size).toBe(count);
    expect((await first.db.select().from(mailOutbox).all()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
