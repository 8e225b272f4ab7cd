import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import '../portal/define.ts';
import type { PasserelleConsentCentre } from './consent-centre.ts';
import type { PasserellePortal } from '../portal/portal.ts';
import { apiConfig, deepActiveElement, hostToken, keys, newPurpose, readOutboxCode, sessionToken, shadow, uniqueEmail, until, type DemoSubject } from '../testing/index.ts';

/** Starts from a clean slate: everything withdrawn for this person (through the real API). */
async function withdrawEverything(sub: DemoSubject): Promise<void> {
  const { api } = await apiConfig();
  const token = await sessionToken(sub);
  const r = await fetch(`${api}/v1/consents/withdraw-all`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  if (!r.ok) throw new Error(`withdraw-all failed: ${r.status}`);
}

async function centre(sub: DemoSubject = 'student-ines', lang = 'en'): Promise<PasserelleConsentCentre> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserelleConsentCentre>(html`<passerelle-consent-centre lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-consent-centre>`);
  await until(() => el.shadowRoot!.querySelector('[data-purpose]'), 'purposes loaded');
  await el.updateComplete;
  return el;
}

const sw = (el: PasserelleConsentCentre, purpose: string, channel: string) => shadow<HTMLInputElement>(el, `[data-purpose="${purpose}"] input[data-channel="${channel}"]`);
const historyRows = (el: PasserelleConsentCentre) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent!.trim()));
const statusText = (el: PasserelleConsentCentre) => shadow(el, '[part=status]').textContent!.trim();

