import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import '../offer-moderation/define.ts';
import '../portal/define.ts';
import type { PasserelleOfferForm } from './offer-form.ts';
import type { PasserellePortal } from '../portal/portal.ts';
import type { PasserelleOfferModeration } from '../offer-moderation/offer-moderation.ts';
import type { Offer } from '@passerelle/schema';
import { apiConfig, deepActiveElement, fill, hostToken, keys, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

async function offerForm(sub: DemoSubject, lang = 'en', offerId = ''): Promise<PasserelleOfferForm> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserelleOfferForm>(
    html`<passerelle-offer-form lang=${lang} api=${api} tenant=${tenant} offer-id=${offerId} .identityToken=${token}></passerelle-offer-form>`,
  );
  await until(() => el.shadowRoot!.querySelector('form'), 'signed in, parameters loaded');
  await el.updateComplete;
  return el;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => isoDate(new Date(Date.now() + n * 86_400_000));
/** Next year: its rate may not be configured yet, and falls back to the latest known year. */
const startNextYear = `${new Date().getUTCFullYear() + 1}-02-02`;

async function chooseCompany(el: PasserelleOfferForm, typed: string, name: string): Promise<void> {
  const input = shadow<HTMLInputElement>(el, 'input[role=combobox]');
  input.focus();
  await keys({ type: typed });
  await until(() => [...el.shadowRoot!.querySelectorAll('[role=option]')].some((o) => o.textContent!.includes(name)), `option ${name}`);
  const options = [...el.shadowRoot!.querySelectorAll('[role=option]')];
  const index = options.findIndex((o) => o.textContent!.includes(name));
  for (let i = 0; i <= index; i++) await keys({ press: 'ArrowDown' });
  await keys({ press: 'Enter' });
  await el.updateComplete;
}

async function fillInternship(el: PasserelleOfferForm, title: string): Promise<void> {
  await chooseCompany(el, 'acme', 'Acme Robotique');
  fill(el, 'title', title);
  fill(el, 'description', 'Stage **R&D** :\n\n- ROS 2\n- C++');
  fill(el, 'location', 'Lyon');
  fill(el, 'remote', 'hybrid');
  fill(el, 'startDate', startNextYear);
  fill(el, 'durationAmount', '3');
  fill(el, 'weeklyHours', '35');
  fill(el, 'stipendEuros', '682.5');
  fill(el, 'apply', 'https://www.acme-robotique.fr/stages');
  fill(el, 'expiresOn', inDays(60));
  await el.updateComplete;
}

async function api<T>(sub: DemoSubject, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const { api } = await apiConfig();
  const headers: Record<string, string> = { authorization: `Bearer ${await sessionToken(sub)}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${api}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, data: (await r.json()) as T };
}

describe('<passerelle-offer-form>', () => {
  it('is accessible', async () => {
    const el = await offerForm('student-ines');
    await expect(el).to.be.accessible();
  });

  it('defaults: internship, 35 h, the student’s own school checked, French by default', async () => {
    const el = await offerForm('student-ines', 'fr');
    expect(shadow(el, 'h2').textContent).to.equal('Publier une offre');
    expect(shadow<HTMLSelectElement>(el, '[name=kind]').value).to.equal('internship');
    expect(shadow<HTMLInputElement>(el, '[name=weeklyHours]').value).to.equal('35');
    const checked = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=targetEntityIds]')].filter((c) => c.checked);
    expect(checked.map((c) => c.nextElementSibling!.textContent)).to.deep.equal(["École d'ingénieurs"]);
  });

  it('the company typeahead is a keyboard combobox (ARIA pattern)', async () => {
    const el = await offerForm('student-ines');
    const input = shadow<HTMLInputElement>(el, 'input[role=combobox]');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const listbox = shadow(el, `#${input.getAttribute('aria-controls')}`);
    expect(listbox.getAttribute('role')).to.equal('listbox');
    input.focus();
    await keys({ type: 'ecole' });
    await keys({ press: 'Backspace' });
    await keys({ type: 'e' });
    await until(() => input.getAttribute('aria-expanded') === 'true' || el.shadowRoot!.querySelector('.missing'), 'an answer');
    await keys({ press: 'Escape' });
    await keys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value).to.equal('');
    await keys({ type: 'glob' });
    await until(() => input.getAttribute('aria-expanded') === 'true', 'listbox open');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    await keys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = input.getAttribute('aria-activedescendant')!;
    expect(shadow(el, `#${active}`).getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el, `#${active}`).textContent).to.contain('Globex Conseil');
    await expect(el).to.be.accessible();
    await keys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Globex Conseil');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement()).to.equal(input);
    // Enter chose the company; it did not submit the form.
    expect(el.shadowRoot!.querySelector('[data-error-summary]')).to.equal(null);
    // SIRET prefix works too.
    await keys({ press: 'Escape' });
    await keys({ type: '812 345' });
    await until(() => [...el.shadowRoot!.querySelectorAll('[role=option]')].some((o) => o.textContent!.includes('Acme Robotique')), 'Acme by SIRET');
  });

  it('a student who cannot find their company is told to ask the careers office; nothing offers to create it', async () => {
    const el = await offerForm('student-ines');
    shadow<HTMLInputElement>(el, 'input[role=combobox]').focus();
    await keys({ type: 'zzqx inconnue' });
    await until(() => el.shadowRoot!.querySelector('[part=company-missing]'), 'missing message');
    expect(shadow(el, '[part=company-missing]').textContent).to.contain('Ask your careers office to add it');
    expect(el.shadowRoot!.textContent!.toLowerCase()).not.to.contain('create a company');
    await expect(el).to.be.accessible();
  });

  it('shows the legal minimum stipend live, from the server’s parameters', async () => {
    const el = await offerForm('student-ines');
    fill(el, 'startDate', startNextYear);
    fill(el, 'durationAmount', '2');
    await el.updateComplete;
    expect(shadow(el, '[part=stipend-hint]').textContent).to.contain('not mandatory');
    fill(el, 'durationAmount', '3');
    await el.updateComplete;
    const { data: p } = await api<{ minimumHourlyStipendCents: Record<string, number> }>('student-ines', 'GET', '/offers/parameters');
    const years = Object.keys(p.minimumHourlyStipendCents).map(Number).filter((y) => y <= new Date().getUTCFullYear() + 1);
    const rate = p.minimumHourlyStipendCents[String(Math.max(...years))]!;
    const minimum = Math.ceil((rate * 35 * 52) / 12);
    const expected = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minimum / 100);
    expect(shadow(el, '[part=stipend-hint]').textContent).to.contain(`A stipend of at least ${expected} per month is owed`);
  });

  it('refuses a 3-month internship without stipend before sending, naming the minimum, and focuses the summary', async () => {
    const el = await offerForm('student-ines');
    await fillInternship(el, 'Sans gratification');
    fill(el, 'stipendEuros', '');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, 'button[type=submit]:not([data-intent])').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
    expect(deepActiveElement()).to.equal(shadow(el, '[data-error-summary]'));
    const stipend = shadow<HTMLInputElement>(el, '[name=stipendEuros]');
    expect(stipend.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, `#${stipend.id}-error`).textContent).to.match(/A stipend of at least 682\.50 € per month is owed/);
  });

  it('renders the description safely: Markdown subset only, no injected markup', async () => {
    const el = await offerForm('student-ines');
    fill(el, 'description', '**gras** <img src=x onerror="window.__pwned=1"> [lien](javascript:alert(1))');
    // The preview's code (Markdown renderer) is fetched with the first description.
    await until(() => el.shadowRoot!.querySelector('[data-preview]'), 'the preview');
    const preview = shadow(el, '[data-preview]');
    expect(preview.querySelector('strong')?.textContent).to.equal('gras');
    expect(preview.querySelector('img')).to.equal(null);
    expect(preview.querySelector('a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a student posts an offer → submitted; staff publish it in the moderation queue → it is listed', async () => {
    const title = `Stage robotique ${crypto.randomUUID().slice(0, 6)}`;
    const el = await offerForm('student-ines');
    await fillInternship(el, title);
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[type=submit]:not([data-intent])').click();
    const item = (await saved).detail.item as Offer;
    expect(item.status).to.equal('submitted');
    await el.updateComplete;
    expect(shadow(el, '#offer-status').textContent).to.equal('Status: Waiting for review');
    expect(el.offerId).to.equal(item.id);
    await expect(el).to.be.accessible();

    const { api: base, tenant } = await apiConfig();
    const moderation = await fixture<PasserelleOfferModeration>(
      html`<passerelle-offer-moderation lang="en" api=${base} tenant=${tenant} .identityToken=${await hostToken('staff-eng')}></passerelle-offer-moderation>`,
    );
    await until(() => moderation.shadowRoot!.querySelector(`[data-offer="${item.id}"]`), 'the offer in the queue');
    shadow<HTMLButtonElement>(moderation, `[data-offer="${item.id}"] button[data-open]`).click();
    await until(() => moderation.shadowRoot!.querySelector('[data-publish]'), 'the offer opened');
    shadow<HTMLButtonElement>(moderation, '[data-publish]').click();
    await until(() => !moderation.shadowRoot!.querySelector(`[data-offer="${item.id}"]`), 'the offer leaves the queue');

    const { data } = await api<{ items: Offer[] }>('alumna-claire', 'GET', '/offers?limit=100');
    expect(data.items.map((o) => o.title)).to.include(title);
  });

  it('shows the moderator’s reason; the author edits and submits again', async () => {
    const title = `Stage à revoir ${crypto.randomUUID().slice(0, 6)}`;
    const el = await offerForm('student-ines');
    await fillInternship(el, title);
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[type=submit]:not([data-intent])').click();
    const item = (await saved).detail.item as Offer;
    expect((await api('staff-eng', 'POST', `/offers/${item.id}/request-changes`, { reason: 'Précisez le lieu exact.' })).status).to.equal(200);

    const again = await offerForm('student-ines', 'en', item.id);
    await until(() => again.shadowRoot!.querySelector('[data-reason]'), 'the reason');
    expect(shadow(again, '[data-reason]').textContent).to.equal('Précisez le lieu exact.');
    expect(shadow(again, '#offer-status').textContent).to.contain('Changes requested');
    fill(again, 'location', 'Lyon 7e, 12 rue de Gerland');
    await again.updateComplete;
    const resaved = oneEvent(again, 'passerelle-saved');
    shadow<HTMLButtonElement>(again, 'button[type=submit]:not([data-intent])').click();
    expect(((await resaved).detail.item as Offer).status).to.equal('submitted');
  });

  it('saves a draft without the submission fields', async () => {
    const el = await offerForm('student-ines');
    await chooseCompany(el, 'init', 'Initech Logiciels');
    fill(el, 'title', 'Brouillon');
    await el.updateComplete;
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[data-intent=draft]').click();
    expect(((await saved).detail.item as Offer).status).to.equal('draft');
  });

  it('marks exactly what submitting for review requires, accessibly, and says once what the mark means', async () => {
    for (const lang of ['en', 'fr']) {
      const el = await offerForm('student-ines', lang);
      const root = el.shadowRoot!;
      const required = (c: HTMLElement) => (c as HTMLInputElement).required || c.getAttribute('aria-required') === 'true';
      const marked = (c: HTMLElement) => root.querySelector(`label[for="${c.id}"] .req`) !== null;
      const controls = [...root.querySelectorAll<HTMLElement>('form input:not([type=checkbox]), form select, form textarea')];
      const name = (c: HTMLElement) => (c.getAttribute('role') === 'combobox' ? 'company' : c.getAttribute('name')!);
      const submission = ['company', 'title', 'kind', 'description', 'location', 'remote', 'startDate', 'durationAmount', 'durationUnit', 'weeklyHours', 'apply', 'expiresOn'];
      expect(controls.filter(required).map(name), `${lang}: required`).to.have.members(submission);
      expect(controls.filter(marked).map(name), `${lang}: marked`).to.have.members(submission);
      expect(name(controls.find((c) => c.getAttribute('name') === 'stipendEuros')!)).to.equal('stipendEuros');
      expect(shadow(el, '[part=targets] legend .req').getAttribute('aria-hidden')).to.equal('true');
      // The mark is explained once, in words, before the fields.
      const notes = [...root.querySelectorAll('[data-required-note]')];
      expect(notes).to.have.length(1);
      expect(notes[0]!.textContent).to.contain('*');
      expect(notes[0]!.textContent).to.contain(lang === 'en' ? 'required to submit the offer for review' : 'nécessaires pour envoyer l’offre en relecture');
      await expect(el).to.be.accessible();
    }
  });

  it('says what submitting lacks before sending, field by field, in the form’s language', async () => {
    const el = await offerForm('student-ines', 'fr');
    await fillInternship(el, 'Sans lieu ni date');
    fill(el, 'location', '');
    fill(el, 'expiresOn', '');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, 'button[type=submit]:not([data-intent])').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
    const summary = shadow(el, '[data-error-summary]').textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Lieu : Un lieu est nécessaire pour envoyer l’offre.');
    expect(summary).to.contain('Date d’expiration : Une date d’expiration est nécessaire pour envoyer l’offre.');
    expect(shadow<HTMLInputElement>(el, '[name=location]').getAttribute('aria-invalid')).to.equal('true');
    // A draft may still lack them.
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[data-intent=draft]').click();
    expect(((await saved).detail.item as Offer).status).to.equal('draft');
  });

  it('a company representative starts with their company chosen', async () => {
    const el = await offerForm('rep-acme', 'fr');
    const input = shadow<HTMLInputElement>(el, 'input[role=combobox]');
    await until(() => input.value === 'Acme Robotique', 'Acme Robotique preselected');
    fill(el, 'title', `Brouillon Acme ${crypto.randomUUID().slice(0, 6)}`);
    shadow<HTMLInputElement>(el, '[name=targetEntityIds]').click();
    await el.updateComplete;
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[data-intent=draft]').click();
    expect(((await saved).detail.item as Offer).company.name).to.equal('Acme Robotique');
  });

  it('inside a portal, the next person signed in starts afresh: nothing of the previous one’s offer stays', async () => {
    const { api, tenant } = await apiConfig();
    const portal = await fixture<PasserellePortal>(
      html`<passerelle-portal lang="en" api=${api} tenant=${tenant} .identityToken=${await hostToken('rep-acme')}><passerelle-offer-form></passerelle-offer-form></passerelle-portal>`,
    );
    const el = portal.querySelector<PasserelleOfferForm>('passerelle-offer-form')!;
    await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('input[role=combobox]')?.value === 'Acme Robotique', 'Marc’s company', 10_000);
    fill(el, 'title', 'Typed by Marc');
    await el.updateComplete;
    await portal.signOut();
    await until(() => !el.shadowRoot!.querySelector('form'), 'the form gone after sign-out');
    portal.identityToken = await hostToken('student-ines');
    await until(() => el.shadowRoot!.querySelector('form'), 'the form for the next person', 10_000);
    await until(() => el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=targetEntityIds]:checked').length > 0, 'her school checked');
    expect(shadow<HTMLInputElement>(el, 'input[role=combobox]').value).to.equal('');
    expect(shadow<HTMLInputElement>(el, '[name=title]').value).to.equal('');
    const checked = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name=targetEntityIds]:checked')];
    expect(checked.map((c) => c.nextElementSibling!.textContent)).to.deep.equal(["École d'ingénieurs"]);
  });

  it('a company typed but not picked from the list: a translated message, never a raw path or validator text', async () => {
    const el = await offerForm('student-ines', 'fr');
    const input = shadow<HTMLInputElement>(el, 'input[role=combobox]');
    input.focus();
    await keys({ type: 'Acme Robotique' });
    await until(() => input.getAttribute('aria-expanded') === 'true', 'the suggestions');
    fill(el, 'title', 'Stage sans entreprise choisie');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, 'button[data-intent=draft]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
    const texts = () => [shadow(el, '[data-error-summary]').textContent!, shadow(el, `#${input.id}-error`).textContent!].map((s) => s.replace(/\s+/g, ' '));
    const [summary, inline] = texts();
    expect(summary).to.contain('Entreprise : Choisissez une entreprise dans la liste');
    expect(inline).to.contain('Choisissez une entreprise dans la liste');
    for (const text of texts()) {
      expect(text).not.to.contain('companyId');
      expect(text).not.to.contain('Invalid');
    }
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    // The summary's link leads to the company field.
    shadow<HTMLAnchorElement>(el, `[data-error-summary] a[href="#${input.id}"]`).click();
    expect(deepActiveElement()).to.equal(input);
    el.lang = 'en';
    await until(() => shadow(el, 'h2').textContent === 'Post an offer', 'English');
    const [summaryEn, inlineEn] = texts();
    expect(summaryEn).to.contain('Company: Pick a company from the list');
    expect(inlineEn).to.contain('Pick a company from the list');
  });

  it('no school chosen: the summary names the field as the person reads it, and leads to it', async () => {
    const el = await offerForm('rep-acme', 'fr');
    await until(() => shadow<HTMLInputElement>(el, 'input[role=combobox]').value === 'Acme Robotique', 'Acme Robotique preselected');
    fill(el, 'title', 'Stage sans école visée');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, 'button[data-intent=draft]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'error summary');
    const summary = shadow(el, '[data-error-summary]').textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Écoles ou formations visées : Choisissez au moins une école ou formation.');
    expect(summary).not.to.contain('targetEntityIds');
    const first = shadow<HTMLInputElement>(el, '[name=targetEntityIds]');
    shadow<HTMLAnchorElement>(el, `[data-error-summary] a[href="#${first.id}"]`).click();
    expect(deepActiveElement()).to.equal(first);
  });

  it('French text stays French: no English words in brackets when the company is missing', async () => {
    const el = await offerForm('student-ines', 'fr');
    shadow<HTMLInputElement>(el, 'input[role=combobox]').focus();
    await keys({ type: 'zzqx inconnue' });
    await until(() => el.shadowRoot!.querySelector('[part=company-missing]'), 'missing message');
    const missing = shadow(el, '[part=company-missing]').textContent!;
    expect(missing).to.contain('service des relations entreprises');
    expect(missing).not.to.contain('careers office');
  });

  it('speaks French: labels, live hint in euros, statuses', async () => {
    const el = await offerForm('student-ines', 'fr');
    expect(shadow(el, `label[for=${shadow(el, 'input[role=combobox]').id}]`).textContent).to.contain('Entreprise');
    fill(el, 'startDate', startNextYear);
    fill(el, 'durationAmount', '3');
    await el.updateComplete;
    expect(shadow(el, '[part=stipend-hint]').textContent!.replace(/\s/g, ' ')).to.match(/Une gratification d’au moins 682,50 € par mois est due/);
    el.lang = 'en';
    await until(() => shadow(el, 'h2').textContent === 'Post an offer', 'English');
  });
});
