import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserellePortal } from './portal.ts';
import { apiConfig, deepActiveElement, emulateMedia, hostToken, keys, readOutboxCode, shadow, uniqueEmail, until } from '../testing/index.ts';

async function signedInPortal(sub: Parameters<typeof hostToken>[0] = 'student-ines', lang = 'en'): Promise<PasserellePortal> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserellePortal>(html`<passerelle-portal lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-portal>`);
  await until(() => el.me, 'sign-in');
  await el.updateComplete;
  return el;
}

describe('<passerelle-portal>', () => {
  // An email-code session is kept for the tab (portal-session.test.ts): each test starts without one.
  afterEach(() => sessionStorage.clear());

  describe('signed out (email sign-in)', () => {
    it('is accessible', async () => {
      const { api, tenant } = await apiConfig();
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant}></passerelle-portal>`);
      await expect(el).to.be.accessible();
    });

    it('defaults: French, no session, the email form with a labelled field', async () => {
      const { api, tenant } = await apiConfig();
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant}></passerelle-portal>`);
      expect(el.session).to.equal(null);
      expect(el.me).to.equal(null);
      expect(shadow(el, 'h2').textContent).to.equal('Connexion');
      const input = shadow<HTMLInputElement>(el, 'input[type=email]');
      expect(shadow(el, `label[for=${input.id}]`).textContent).to.contain('Adresse e-mail');
      expect(input.getAttribute('aria-describedby')).to.equal(`${input.id}-hint`);
      expect(input.autocomplete).to.equal('email');
    });

    it('renders nothing of its own without api and tenant (and warns once), but keeps its slot', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      let el: PasserellePortal;
      try {
        el = await fixture<PasserellePortal>(html`<passerelle-portal><p>child</p></passerelle-portal>`);
        await fixture<PasserellePortal>(html`<passerelle-portal></passerelle-portal>`);
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('[passerelle:portal-config]');
      expect(el.auth).to.equal(null);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
    });

    it('a failed submit focuses the error summary, marks the field invalid and links to it', async () => {
      const { api, tenant } = await apiConfig();
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
      const input = shadow<HTMLInputElement>(el, 'input[type=email]');
      input.value = 'not-an-email';
      input.dispatchEvent(new Event('input'));
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
      await el.updateComplete;
      const summary = shadow(el, '[data-error-summary]');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      // The same message as the shared schema (and so the server).
      expect(summary.textContent).to.contain('Enter a valid email address, such as name@example.org.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const errorId = `${input.id}-error`;
      expect(input.getAttribute('aria-describedby')).to.contain(errorId);
      expect(shadow(el, `#${errorId}`).textContent).to.contain('Enter a valid email address');
      shadow<HTMLAnchorElement>(el, '[data-error-summary] a').click();
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expect(el).to.be.accessible();
    });

    it('shows schema messages in French when the page is French', async () => {
      const { api, tenant } = await apiConfig();
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="fr" api=${api} tenant=${tenant}></passerelle-portal>`);
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
      expect(shadow(el, '[data-error-summary]').textContent).to.contain('Le formulaire contient des erreurs');
      // An untouched field is empty (not missing): the schema's own message, in French.
      expect(shadow(el, '[data-error-summary] a').textContent).to.equal('Adresse e-mail : Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.');
    });

    it('signs in with an emailed code, keyboard only, and fires passerelle-signed-in', async () => {
      const { api, tenant } = await apiConfig();
      const email = uniqueEmail('kbd');
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
      shadow<HTMLInputElement>(el, 'input[type=email]').focus();
      await keys({ type: email });
      await keys({ press: 'Enter' });
      // The code step takes focus.
      await until(() => el.shadowRoot!.querySelector('input[autocomplete=one-time-code]') === deepActiveElement(), 'focus on the code field');
      expect(shadow(el, '.hint').textContent).to.contain(email);
      const code = await readOutboxCode(email);
      const signedIn = oneEvent(el, 'passerelle-signed-in');
      await keys({ type: code });
      await keys({ press: 'Enter' });
      const event = await signedIn;
      expect(event.detail.method).to.equal('email');
      expect(event.detail.me.person.email).to.equal(email);
      expect(el.session?.token).to.be.a('string');
      await el.updateComplete;
      expect(shadow(el, '.name').textContent).to.equal(email);
      // Focus stays in the portal, on who is now signed in.
      await until(() => deepActiveElement()?.classList.contains('who'), 'focus on the signed-in bar');
      // Sign out with the keyboard: focus lands on the email field again.
      shadow<HTMLButtonElement>(el, '[part~=sign-out]').focus();
      await keys({ press: 'Enter' });
      await until(() => deepActiveElement()?.getAttribute('type') === 'email', 'focus on the email field');
      expect(el.session).to.equal(null);
    });

    it('maps the server refusal of a wrong code onto the form', async () => {
      const { api, tenant } = await apiConfig();
      const email = uniqueEmail('wrong');
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
      const input = shadow<HTMLInputElement>(el, 'input[type=email]');
      input.value = email;
      input.dispatchEvent(new Event('input'));
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('input[autocomplete=one-time-code]'), 'code step');
      const real = await readOutboxCode(email);
      const codeInput = shadow<HTMLInputElement>(el, 'input[autocomplete=one-time-code]');
      codeInput.value = real === '000000' ? '111111' : '000000';
      codeInput.dispatchEvent(new Event('input'));
      const failed = oneEvent(el, 'passerelle-error');
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      const event = await failed;
      expect(event.detail.error.status).to.equal(401);
      await until(() => el.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'summary focus');
      expect(shadow(el, '[data-error-summary]').textContent).to.contain('This code is wrong or has expired.');
      expect(el.session).to.equal(null);
    });

    it('ignores a second submit while busy', async () => {
      const { api, tenant } = await apiConfig();
      const email = uniqueEmail('busy');
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
      const input = shadow<HTMLInputElement>(el, 'input[type=email]');
      input.value = email;
      input.dispatchEvent(new Event('input'));
      const form = shadow<HTMLFormElement>(el, 'form');
      form.requestSubmit();
      await el.updateComplete;
      expect(shadow(el, 'button[type=submit]').getAttribute('aria-disabled')).to.equal('true');
      expect(form.getAttribute('aria-busy')).to.equal('true');
      form.requestSubmit();
      await until(() => el.shadowRoot!.querySelector('input[autocomplete=one-time-code]'), 'code step');
      const { items } = (await (await fetch(`${api}/v1/dev/outbox`)).json()) as { items: { to: string }[] };
      expect(items.filter((m) => m.to === email)).to.have.length(1);
    });
  });

  describe('host identity token', () => {
    it('signs in with identityToken and shows the name and roles', async () => {
      const el = await signedInPortal('student-ines');
      expect(shadow(el, '.name').textContent).to.equal('Inès Martin');
      expect(shadow(el, '.roles').textContent).to.contain('Student');
      expect(el.me!.can['profile.edit']).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('knows who is signed in from the exchange alone: no GET /v1/me before the components can read', async () => {
      const since = performance.now();
      const el = await signedInPortal('student-ines');
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= since)
        .map((e) => new URL(e.name).pathname);
      expect(calls.filter((p) => p === '/v1/auth/exchange')).to.have.length(1);
      expect(calls.filter((p) => p === '/v1/me')).to.deep.equal([]);
      expect(el.me!.person.displayName).to.equal('Inès Martin');
    });

    it('fires passerelle-signed-in with method host', async () => {
      const { api, tenant } = await apiConfig();
      const el = document.createElement('passerelle-portal');
      el.api = api;
      el.tenant = tenant;
      el.identityToken = await hostToken('staff-eng');
      const signedIn = oneEvent(el, 'passerelle-signed-in');
      document.body.append(el);
      try {
        const event = await signedIn;
        expect(event.detail.method).to.equal('host');
        expect(event.detail.me.memberships.some((m: { role: string }) => m.role === 'staff')).to.equal(true);
        expect(event.bubbles && event.composed).to.equal(true);
      } finally {
        el.remove();
      }
    });

    it('asks getIdentityToken() when there is no identityToken', async () => {
      const { api, tenant } = await apiConfig();
      let asked = 0;
      const get = () => (asked++, hostToken('alumna-claire'));
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .getIdentityToken=${get}></passerelle-portal>`);
      await until(() => el.me, 'sign-in');
      expect(asked).to.equal(1);
      expect(el.me!.person.displayName).to.equal('Claire Dubois');
    });

    it('falls back to the email form when getIdentityToken() fails', async () => {
      const { api, tenant } = await apiConfig();
      const warn = console.warn;
      console.warn = () => {};
      try {
        const get = () => Promise.reject(new Error('host backend down'));
        const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .getIdentityToken=${get}></passerelle-portal>`);
        await new Promise((r) => setTimeout(r, 50));
        await el.updateComplete;
        expect(el.session).to.equal(null);
        expect(el.shadowRoot!.querySelector('input[type=email]')).to.exist;
      } finally {
        console.warn = warn;
      }
    });

    it('shows the refusal and the email form when the token is refused', async () => {
      const { api, tenant } = await apiConfig();
      const token = await hostToken('student-ines');
      const first = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .identityToken=${token}></passerelle-portal>`);
      await until(() => first.me, 'first sign-in');
      // The same token again: the server refuses a replayed jti.
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant} .identityToken=${token}></passerelle-portal>`);
      await until(() => el.shadowRoot!.querySelector('[part=message]'), 'refusal message');
      expect(shadow(el, '[part=message]').textContent).to.contain('not valid');
      expect(el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    });

    it('signs out: revokes the session on the server and fires passerelle-signed-out', async () => {
      const el = await signedInPortal('rep-acme');
      const { api } = await apiConfig();
      const token = el.session!.token;
      const signedOut = oneEvent(el, 'passerelle-signed-out');
      shadow<HTMLButtonElement>(el, '[part~=sign-out]').click();
      expect((await signedOut).detail.reason).to.equal('user');
      expect(el.session).to.equal(null);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input[type=email]')).to.exist;
      // The old token no longer works.
      await new Promise((r) => setTimeout(r, 200));
      const res = await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).to.equal(401);
    });

    it('signs out everywhere, in French or English: the person’s session on another device ends too', async () => {
      const { api, tenant } = await apiConfig();
      // A person of this test alone: ending all of their sessions touches no other test's.
      const email = uniqueEmail('everywhere');
      const post = (path: string, body: unknown) => fetch(`${api}/v1/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('email', { tenant, email })).status).to.equal(202);
      const verified = await post('verify', { tenant, email, code: await readOutboxCode(email) });
      const otherDevice = ((await verified.json()) as { token: string }).token;
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="fr" api=${api} tenant=${tenant}></passerelle-portal>`);
      await el.auth!.requestCode(email);
      await el.auth!.verifyCode(email, await readOutboxCode(email));
      await el.updateComplete;
      expect(shadow(el, 'button[part~=sign-out-everywhere]').textContent).to.equal('Se déconnecter partout');
      el.lang = 'en';
      await until(() => shadow(el, 'button[part~=sign-out-everywhere]').textContent === 'Sign out everywhere', 'English');
      const here = el.session!.token;
      expect(here).not.to.equal(otherDevice);
      const signedOut = oneEvent(el, 'passerelle-signed-out');
      shadow<HTMLButtonElement>(el, 'button[part~=sign-out-everywhere]').click();
      expect((await signedOut).detail.reason).to.equal('user');
      expect(el.session).to.equal(null);
      for (const token of [here, otherDevice]) {
        expect((await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).to.equal(401);
      }
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    });

    it('switches person when the host gives a new identity token, closing the old session', async () => {
      const el = await signedInPortal('student-ines');
      const { api } = await apiConfig();
      const old = el.session!.token;
      el.identityToken = await hostToken('staff-eng');
      await until(() => el.me && el.me.person.displayName !== 'Inès Martin', 'new person');
      await new Promise((r) => setTimeout(r, 200));
      expect((await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${old}` } })).status).to.equal(401);
    });

    it('renews the session through getIdentityToken after a 401', async () => {
      const { api, tenant } = await apiConfig();
      let asked = 0;
      const get = () => (asked++, hostToken('staff-mgmt'));
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .getIdentityToken=${get}></passerelle-portal>`);
      await until(() => el.me, 'sign-in');
      const old = el.session!.token;
      // Revoke it behind the portal's back, as an admin or an expiry would.
      await fetch(`${api}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${old}` } });
      const me = await el.auth!.refresh();
      expect(asked).to.equal(2);
      expect(me?.person.displayName).to.equal(el.me!.person.displayName);
      expect(el.session!.token).to.not.equal(old);
    });

    it('renews before expiry when the page comes back (timers may not have run)', async () => {
      const { api, tenant } = await apiConfig();
      let asked = 0;
      const get = () => (asked++, hostToken('admin-demo'));
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .getIdentityToken=${get}></passerelle-portal>`);
      await until(() => el.me, 'sign-in');
      const old = el.session!;
      const realNow = Date.now;
      Date.now = () => Date.parse(old.expiresAt) - 30_000;
      try {
        document.dispatchEvent(new Event('visibilitychange'));
      } finally {
        Date.now = realNow;
      }
      await until(() => el.session && el.session.token !== old.token, 'renewal');
      expect(asked).to.equal(2);
    });

    it('renews on its timer, a minute before expiresAt', async () => {
      const { api, tenant } = await apiConfig();
      let asked = 0;
      const get = () => (asked++, hostToken('staff-eng'));
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant} .getIdentityToken=${get}></passerelle-portal>`);
      await until(() => el.me, 'sign-in');
      const old = el.session!;
      expect(old.renewAt).to.be.closeTo(Date.parse(old.expiresAt) - 60_000, 5_000);
      // Reschedule as if the clock had reached renewAt: the timer fires at once.
      const realNow = Date.now;
      Date.now = () => old.renewAt + 1;
      try {
        el.auth!.suspend();
        el.auth!.resume();
      } finally {
        Date.now = realNow;
      }
      await until(() => el.session && el.session.token !== old.token, 'renewal');
      expect(asked).to.equal(2);
      // Signed in all along: no signed-out in between.
      expect(el.me).to.not.equal(null);
    });

    it('without getIdentityToken, a refused session signs out with reason revoked', async () => {
      const el = await signedInPortal('student-ines');
      const { api } = await apiConfig();
      await fetch(`${api}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${el.session!.token}` } });
      const signedOut = oneEvent(el, 'passerelle-signed-out');
      await el.auth!.refresh().catch(() => undefined);
      expect((await signedOut).detail.reason).to.equal('revoked');
      await el.updateComplete;
      expect(shadow(el, '[part=message]').textContent).to.contain('expired');
    });
  });

  describe('locale', () => {
    it('follows its lang, then <html lang>, and re-renders when it changes', async () => {
      const el = await signedInPortal('student-ines', 'fr');
      expect(shadow(el, 'button[part~=sign-out]').textContent).to.equal('Se déconnecter');
      el.lang = 'en';
      await until(() => shadow(el, 'button[part~=sign-out]').textContent === 'Sign out', 'English');
      el.removeAttribute('lang');
      const before = document.documentElement.lang;
      document.documentElement.lang = 'fr';
      try {
        await until(() => shadow(el, 'button[part~=sign-out]').textContent === 'Se déconnecter', 'French from <html>');
        document.documentElement.lang = 'en-GB';
        await until(() => shadow(el, 'button[part~=sign-out]').textContent === 'Sign out', 'English from <html>');
      } finally {
        document.documentElement.lang = before;
      }
    });
  });

  describe('theming', () => {
    it('takes --passerelle-* custom properties and ::part styles from the page, and nothing else leaks', async () => {
      const { api, tenant } = await apiConfig();
      const style = document.createElement('style');
      style.textContent = `
        passerelle-portal.themed { --passerelle-color-primary: rgb(10, 20, 30); --passerelle-radius: 9px; }
        passerelle-portal.themed::part(submit) { outline-color: rgb(1, 2, 3); }
        button { background: rgb(255, 0, 0) !important; }`;
      document.head.append(style);
      try {
        const el = await fixture<PasserellePortal>(html`<passerelle-portal class="themed" api=${api} tenant=${tenant}></passerelle-portal>`);
        const button = shadow(el, 'button[type=submit]');
        const cs = getComputedStyle(button);
        expect(cs.backgroundColor).to.equal('rgb(10, 20, 30)');
        expect(cs.borderTopLeftRadius).to.equal('9px');
        expect(cs.outlineColor).to.equal('rgb(1, 2, 3)');
        // The page's font by default.
        expect(getComputedStyle(shadow(el, 'h2')).fontFamily).to.equal(getComputedStyle(document.body).fontFamily);
      } finally {
        style.remove();
      }
    });

    it('has its own dark colours and stays accessible (contrast) in dark mode', async () => {
      const { api, tenant } = await apiConfig();
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant}></passerelle-portal>`);
        expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
        shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
        await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('shows a visible focus ring', async () => {
      const { api, tenant } = await apiConfig();
      const el = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant}></passerelle-portal>`);
      shadow<HTMLInputElement>(el, 'input').focus();
      await keys({ press: 'Tab' });
      const focused = deepActiveElement() as HTMLElement;
      expect(focused.localName).to.equal('button');
      const cs = getComputedStyle(focused);
      expect(cs.outlineStyle).to.equal('solid');
      expect(parseFloat(cs.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('context', () => {
    it('provides client, session, me and locale to descendants', async () => {
      const { ContextConsumer } = await import('@lit/context');
      const { LitElement } = await import('lit');
      const { portalContext } = await import('../core/context.ts');
      class Probe extends LitElement {
        consumer = new ContextConsumer(this, { context: portalContext, subscribe: true });
      }
      customElements.define('portal-probe', Probe);
      const { api, tenant } = await apiConfig();
      const token = await hostToken('student-ines');
      const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant} .identityToken=${token}><portal-probe></portal-probe></passerelle-portal>`);
      const probe = el.querySelector('portal-probe') as Probe;
      await until(() => probe.consumer.value?.me, 'me in context');
      const ctx = probe.consumer.value!;
      expect(ctx.session?.token).to.equal(el.session!.token);
      expect(ctx.locale).to.equal('en');
      const me = await ctx.client.json(ctx.client.rpc.me.$get());
      expect(me.person.displayName).to.equal('Inès Martin');
    });
  });
});
