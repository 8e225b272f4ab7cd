/**
 * Links that sign in (issue 17 item 3, the server's part): each message
 * with somewhere to send the person carries a single-use link bound to the
 * person, the institution, the page and their verified address, valid 7
 * days; a used or expired one says so and sends a fresh one to the same
 * (masked) address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { smtpMailer } from '../auth/mailer.ts';
import { withTransaction } from '../db/transaction.ts';
import { institutions, mailOutbox, people } from '../db/tables/index.ts';
import { enqueueMail } from './enqueue.ts';
import { startMailWorker } from './worker.ts';
import { readMessage, smtpReceiver, type Receiver } from './smtp-receiver.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const pages = { offers: 'https://www.demo.test/offres', profile: 'https://www.demo.test/mon-compte?onglet=profil', company: 'https://www.demo.test/entreprises' };

async function setup(withPages = true) {
  const t = testApp();
  if (withPages) await t.db.update(institutions).set({ settings: { pages } }).where(eq(institutions.id, t.ids.demo.tenantId)).run();
  const smtp = await smtpReceiver();
  closers.push(smtp.close);
  const worker = startMailWorker({ db: t.db, clock: t.clock, mailer: smtpMailer(smtp.url, 'no-reply@demo.test'), publicUrl: undefined, mailFrom: 'no-reply@demo.test', name: 'test' }, { autostart: false });
  closers.push(() => worker.stop());
  return { t, smtp, worker };
}

const tell = (t: TestApp, personId: string) =>
  withTransaction({ db: t.db }, (tx) => enqueueMail(tx, { tenantId: t.ids.demo.tenantId, personId, kind: 'offer.published', params: { title: 'Stage' }, at: t.clock.now().toISOString() }));
const linkIn = (smtp: Receiver, i: number) => /https:\/\/www\.demo\.test\/\S*passerelle-link=([\w-]{43})/.exec(readMessage(smtp.messages[i]!.raw).text);
const signIn = (t: TestApp, token: string) => t.call('POST', '/v1/mail/links/sign-in', { body: { tenant: 'demo', token } });

describe('links that sign in', () => {
  it('the message links to the page where the person acts; the link signs them in once, then says it was used and sends a fresh one', async () => {
    const { t, smtp, worker } = await setup();
    const ines = t.ids.demo.people['student-ines'];
    await tell(t, ines);
    await worker.runOnce();
    const m = readMessage(smtp.messages[0]!.raw);
    const [url, token] = linkIn(smtp, 0)!;
    expect(url).toBe(`https://www.demo.test/offres?passerelle-link=${token}`);
    expect(m.text).toContain(`Voir mes offres: ${url}`);
    expect(m.text).toContain('il sert une seule fois et vaut 7 jours');
    expect(m.html).toContain(`<a href="${url}"`);

    const res = await signIn(t, token!);
    expect(res.status).toBe(200);
    const session = (await res.json()) as { token: string; action: string };
    expect(session.action).toBe('offers');
    const me = (await (await t.call('GET', '/v1/me', { token: session.token })).json()) as { person: { id: string } };
    expect(me.person.id).toBe(ines);

    const again = await signIn(t, token!);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'link.used', address: 'i•••@etu.demo.test', detail: 'This link was already used. We can send a fresh one to i•••@etu.demo.test.' });

    const resend = await t.call('POST', '/v1/mail/links/resend', { body: { tenant: 'demo', token } });
    expect(resend.status).toBe(202);
    expect(await resend.json()).toEqual({ sent: true, address: 'i•••@etu.demo.test' });
    // Asked again from the same link: the same answer, no second message.
    expect((await t.call('POST', '/v1/mail/links/resend', { body: { tenant: 'demo', token } })).status).toBe(202);
    await worker.runOnce();
    expect(smtp.messages).toHaveLength(2);
    expect(readMessage(smtp.messages[1]!.raw).subject).toBe('Université de Démonstration — Votre nouveau lien de connexion');
    const [, fresh] = linkIn(smtp, 1)!;
    expect(fresh).not.toBe(token);
    expect((await signIn(t, fresh!)).status).toBe(200);
    // Staff see it among her messages, without the link.
    const list = await (await t.call('GET', `/v1/mail/people/${ines}`, { token: await t.signIn('staff-eng') })).text();
    expect(list).toContain('"kind":"auth.link"');
    expect(list).not.toContain(fresh!);
  });

  it('after 7 days the link has expired: it says so, with the address a fresh one would go to', async () => {
    const { t, smtp, worker } = await setup();
    await tell(t, t.ids.demo.people['student-ines']);
    await worker.runOnce();
    const [, token] = linkIn(smtp, 0)!;
    t.clock.advance(7 * 86_400_000);
    const res = await signIn(t, token!);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'link.expired', address: 'i•••@etu.demo.test' });
  });

  it('bound to the person’s verified address and to the institution: once the address changed, or from another institution, the link is unknown', async () => {
    const { t, smtp, worker } = await setup();
    const ines = t.ids.demo.people['student-ines'];
    await tell(t, ines);
    await worker.runOnce();
    const [, token] = linkIn(smtp, 0)!;
    expect(await (await t.call('POST', '/v1/mail/links/sign-in', { body: { tenant: 'other', token } })).json()).toMatchObject({ code: 'link.unknown' });
    await t.db.update(people).set({ email: 'ines.nouvelle@example.org' }).where(eq(people.id, ines)).run();
    const res = await signIn(t, token!);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'link.unknown' });
    expect((await t.call('POST', '/v1/mail/links/resend', { body: { tenant: 'demo', token } })).status).toBe(401);
  });

  it('a link opened by staff carries no staff rights (as an email code); no page configured, no link', async () => {
    const { t, smtp, worker } = await setup();
    const sophie = t.ids.demo.people['staff-eng'];
    await tell(t, sophie);
    await worker.runOnce();
    const [, token] = linkIn(smtp, 0)!;
    const session = ((await (await signIn(t, token!)).json()) as { token: string }).token;
    expect((await t.call('GET', `/v1/mail/people/${t.ids.demo.people['student-ines']}`, { token: session })).status).toBe(403);

    const bare = await setup(false);
    await tell(bare.t, bare.t.ids.demo.people['student-ines']);
    await bare.worker.runOnce();
    expect(readMessage(bare.smtp.messages[0]!.raw).text).not.toContain('passerelle-link');
    expect((await bare.t.db.select().from(mailOutbox).all())).toMatchObject([{ status: 'sent' }]);
  });
});
