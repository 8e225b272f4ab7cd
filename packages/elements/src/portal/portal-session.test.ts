import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import './define.ts';
import type { PasserellePortal } from './portal.ts';
import { PasserelleElement } from '../core/passerelle-element.ts';
import { TAB_SESSION_KEY } from '../core/tab-session.ts';
import { apiConfig, hostToken, keys, readOutboxCode, shadow, uniqueEmail, until } from '../testing/index.ts';

/** A component used alone (no portal), as another page of the site may hold one. */
class TabHello extends PasserelleElement {
  override render() {
    return this.session.render(({ me }) => litHtml`<p class="hello">Hello ${me.person.email}</p>`);
  }
}
customElements.define('tab-hello', TabHello);

/** What the host page's sessionStorage holds for Passerelle, parsed. */
const kept = () => JSON.parse(sessionStorage.getItem(TAB_SESSION_KEY) ?? 'null') as { token: string; api: string; tenant: string; method: string; expiresAt: string } | null;

/** Status of `GET /v1/me` with that bearer token, as any client of the API would see it. */
async function meStatus(token: string): Promise<number> {
  const { api } = await apiConfig();
  return (await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

/** Polls the API until `GET /v1/me` with `token` answers `status` (a revocation is sent without being awaited). */
async function untilMeStatus(token: string, status: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await meStatus(token)) !== status) {
    if (Date.now() > deadline) throw new Error(`GET /v1/me never answered ${status}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How many sign-in mails the dev outbox holds for `email`. */
async function mailsTo(email: string): Promise<number> {
  const { api } = await apiConfig();
  const { items } = (await (await fetch(`${api}/v1/dev/outbox`)).json()) as { items: { to: string }[] };
  return items.filter((m) => m.to === email).length;
}

/** A portal signed in with a code mailed to a fresh address (through its own Auth, as the form does). */
async function signedInByEmail(storage = 'email'): Promise<{ el: PasserellePortal; email: string; token: string }> {
  const { api, tenant } = await apiConfig();
  const email = uniqueEmail('tab');
  const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant} session-storage=${storage}></passerelle-portal>`);
  await el.auth!.requestCode(email);
  await el.auth!.verifyCode(email, await readOutboxCode(email));
  await el.updateComplete;
  return { el, email, token: el.session!.token };
}

interface Page {
  el: PasserellePortal;
  /** `passerelle-signed-in` events the element fired (their `method`). */
  signedIn: string[];
  /** True if the signed-in bar was ever drawn. */
  barShown: () => boolean;
}

const pages: HTMLElement[] = [];

/**
 * A new `<passerelle-portal>` as the next page of the host site creates it:
 * every listener is in place before it connects, so nothing it shows is missed.
 */
function nextPage(options: { api?: string; tenant?: string; getIdentityToken?: () => Promise<string> } = {}): Promise<Page> {
  return apiConfig().then(({ api, tenant }) => {
    const el = document.createElement('passerelle-portal');
    el.lang = 'en';
    el.setAttribute('api', options.api ?? api);
    el.setAttribute('tenant', options.tenant ?? tenant);
    if (options.getIdentityToken) el.getIdentityToken = options.getIdentityToken;
    const signedIn: string[] = [];
    el.addEventListener('passerelle-signed-in', (event) => signedIn.push(event.detail.method));
    let bar = false;
    const watch = new MutationObserver(() => (bar ||= !!el.shadowRoot?.querySelector('[part~=bar]')));
    pages.push(el);
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    return { el, signedIn, barShown: () => bar };
  });
}

describe('<passerelle-portal>: the email-code session lasts for the tab', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    for (const el of pages.splice(0)) el.remove();
    sessionStorage.clear();
  });

  it('signs in by code once, then 6 more pages and a component used alone are signed in without a new code; after sign-out the next page is signed out and nothing is stored', async () => {
    const { api, tenant } = await apiConfig();
    const email = uniqueEmail('pages');
    const first = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
    shadow<HTMLInputElement>(first, 'input[type=email]').focus();
    await keys({ type: email });
    await keys({ press: 'Enter' });
    await until(() => first.shadowRoot!.querySelector('input[autocomplete=one-time-code]'), 'code step');
    shadow<HTMLInputElement>(first, 'input[autocomplete=one-time-code]').focus();
    await keys({ type: await readOutboxCode(email) });
    await keys({ press: 'Enter' });
    await until(() => first.me, 'signed in on the first page');
    const token = first.session!.token;
    // Kept by the host page for this tab only: sessionStorage, tied to this api and tenant; no localStorage, no cookie.
    expect(kept()).to.include({ token, api, tenant, method: 'email' });
    expect(localStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
    first.remove();

    // Six more pages: past the five codes an address may ask for in 15 minutes.
    for (let n = 2; n <= 7; n++) {
      const page = await nextPage();
      await page.el.updateComplete;
      // Checked with the API before anything signed in is shown, and no email form meanwhile.
      expect(shadow(page.el, '[part=status]').textContent).to.equal('Signing in…');
      expect(page.el.shadowRoot!.querySelector('input[type=email]'), `page ${n}`).to.equal(null);
      await until(() => page.el.me, `signed in on page ${n}`);
      await page.el.updateComplete;
      expect(page.el.session!.token).to.equal(token);
      expect(page.signedIn).to.deep.equal(['email']);
      expect(shadow(page.el, '.name').textContent).to.equal(email);
      page.el.remove();
    }
    const alone = document.createElement('tab-hello') as TabHello;
    alone.setAttribute('api', api);
    alone.setAttribute('tenant', tenant);
    pages.push(alone);
    document.body.append(alone);
    await until(() => alone.shadowRoot!.querySelector('.hello'), 'the component alone, signed in');
    expect(shadow(alone, '.hello').textContent).to.equal(`Hello ${email}`);
    alone.remove();
    expect(await mailsTo(email)).to.equal(1);

    const last = await nextPage();
    await until(() => last.el.me, 'signed in on the last page');
    await last.el.updateComplete;
    const signedOut = oneEvent(last.el, 'passerelle-signed-out');
    shadow<HTMLButtonElement>(last.el, 'button[part~=sign-out]').click();
    expect((await signedOut).detail.reason).to.equal('user');
    expect(sessionStorage.length).to.equal(0);
    await untilMeStatus(token, 401);

    const after = await nextPage();
    await after.el.updateComplete;
    expect(after.el.auth!.state.status).to.equal('signed-out');
    expect(after.el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    expect(after.signedIn).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
  });

  it('sign out everywhere: nothing stored, and the next page is signed out', async () => {
    const { el, token } = await signedInByEmail();
    expect(kept()?.token).to.equal(token);
    const signedOut = oneEvent(el, 'passerelle-signed-out');
    shadow<HTMLButtonElement>(el, 'button[part~=sign-out-everywhere]').click();
    await signedOut;
    expect(sessionStorage.length).to.equal(0);
    expect(await meStatus(token)).to.equal(401);
    const next = await nextPage();
    await next.el.updateComplete;
    expect(next.el.auth!.state.status).to.equal('signed-out');
    expect(next.el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    expect(next.signedIn).to.deep.equal([]);
  });

  it('a 401 on use forgets the kept session; a kept session the API refuses is signed out on the next page without a flash of signed-in', async () => {
    const { el, token } = await signedInByEmail();
    const stored = sessionStorage.getItem(TAB_SESSION_KEY)!;
    // Ended elsewhere (another device's "sign out everywhere", an administrator).
    await fetch(`${(await apiConfig()).api}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const signedOut = oneEvent(el, 'passerelle-signed-out');
    await el.auth!.refresh().catch(() => undefined);
    expect((await signedOut).detail.reason).to.equal('revoked');
    expect(sessionStorage.length).to.equal(0);
    el.remove();

    // The tab as a page left it before the session ended elsewhere: the next page checks it first.
    sessionStorage.setItem(TAB_SESSION_KEY, stored);
    const next = await nextPage();
    await until(() => next.el.auth!.state.status === 'signed-out', 'signed out');
    await next.el.updateComplete;
    expect(next.signedIn).to.deep.equal([]);
    expect(next.barShown()).to.equal(false);
    expect(next.el.session).to.equal(null);
    expect(shadow(next.el, '[part=message]').textContent).to.equal('Your session has expired. Please sign in again.');
    expect(next.el.shadowRoot!.querySelector('input[type=email]')).to.exist;
    expect(sessionStorage.length).to.equal(0);
  });

  it('is forgotten when it runs out on the page, and is not used once expired, by a portal of another tenant or api, or when the host gives an identity', async () => {
    const { api } = await apiConfig();
    const { el, token } = await signedInByEmail();
    const stored = sessionStorage.getItem(TAB_SESSION_KEY)!;

    // Running out on the page (an email-code session cannot be renewed): the renewal timer, rescheduled as if its time had come.
    const realNow = Date.now;
    Date.now = () => el.session!.renewAt + 1;
    try {
      el.auth!.suspend();
      el.auth!.resume();
    } finally {
      Date.now = realNow;
    }
    await until(() => el.auth!.state.status === 'signed-out', 'the session ran out');
    expect(el.auth!.state).to.deep.equal({ status: 'signed-out', reason: 'expired' });
    expect(sessionStorage.length).to.equal(0);
    el.remove();

    // Expired: hours later, the same tab. Not sent to the API at all.
    sessionStorage.setItem(TAB_SESSION_KEY, stored);
    Date.now = () => Date.parse(kept()!.expiresAt) + 1000;
    let expired: Page;
    try {
      expired = await nextPage();
    } finally {
      Date.now = realNow;
    }
    await expired.el.updateComplete;
    expect(expired.el.auth!.state).to.deep.equal({ status: 'signed-out', reason: 'expired' });
    expect(shadow(expired.el, '[part=message]').textContent).to.equal('Your session has expired. Please sign in again.');
    expect(expired.signedIn).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);

    // Another institution's portal in the same tab: removed, never sent.
    sessionStorage.setItem(TAB_SESSION_KEY, stored);
    const other = await nextPage({ tenant: 'other' });
    await other.el.updateComplete;
    expect(other.el.auth!.state.status).to.equal('signed-out');
    expect(other.signedIn).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);

    // Another API (the same server under another name is another configuration).
    sessionStorage.setItem(TAB_SESSION_KEY, stored);
    const otherApi = await nextPage({ api: api.replace('127.0.0.1', 'localhost') });
    await otherApi.el.updateComplete;
    expect(otherApi.el.auth!.state.status).to.equal('signed-out');
    expect(sessionStorage.length).to.equal(0);
    // None of them ended the session: they only left it alone.
    expect(await meStatus(token)).to.equal(200);

    // The host signed the person in (its identity outranks an email code): the kept session is closed.
    sessionStorage.setItem(TAB_SESSION_KEY, stored);
    const host = await nextPage({ getIdentityToken: () => hostToken('student-ines') });
    await until(() => host.el.me, 'signed in by the host');
    expect(host.el.me!.person.displayName).to.equal('Inès Martin');
    expect(host.signedIn).to.deep.equal(['host']);
    expect(sessionStorage.length).to.equal(0);
    await untilMeStatus(token, 401);
  });

  it('session-storage="none": the session stays in memory, and the next page asks again', async () => {
    const { el } = await signedInByEmail('none');
    expect(el.me).to.not.equal(null);
    expect(sessionStorage.length).to.equal(0);
    const next = await nextPage();
    await next.el.updateComplete;
    expect(next.el.auth!.state.status).to.equal('signed-out');
    expect(next.el.shadowRoot!.querySelector('input[type=email]')).to.exist;
  });
});
