import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { PasserelleElement } from './passerelle-element.ts';
import { PasserellePortal } from '../portal/portal.ts';
import '../portal/define.ts';
import { apiConfig, hostToken, shadow, until } from '../testing/index.ts';

/** A minimal domain component: says hello to the signed-in person. */
class TestHello extends PasserelleElement {
  get ctl() {
    return this.session;
  }
  override render() {
    return this.session.render(({ me }) => litHtml`<p class="hello">Hello ${me.person.displayName}</p>`);
  }
}
customElements.define('test-hello', TestHello);

describe('SessionController (via PasserelleElement)', () => {
  it('alone with an identity token: opens its own session and fires passerelle-signed-in', async () => {
    const { api, tenant } = await apiConfig();
    const el = document.createElement('test-hello') as TestHello;
    el.api = api;
    el.tenant = tenant;
    el.identityToken = await hostToken('alumna-claire');
    const signedIn = oneEvent(el, 'passerelle-signed-in');
    document.body.append(el);
    try {
      await signedIn;
      await el.updateComplete;
      expect(el.ctl.standalone).to.equal(true);
      expect(shadow(el, '.hello').textContent).to.equal('Hello Claire Dubois');
      expect(el.ctl.context?.locale).to.equal('fr');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('keeps one session when moved in the page, and stores nothing in the browser', async () => {
    const { api, tenant } = await apiConfig();
    localStorage.clear();
    sessionStorage.clear();
    const wrapper = await fixture<HTMLElement>(html`<div><section></section><test-hello api=${api} tenant=${tenant}></test-hello></div>`);
    const el = wrapper.querySelector('test-hello') as TestHello;
    let signIns = 0;
    wrapper.addEventListener('passerelle-signed-in', () => signIns++);
    el.identityToken = await hostToken('student-ines');
    await until(() => el.ctl.signedIn, 'signed in');
    const token = el.ctl.signedIn!.session.token;
    wrapper.querySelector('section')!.append(el);
    await el.updateComplete;
    expect(el.ctl.signedIn?.session.token).to.equal(token);
    expect(signIns).to.equal(1);
    // In memory only: no storage, no cookie.
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('alone without a token: shows the email sign-in form', async () => {
    const { api, tenant } = await apiConfig();
    const el = await fixture<TestHello>(html`<test-hello lang="en" api=${api} tenant=${tenant}></test-hello>`);
    expect(shadow(el, 'h2').textContent).to.equal('Sign in');
    expect(shadow(el, 'input[type=email]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('alone, api and tenant set later by script', async () => {
    const { api, tenant } = await apiConfig();
    const el = await fixture<TestHello>(html`<test-hello></test-hello>`);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    el.getIdentityToken = () => hostToken('staff-eng');
    el.api = api;
    el.tenant = tenant;
    await until(() => el.shadowRoot!.querySelector('.hello'), 'hello');
  });

  it('inside <passerelle-portal>: uses the portal session, renders nothing while signed out', async () => {
    const { api, tenant } = await apiConfig();
    const portal = await fixture<PasserellePortal>(html`<passerelle-portal api=${api} tenant=${tenant}><test-hello></test-hello></passerelle-portal>`);
    const el = portal.querySelector('test-hello') as TestHello;
    await el.updateComplete;
    expect(el.ctl.standalone).to.equal(false);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    portal.identityToken = await hostToken('student-ines');
    await until(() => el.shadowRoot!.querySelector('.hello'), 'hello');
    expect(shadow(el, '.hello').textContent).to.equal('Hello Inès Martin');
    expect(el.ctl.signedIn!.session.token).to.equal(portal.session!.token);
    await portal.signOut();
    await until(() => !el.shadowRoot!.querySelector('.hello'), 'signed out');
  });

  it('finds a portal that upgrades after it (scripts loaded in any order)', async () => {
    const { api, tenant } = await apiConfig();
    const token = await hostToken('rep-acme');
    const wrapper = await fixture<HTMLElement>(html`<div><late-portal api=${api} tenant=${tenant}><test-hello></test-hello></late-portal></div>`);
    const el = wrapper.querySelector('test-hello') as TestHello;
    expect(el.ctl.context).to.equal(null);
    customElements.define('late-portal', class extends PasserellePortal {});
    const portal = wrapper.querySelector('late-portal') as PasserellePortal;
    portal.identityToken = token;
    await until(() => el.shadowRoot!.querySelector('.hello'), 'hello through the late portal');
    expect(el.ctl.standalone).to.equal(false);
  });
});
