/**
 * The message a graduate gets at their personal address (issue 17 item 4),
 * through a real SMTP server on 127.0.0.1: in their language, HTML and text,
 * and its link signs them in on their profile page.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { testApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { institutions } from '../db/tables/index.ts';
import { startMailWorker } from '../mail/worker.ts';
import { readMessage, smtpReceiver } from '../mail/smtp-receiver.ts';
import { runImport } from '../import/run.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
const dir = mkdtempSync(join(tmpdir(), 'passerelle-graduated-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('person.graduated', () => {
  it('arrives at the verified personal address, in French, and its link signs the graduate in on their profile', async () => {
    const t = testApp();
    const { settings } = (await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get())!;
    await t.db.update(institutions).set({ settings: { ...settings, pages: { profile: 'https://www.demo.test/mon-profil' } } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
    closers.push(() => worker.stop());

    const token = await t.signIn('student-ines');
    const personal = 'ines.perso@example.org';
    expect((await t.call('POST', '/v1/me/addresses', { token, body: { email: personal } })).status).toBe(202);
    const code = t.mail.filter((m) => m.to === personal).at(-1)!.text.match(/\b(\d{6})\b/)![1];
    expect((await t.call('POST', '/v1/me/addresses/verify', { token, body: { email: personal, code } })).status).toBe(200);

    const path = join(dir, 'graduates.csv');
    writeFileSync(path, 'email,role\nines.martin@etu.demo.test,alumnus\n');
    await runImport(t.db, { kind: 'people', tenantId: t.ids.demo.tenantId, file: path, mapping: {}, now: t.clock.now(), language: 'en' });
    await worker.runOnce();

    const mails = smtp.messages.map((m) => ({ to: m.to, ...readMessage(m.raw) })).filter((m) => m.subject.includes('Félicitations'));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.to).toEqual([personal]);
    expect(mail!.subject).toBe('Université de Démonstration — Félicitations : comment vous connecter désormais');
    expect(mail!.html).toMatch(/<html lang="fr">/);
    expect(mail!.text).toContain(`Désormais, connectez-vous avec cette adresse, ${personal}`);
    const linkToken = /passerelle-link=([\w-]{43})/.exec(mail!.text)?.[1];
    expect(linkToken).toBeTruthy();
    const signedIn = await t.call('POST', '/v1/mail/links/sign-in', { body: { tenant: 'demo', token: linkToken } });
    expect(signedIn.status).toBe(200);
    const session = (await signedIn.json()) as { token: string; action: string };
    expect(session.action).toBe('profile');
    const me = (await (await t.call('GET', '/v1/me', { token: session.token })).json()) as { person: { id: string } };
    expect(me.person.id).toBe(t.ids.demo.people['student-ines']);
  });
});
