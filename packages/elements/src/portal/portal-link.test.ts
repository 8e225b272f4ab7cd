/**
 * Links that sign in (issue 17 item 3), in the browser: the host page opens
 * with `?passerelle-link=<token>` (as a message links to it), the portal
 * trades it for a session and takes it off the address bar; a used link
 * says so and sends a fresh one in one click. Against the real API: the
 * link is made as a message makes it (server/scripts/sign-in-link.ts), the
 * fresh one goes through the outbox to the dev outbox.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserellePortal } from './portal.ts';
import { apiConfig, hostToken, keys, shadow, until } from '../testing/index.ts';

const start = `${location.pathname}${location.search}`;

/** A fresh link for a demo person: its token, as in the message. */
async function freshLink(sub = 'student-ines'): Promise<string> {
  const r = await fetch(`/__passerelle/sign-in-link?sub=${sub}`);
  return ((await r.json()) as { token: string }).token;
}

/** The test page as the link opens it: its own parameters, the link, another parameter and a hash. */
function openWith(token: string): void {
  history.replaceState(null, '', `${start}&passerelle-link=${token}&onglet=profil#mes-infos`);
}

async function portal(lang = 'fr', token?: string): Promise<PasserellePortal> {
  const { api, tenant } = await apiConfig();
  return fixture<PasserellePortal>(
    token ? html`<passerelle-portal lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-portal>` : html`<passerelle-portal lang=${lang} api=${api} tenant=${tenant}></passerelle-portal>`,
  );
}

async function outbox(): Promise<{ to: string; subject: string; body: string }[]> {
  const { api } = await apiConfig();
  return ((await (await fetch(`${api}/v1/dev/outbox`)).json()) as { items: { to: string; subject: string; body: string }[] }).items;
}

describe('<passerelle-portal> opened from a link in a message', () => {
  afterEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', start);
  });

  it('signs the person in, takes the link off the address bar (keeping the rest, no new history entry) and is accessible', async () => {
    const token = await freshLink();
    openWith(token);
    const entries = history.length;
    const el = await portal('en');
    await until(() => el.me, 'signed in by the link');
    await el.updateComplete;
    expect(el.me!.person.email).to.equal('ines.martin@etu.demo.test');
    expect(el.session!.method).to.equal('email');
    expect(shadow(el, '[part~="who"]').textContent).to.contain('Inès Martin');
    expect(location.href).not.to.contain('passerelle-link');
    expect(`${location.pathname}${location.search}${location.hash}`).to.equal(`${start}&onglet=profil#mes-infos`);
    expect(history.length).to.equal(entries);
    // The session is kept for the tab like an email-code one: the next page of the host site stays signed in.
    expect(sessionStorage.getItem('passerelle.session')).to.contain('"method":"email"');
    await expect(el).to.be.accessible();
  });

  it('a used link says so with the masked address and sends a fresh one in one click (keyboard), which arrives', async () => {
    const token = await freshLink();
    const { api } = await apiConfig();
    // Used once already (another tab, a mail scanner…).
    expect((await fetch(`${api}/v1/mail/links/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', token }) })).status).to.equal(200);
    const before = (await outbox()).length;
    openWith(token);
    const el = await portal('fr');
    await until(() => el.shadowRoot!.querySelector('[part~="link"] [role="alert"]'), 'the used link’s message');
    await el.updateComplete;
    expect(el.me).to.equal(null);
    expect(location.href).not.to.contain('passerelle-link');
    const section = shadow(el, '[part~="link"]');
    expect(shadow(el, '#link-title').textContent).to.equal('Lien de connexion');
    expect(section.querySelector('[role="alert"]')!.textContent).to.equal('Ce lien a déjà servi. Nous pouvons en envoyer un nouveau à i•••@etu.demo.test.');
    // The email form stays below, as another way in.
    expect(el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    await expect(el).to.be.accessible();

    const button = shadow<HTMLButtonElement>(el, '[part~="link"] button');
    expect(button.textContent!.trim()).to.equal('Recevoir un nouveau lien');
    button.focus();
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[data-link-outcome]'), 'the fresh link sent');
    const sent = shadow(el, '[data-link-outcome]');
    expect(sent.getAttribute('role')).to.equal('status');
    expect(sent.textContent).to.equal('Un nouveau lien vient d’être envoyé à i•••@etu.demo.test. Il vous connecte une seule fois, pendant 7 jours.');
    expect(el.shadowRoot!.activeElement).to.equal(sent);
    expect(el.shadowRoot!.querySelector('[part~="link"] button')).to.equal(null);
    await expect(el).to.be.accessible();

    // The fresh link reaches her mailbox (the outbox's worker), with a link of its own that signs in.
    let mail: { to: string; subject: string; body: string } | undefined;
    const deadline = Date.now() + 15_000;
    while (!mail && Date.now() < deadline) {
      const items = await outbox();
      mail = items.length > before ? items.find((m) => m.to === 'ines.martin@etu.demo.test' && m.subject.includes('nouveau lien de connexion')) : undefined;
      if (!mail) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail, 'the fresh link in the outbox').to.exist;
    const fresh = /passerelle-link=([\w-]{43})/.exec(mail!.body)![1]!;
    expect(fresh).not.to.equal(token);
    expect((await fetch(`${api}/v1/mail/links/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', token: fresh }) })).status).to.equal(200);
  });

  it('in English: the used link’s words and the offer', async () => {
    const token = await freshLink();
    const { api } = await apiConfig();
    await fetch(`${api}/v1/mail/links/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', token }) });
    openWith(token);
    const el = await portal('en');
    await until(() => el.shadowRoot!.querySelector('[part~="link"] button'), 'the offer');
    await el.updateComplete;
    expect(shadow(el, '#link-title').textContent).to.equal('Sign-in link');
    expect(shadow(el, '[part~="link"] [role="alert"]').textContent).to.equal('This link was already used. We can send a fresh one to i•••@etu.demo.test.');
    expect(shadow(el, '[part~="link"] button').textContent!.trim()).to.equal('Send me a fresh link');
    await expect(el).to.be.accessible();
  });

  it('someone the host already signed in keeps their session: the link is taken off the address, left unused', async () => {
    const token = await freshLink();
    openWith(token);
    const el = await portal('en', await hostToken('alumna-claire'));
    await until(() => el.me, 'signed in by the host');
    await el.updateComplete;
    await until(() => !location.href.includes('passerelle-link'), 'the link taken off the address');
    expect(el.me!.person.email).to.equal('claire.dubois@alumni.demo.test');
    expect(el.session!.method).to.equal('host');
    const { api } = await apiConfig();
    // Still unused: it would sign Inès in.
    expect((await fetch(`${api}/v1/mail/links/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', token }) })).status).to.equal(200);
  });
});