describe('<passerelle-consent-centre>', () => {
  it('is accessible (axe)', async () => {
    const el = await centre('staff-mgmt');
    await expect(el).to.be.accessible();
  });

  it('defaults: nothing under consent is ticked; legitimate interest is on until objected; every switch is labelled', async () => {
    const el = await centre('staff-mgmt');
    expect(shadow(el, 'h2').textContent).to.equal('My consents');
    const news = sw(el, 'alumni-news', 'email');
    expect(news.getAttribute('role')).to.equal('switch');
    expect(news.checked).to.equal(false);
    expect(shadow(el, `label[for="${news.id}"]`).textContent).to.contain('Email');
    expect(shadow(el, `label[for="${news.id}"]`).textContent).to.contain('Alumni newsletter');
    expect(sw(el, 'events', 'sms').checked).to.equal(false);
    expect(sw(el, 'fundraising', 'post').checked).to.equal(true);
    expect(shadow(el, '[data-purpose="fundraising"]').textContent).to.contain('Legitimate interest: Fondation may write to you without asking first');
    expect(shadow(el, '[data-purpose="events"]').textContent).to.contain('Based on your consent');
    expect(shadow<HTMLInputElement>(el, 'input[name=perMonth]').value).to.equal('4');
    expect(shadow(el, '[part=history]').textContent).to.contain('You have not made any choice yet.');
  });

  it('grants, withdraws and shows both in the history with the text version', async () => {
    await withdrawEverything('student-ines');
    const el = await centre('student-ines');
    const before = historyRows(el).length;
    const saved = oneEvent(el, 'passerelle-saved');
    sw(el, 'events', 'sms').click();
    const event = await saved;
    expect(event.detail.kind).to.equal('consent');
    await until(() => historyRows(el).length === before + 1, 'history row of the grant');
    expect(sw(el, 'events', 'sms').checked).to.equal(true);
    expect(statusText(el)).to.equal('Your choice is saved.');
    expect(historyRows(el)[0]).to.deep.equal(['Event invitations', 'SMS', 'Granted']);
    sw(el, 'events', 'sms').click();
    await until(() => historyRows(el).length === before + 2, 'history row of the withdrawal');
    expect(sw(el, 'events', 'sms').checked).to.equal(false);
    expect(historyRows(el)[0]).to.deep.equal(['Event invitations', 'SMS', 'Withdrawn']);
    const details = shadow(el, 'tbody tr details');
    expect(details.querySelector('summary')!.textContent).to.match(/^Version [0-9a-f]{8}$/);
    expect(details.textContent).to.contain('Invitations to the university’s talks');
  });

  it('withdraws everything in one action', async () => {
    await withdrawEverything('student-ines');
    const el = await centre('student-ines');
    // Wait for each save's own event, so that a late one cannot be taken for the next.
    const first = oneEvent(el, 'passerelle-saved');
    sw(el, 'alumni-news', 'email').click();
    await first;
    const second = oneEvent(el, 'passerelle-saved');
    sw(el, 'job-offers', 'email').click();
    await second;
    await until(() => sw(el, 'alumni-news', 'email').checked && sw(el, 'job-offers', 'email').checked, 'both granted');
    await until(() => shadow(el, '[part=withdraw-all]').getAttribute('aria-disabled') === 'false', 'idle');
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, '[part=withdraw-all]').click();
    expect((await saved).detail.kind).to.equal('withdraw-all');
    await until(() => statusText(el) === 'All your consents are withdrawn.', 'announced');
    const all = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role=switch]')];
    expect(all.length).to.be.greaterThan(4);
    expect(all.filter((i) => i.checked)).to.deep.equal([]);
    expect(statusText(el)).to.equal('All your consents are withdrawn.');
  });

  it('works with the keyboard only: Space toggles a switch, Enter withdraws everything', async () => {
    await withdrawEverything('student-ines');
    const el = await centre('student-ines');
    sw(el, 'job-offers', 'email').focus();
    await keys({ press: 'Space' });
    await until(() => sw(el, 'job-offers', 'email').checked && statusText(el) === 'Your choice is saved.', 'granted by keyboard');
    expect(deepActiveElement()).to.equal(sw(el, 'job-offers', 'email'));
    // Tab order reaches the withdraw button from the top of the component.
    shadow<HTMLButtonElement>(el, '[part=withdraw-all]').focus();
    await keys({ press: 'Enter' });
    await until(() => !sw(el, 'job-offers', 'email').checked, 'withdrawn by keyboard');
    expect(statusText(el)).to.equal('All your consents are withdrawn.');
  });

  it('saves the solicitation cap and words the schema’s code for a bad one', async () => {
    const el = await centre('student-ines');
    const input = shadow<HTMLInputElement>(el, 'input[name=perMonth]');
    input.value = '99';
    input.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, '[part=cap] form').requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part=cap] [data-error-summary]'), 'error summary');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, '[part=cap]').textContent).to.contain('Enter a whole number of messages per month, from 0 to 30.');
    input.value = '2';
    input.dispatchEvent(new Event('input'));
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLFormElement>(el, '[part=cap] form').requestSubmit();
    expect((await saved).detail).to.deep.include({ kind: 'solicitation-cap' });
    await until(() => statusText(el) === 'Limit saved: at most 2 message(s) a month.', 'cap saved');
  });

  it('asks to confirm again when the text of a purpose changed since the consent', async () => {
    const { api } = await apiConfig();
    const { key, version, edit } = await newPurpose();
    const ines = await sessionToken('student-ines');
    await fetch(`${api}/v1/consents/${key}`, { method: 'PUT', headers: { authorization: `Bearer ${ines}`, 'content-type': 'application/json' }, body: JSON.stringify({ channels: { email: true }, version }) });
    await edit();

    const el = await centre('student-ines');
    const prompt = shadow(el, `[data-purpose="${key}"] [part=renewal]`);
    expect(prompt.textContent).to.contain('The text has changed');
    expect(shadow(el, `[data-purpose="${key}"]`).textContent).to.contain('Second version.');
    prompt.querySelector('button')!.click();
    await until(() => !el.shadowRoot!.querySelector(`[data-purpose="${key}"] [part=renewal]`), 'renewal prompt gone');
    expect(sw(el, key, 'email').checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('downloads the person’s data as a zip', async () => {
    const el = await centre('student-ines');
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, '[data-export=zip]').click();
    const event = await saved;
    expect(event.detail.kind).to.equal('export');
    expect((event.detail.item as { bytes: number }).bytes).to.be.greaterThan(500);
    await until(() => statusText(el) === 'Your file is ready: the download has started.', 'announced');
  });

  it('explains what deletion keeps and why, refuses without confirmation, then records the request (alone, signed in by email)', async () => {
    const { api, tenant } = await apiConfig();
    const email = uniqueEmail('erase');
    const el = await fixture<PasserelleConsentCentre>(html`<passerelle-consent-centre lang="en" api=${api} tenant=${tenant}></passerelle-consent-centre>`);
    const input = shadow<HTMLInputElement>(el, 'input[type=email]');
    input.value = email;
    input.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => el.shadowRoot!.querySelector('input[autocomplete=one-time-code]'), 'code step');
    const code = shadow<HTMLInputElement>(el, 'input[autocomplete=one-time-code]');
    code.value = await readOutboxCode(email);
    code.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part=erasure]'), 'signed in');
    await el.updateComplete;

    const section = shadow(el, '[part=erasure]');
    expect(section.textContent).to.contain('art. L102 B of the French Livre des procédures fiscales');
    expect(section.textContent).to.contain('for 6 years');
    const form = section.querySelector('form')!;
    form.requestSubmit();
    await until(() => section.querySelector('[data-error-summary]') === el.shadowRoot!.activeElement, 'summary focused');
    expect(section.textContent).to.contain('Confirm that you want your account and data deleted.');

    const confirm = shadow<HTMLInputElement>(el, '[part=erasure] input[type=checkbox]');
    confirm.click();
    const saved = oneEvent(el, 'passerelle-saved');
    form.requestSubmit();
    expect((await saved).detail.kind).to.equal('erasure');
    await until(() => el.shadowRoot!.querySelector('[data-erasure=pending]'), 'pending notice');
    expect(shadow(el, '[data-erasure=pending]').textContent).to.contain('is being processed');
    // Nothing is granted any more.
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role=switch]')].filter((i) => i.checked)).to.deep.equal([]);
  });

  it('speaks French and follows a change of lang', async () => {
    const el = await centre('staff-mgmt', 'fr');
    expect(shadow(el, 'h2').textContent).to.equal('Mes consentements');
    expect(shadow(el, '[data-purpose="alumni-news"] h4').textContent).to.equal('Lettre des diplômés');
    expect(shadow(el, `label[for="${sw(el, 'alumni-news', 'email').id}"]`).textContent).to.contain('E-mail');
    expect(shadow(el, '[part=withdraw-all]').textContent).to.equal('Tout retirer');
    el.setAttribute('lang', 'en');
    await until(() => shadow(el, 'h2').textContent === 'My consents', 'English');
    expect(shadow(el, '[data-purpose="alumni-news"] h4').textContent).to.equal('Alumni newsletter');
  });

  it('the status line follows a change of language', async () => {
    await withdrawEverything('student-ines');
    const el = await centre('student-ines', 'fr');
    sw(el, 'events', 'sms').click();
    await until(() => statusText(el) === 'Votre choix est enregistré.', 'the French status');
    el.setAttribute('lang', 'en');
    await until(() => shadow(el, 'h2').textContent === 'My consents', 'English');
    expect(statusText(el)).to.equal('Your choice is saved.');
    const input = shadow<HTMLInputElement>(el, 'input[name=perMonth]');
    input.value = '3';
    input.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, '[part=cap] form').requestSubmit();
    await until(() => statusText(el) === 'Limit saved: at most 3 message(s) a month.', 'the cap saved');
    el.setAttribute('lang', 'fr');
    await until(() => shadow(el, 'h2').textContent === 'Mes consentements', 'French again');
    expect(statusText(el)).to.equal('Plafond enregistré : 3 message(s) par mois au maximum.');
  });

  it('a refusal follows a change of language: the new words, none of the old', async () => {
    const { key, edit } = await newPurpose();
    const el = await centre('student-ines', 'fr');
    const problem = () => el.shadowRoot!.querySelector('.problem[role=alert]')?.textContent?.trim();
    // The text changes while the page is open: the choice made on the old text is refused (409).
    await edit();
    sw(el, key, 'email').click();
    await until(() => problem() === 'Le texte de cette finalité a changé depuis votre lecture. Lisez le nouveau texte, puis choisissez à nouveau.', 'the French refusal');
    await until(() => shadow(el, `[data-purpose="${key}"]`).textContent!.includes('Deuxième version.'), 'the new text');
    el.setAttribute('lang', 'en');
    await until(() => problem() === 'The text of this purpose has changed since you read it. Read the new text, then choose again.', 'the English refusal');
    expect(el.shadowRoot!.textContent).not.to.contain('Le texte de cette finalité');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'fr');
    await until(() => problem()?.startsWith('Le texte de cette finalité a changé'), 'French again');
    expect(el.shadowRoot!.textContent).not.to.contain('The text of this purpose');
  });

  it('works inside <passerelle-portal>', async () => {
    const { api, tenant } = await apiConfig();
    const token = await hostToken('staff-mgmt');
    const portal = await fixture<PasserellePortal>(
      html`<passerelle-portal lang="en" api=${api} tenant=${tenant} .identityToken=${token}><passerelle-consent-centre></passerelle-consent-centre></passerelle-portal>`,
    );
    const el = portal.querySelector('passerelle-consent-centre')!;
    await until(() => el.shadowRoot!.querySelector('[data-purpose]'), 'purposes inside the portal');
    expect(shadow(el, 'h2').textContent).to.equal('My consents');
  });
});
