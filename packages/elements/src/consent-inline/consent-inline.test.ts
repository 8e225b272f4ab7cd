import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import '../profile-editor/define.ts';
import '../pledge/define.ts';
import type { ConsentEventView } from '@passerelle/schema';
import type { PasserelleConsentInline } from './consent-inline.ts';
import type { PasserelleProfileEditor } from '../profile-editor/profile-editor.ts';
import type { PasserellePledge } from '../pledge/pledge.ts';
import { apiConfig, hostToken, newPurpose, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

/** The person's consent events on a purpose, oldest first, through the real API. */
async function eventsOn(sub: DemoSubject, purposeKey: string): Promise<ConsentEventView[]> {
  const { api } = await apiConfig();
  const auth = { authorization: `Bearer ${await sessionToken(sub)}` };
  const events: ConsentEventView[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = (await (await fetch(`${api}/v1/consents/history?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as { items: ConsentEventView[]; nextCursor: string | null };
    events.push(...page.items.filter((e) => e.purposeKey === purposeKey));
    cursor = page.nextCursor;
  }
  return events;
}

const box = (el: Element, key: string, channel = 'email') => shadow<HTMLInputElement>(el, `[data-purpose="${key}"] input[data-channel="${channel}"]`);
const tick = (input: HTMLInputElement) => {
  input.click();
  expect(input.checked).to.equal(true);
};

describe('<passerelle-consent-inline> in a host site’s own form', () => {
  it('shows the purpose’s text unticked, is accessible, and records the choice with its proof when the form is sent', async () => {
    const { api, tenant } = await apiConfig();
    const purpose = await newPurpose();
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => e.preventDefault()}>
      <label>Name <input name="name" value="Inès" /></label>
      <passerelle-consent-inline lang="en" purpose=${purpose.key} api=${api} tenant=${tenant} .identityToken=${await hostToken('student-ines')}></passerelle-consent-inline>
      <button>Register</button>
    </form>`);
    const el = form.querySelector<PasserelleConsentInline>('passerelle-consent-inline')!;
    await until(() => el.shadowRoot!.querySelector(`[data-purpose="${purpose.key}"]`), 'the purpose to load');
    expect(shadow(el, 'legend').textContent!.trim()).to.equal('Survey');
    expect(shadow(el, `#consent-${purpose.key}-text`).textContent).to.contain('First version.');
    expect(box(el, purpose.key).checked).to.equal(false);
    expect(shadow(el, `label[for="consent-${purpose.key}-email"]`).textContent!.trim()).to.equal('By email');
    await expect(el).to.be.accessible();

    tick(box(el, purpose.key));
    const saved = oneEvent(el, 'passerelle-saved');
    form.querySelector('button')!.click();
    expect((await saved).detail.kind).to.equal('consent');
    const events = await eventsOn('student-ines', purpose.key);
    expect(events.map((e) => [e.channel, e.granted, e.version.hash])).to.deep.equal([['email', true, purpose.version]]);
    expect(events[0]!.origin).to.include({ component: 'passerelle-consent-inline', checked: location.origin });
    expect(events[0]!.origin.claimedPage).to.equal(location.href);
    await until(() => shadow(el, '[part=status]').textContent!.includes('recorded'), 'the status line');
    expect(box(el, purpose.key).checked).to.equal(true);

    // Sent again unchanged: nothing more is recorded.
    form.querySelector('button')!.click();
    await el.updateComplete;
    expect(await eventsOn('student-ines', purpose.key)).to.have.length(1);
  });

  it('speaks French', async () => {
    const { api, tenant } = await apiConfig();
    const purpose = await newPurpose();
    const el = await fixture<PasserelleConsentInline>(html`<passerelle-consent-inline lang="fr" purposes=${`${purpose.key} no-such-purpose`} api=${api} tenant=${tenant} .identityToken=${await hostToken('student-ines')}></passerelle-consent-inline>`);
    await until(() => el.shadowRoot!.querySelector(`[data-purpose="${purpose.key}"]`), 'the purpose to load');
    expect(shadow(el, 'legend').textContent!.trim()).to.equal('Enquête');
    expect(shadow(el, `label[for="consent-${purpose.key}-email"]`).textContent!.trim()).to.equal('Par e-mail');
    expect(el.shadowRoot!.querySelectorAll('fieldset')).to.have.length(1);
  });
});

describe('consents asked by the Passerelle forms (purposes)', () => {
  async function editor(purposes: string): Promise<PasserelleProfileEditor> {
    const { api, tenant } = await apiConfig();
    const el = await fixture<PasserelleProfileEditor>(
      html`<passerelle-profile-editor lang="en" purposes=${purposes} api=${api} tenant=${tenant} .identityToken=${await hostToken('alumna-claire')}></passerelle-profile-editor>`,
    );
    await until(() => el.shadowRoot!.querySelector(`[data-purpose]`), 'the consents to load');
    return el;
  }

  it('the profile editor records a ticked purpose with its save, and says so', async () => {
    const purpose = await newPurpose();
    const el = await editor(purpose.key);
    expect(shadow(el, '.consents h3').textContent).to.equal('Stay in touch');
    await expect(el).to.be.accessible();
    tick(box(el, purpose.key));
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await saved;
    await until(() => shadow(el, '[part=status]').textContent === 'Your contact choices are recorded.', 'the status line');
    const events = await eventsOn('alumna-claire', purpose.key);
    expect(events.map((e) => [e.channel, e.granted])).to.deep.equal([['email', true]]);
    expect(events[0]!.origin.component).to.equal('passerelle-profile-editor');
    await until(() => box(el, purpose.key).checked, 'the box to show the recorded choice');
  });

  it('a text changed while the form was open: refused with the reason, the new text shown, nothing recorded', async () => {
    const purpose = await newPurpose();
    const el = await editor(purpose.key);
    await purpose.edit();
    tick(box(el, purpose.key));
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[part=error-summary]'), 'the error summary');
    expect(shadow(el, '[part=error-summary]').textContent).to.contain('The text of this purpose has changed');
    await until(() => shadow(el, `#consent-${purpose.key}-text`).textContent!.includes('Second version.'), 'the new text');
    expect(box(el, purpose.key).checked).to.equal(false);
    expect(await eventsOn('alumna-claire', purpose.key)).to.have.length(0);
  });

  it('the pledge form shows the purposes in both of its forms', async () => {
    const { api, tenant } = await apiConfig();
    const purpose = await newPurpose();
    const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang="en" purposes=${purpose.key} api=${api} tenant=${tenant} .identityToken=${await hostToken('rep-acme')}></passerelle-pledge>`);
    await until(() => el.shadowRoot!.querySelector(`[data-purpose="${purpose.key}"]`), 'the consents in the donation form');
    expect(box(el, purpose.key).checked).to.equal(false);
  });
});
