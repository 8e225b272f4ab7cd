import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import type { Pledge } from '@passerelle/schema';
import { apiConfig, deepActiveElement, emulateMedia, fill, hostToken, keys, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

async function pledgeElement(sub: DemoSubject, lang = 'en'): Promise<PasserellePledge> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-pledge>`);
  await until(() => el.shadowRoot!.querySelector('form'), 'signed in, parameters loaded');
  await el.updateComplete;
  return el;
}

/** Fills a gift field by field, as a person types: the element renders after each one. */
async function fillDonation(el: PasserellePledge, euros: string): Promise<void> {
  for (const [name, value] of [
    ['amountCents', euros],
    ['donor.fullName', 'Inès Martin'],
    ['donor.address.line1', '5 rue de la Paix'],
    ['donor.address.postalCode', '75002'],
    ['donor.address.city', 'Paris'],
  ]) {
    fill(el, name!, value!);
    await el.updateComplete;
  }
}

/** The caller's pledges, straight from the API. */
async function myPledges(sub: DemoSubject): Promise<Pledge[]> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges?limit=100`, { headers: { authorization: `Bearer ${await sessionToken(sub)}` } });
  return ((await r.json()) as { items: Pledge[] }).items;
}

/** Whether the element shows something (a boolean, so that a failure does not serialise an element). */
const present = (el: Element, selector: string): boolean => el.shadowRoot!.querySelector(selector) !== null;

/** Chooses an option of a select by its visible text (the ids are the server's). */
function choose(el: PasserellePledge, name: string, text: string): void {
  const option = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>(`[name="${name}"] option`)].find((o) => o.textContent!.includes(text));
  if (!option) throw new Error(`No option "${text}" in ${name}.`);
  fill(el, name, option.value);
}

/** Records the answers to `POST /v1/pledges` while `run` goes on (the element's own fetch, unchanged). */
async function pledgePosts(run: () => Promise<void>): Promise<{ status: number }[]> {
  const realFetch = window.fetch;
  const posts: { status: number }[] = [];
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET').toUpperCase() === 'POST' && new URL(url).pathname === '/v1/pledges') posts.push({ status: response.status });
    return response;
  };
  try {
    await run();
  } finally {
    window.fetch = realFetch;
  }
  return posts;
}

/** Sends the form and waits for what the person sees next: the confirmation, or the error summary. */
async function send(el: PasserellePledge): Promise<void> {
  shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(() => el.shadowRoot!.querySelector('[part=confirmation], [data-error-summary]'), 'confirmation or error summary');
  const summary = el.shadowRoot!.querySelector('[data-error-summary]');
  if (summary) throw new Error(`Refused on screen: ${summary.textContent!.replace(/\s+/g, ' ').trim()}`);
}

async function fillAddress(el: PasserellePledge): Promise<void> {
  fill(el, 'donor.address.line1', '5 rue de la Paix');
  fill(el, 'donor.address.postalCode', '75002');
  fill(el, 'donor.address.city', 'Paris');
  await el.updateComplete;
}

describe('<passerelle-pledge>', () => {
  it('is accessible (donation form)', async () => {
    const el = await pledgeElement('student-ines');
    await expect(el).to.be.accessible();
  });

  it('defaults: French, no apprenticeship-tax switch for a student, suggested amounts in euros', async () => {
    const el = await pledgeElement('student-ines', 'fr');
    expect(present(el, '[part=modes]'), '[part=modes]').to.equal(false);
    expect(shadow(el, 'h2').textContent).to.equal('Faire une promesse');
    const amounts = [...el.shadowRoot!.querySelectorAll('.amounts button')].map((b) => b.textContent!.replace(/\s/g, ' '));
    expect(amounts).to.include('300,00 €');
  });

  it('shows the live estimate: a 300 € gift costs 102 €', async () => {
    const el = await pledgeElement('student-ines');
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.amounts button')].find((b) => b.textContent!.includes('300'))!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow<HTMLInputElement>(el, '[name=amountCents]').value).to.equal('300');
    expect(shadow(el, '[part=estimate]').textContent).to.contain('This gift of €300.00 costs you €102.00 after a tax reduction of €198.00.');
    fill(el, 'frequency', 'monthly');
    await el.updateComplete;
    expect(shadow(el, '[part=estimate]').textContent).to.contain('€3,600.00');
  });

  it('a representative pledges tax to École d’ingénieurs, sees the UAI, the school’s SIRET and the SOLTéA steps', async () => {
    const el = await pledgeElement('rep-acme');
    const tax = shadow<HTMLInputElement>(el, 'input[name=mode][value=tax]');
    tax.click();
    await el.updateComplete;
    const schools = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[name=entityId] option')];
    const engineering = schools.find((o) => o.textContent!.includes('ingénieurs'))!;
    fill(el, 'entityId', engineering.value);
    await el.updateComplete;
    expect(shadow(el, 'form [data-copy=uai]').textContent).to.equal('0754321P');
    expect(shadow(el, 'form [data-copy=siret]').textContent).to.equal('19753471200017');
    expect(shadow(el, 'form').textContent).to.contain('School SIRET (to enter in SOLTéA)');
    // The calendar comes in its own file, fetched once the person may pledge tax.
    await until(() => el.shadowRoot!.querySelector('[part=calendar]'), 'the SOLTéA calendar');
    expect(shadow(el, '[part=calendar]').textContent).to.contain('SOLTéA calendar');
    await expect(el).to.be.accessible();
    fill(el, 'sharePercent', '40');
    fill(el, 'estimatedAmountCents', '1500');
    await el.updateComplete;
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    const event = await saved;
    const item = event.detail.item as Pledge;
    expect(item.kind).to.equal('apprenticeship_tax');
    await until(() => el.shadowRoot!.querySelector('[data-steps]'), 'SOLTéA steps');
    const steps = shadow(el, '[data-steps]').textContent!;
    expect(steps).to.contain('0754321P');
    expect(steps).to.contain('school SIRET: 19753471200017');
    expect(steps).to.contain('81234567600017');
    expect(shadow(el, '[part=confirmation] dl [data-copy=uai]').textContent).to.equal('0754321P');
    expect(shadow(el, '[part=confirmation] dl [data-copy=siret]').textContent).to.equal('19753471200017');
    expect(steps).to.contain('40');
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirmation-title');
    await expect(el).to.be.accessible();
    expect((await myPledges('rep-acme')).some((p) => p.id === item.id && p.beneficiary.name === "École d'ingénieurs")).to.equal(true);
  });

  it('in French, the tax form shows the school’s UAI and SIRET, each with a button that copies it', async () => {
    const el = await pledgeElement('rep-acme', 'fr');
    shadow<HTMLInputElement>(el, 'input[name=mode][value=tax]').click();
    await el.updateComplete;
    const management = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[name=entityId] option')].find((o) => o.textContent!.includes('management'))!;
    fill(el, 'entityId', management.value);
    await el.updateComplete;
    const form = shadow(el, 'form').textContent!;
    expect(form).to.contain('UAI de l’école (à saisir dans SOLTéA)');
    expect(form).to.contain('SIRET de l’école (à saisir dans SOLTéA)');
    expect(shadow(el, '[data-copy=uai]').textContent).to.equal('0691234S');
    expect(shadow(el, '[data-copy=siret]').textContent).to.equal('19753471200025');
    const copiedTexts: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (text: string) => void copiedTexts.push(text) });
    try {
      const button = shadow<HTMLButtonElement>(el, '[data-copy-button=siret]');
      expect(button.textContent).to.equal('Copier : SIRET de l’école (à saisir dans SOLTéA)');
      button.click();
      await until(() => button.textContent!.startsWith('Copié'), 'copied');
    } finally {
      delete (clipboard as unknown as Record<string, unknown>).writeText;
    }
    expect(copiedTexts).to.deep.equal(['19753471200025']);
    await expect(el).to.be.accessible();
  });

  it('staff record tax on a company’s behalf, choosing among verified companies', async () => {
    const el = await pledgeElement('staff-eng');
    shadow<HTMLInputElement>(el, 'input[name=mode][value=tax]').click();
    await el.updateComplete;
    const companies = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[name=companyId] option')].map((o) => o.textContent);
    expect(companies).to.include('Acme Robotique');
    await expect(el).to.be.accessible();
  });

  it('a double click creates one pledge', async () => {
    const el = await pledgeElement('student-ines');
    await fillDonation(el, '123.45');
    const before = (await myPledges('student-ines')).filter((p) => p.amountCents === 12345).length;
    const submit = shadow<HTMLButtonElement>(el, 'button[type=submit]');
    submit.click();
    submit.click();
    await until(() => el.shadowRoot!.querySelector('[part=confirmation]'), 'confirmation');
    expect((await myPledges('student-ines')).filter((p) => p.amountCents === 12345).length).to.equal(before + 1);
    // The confirmation prints as a summary: the buttons are left out.
    const actions = shadow(el, '.actions');
    expect(getComputedStyle(actions).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(actions).display).to.equal('none');
      expect(shadow(el, '[part=confirmation]').textContent).to.contain('€123.45');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a retry after a lost answer reuses the key: still one pledge', async () => {
    const el = await pledgeElement('student-ines');
    await fillDonation(el, '67.89');
    const before = (await myPledges('student-ines')).filter((p) => p.amountCents === 6789).length;
    const realFetch = window.fetch;
    const keysSent: string[] = [];
    let lose = true;
    // The request reaches the server, but the answer is lost on the way back.
    window.fetch = async (input, init) => {
      const key = new Headers(init?.headers).get('idempotency-key');
      if (key) keysSent.push(key);
      const response = await realFetch(input, init);
      if (key && lose) {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    try {
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'network error shown');
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => el.shadowRoot!.querySelector('[part=confirmation]'), 'confirmation');
    } finally {
      window.fetch = realFetch;
    }
    expect(keysSent).to.have.length(2);
    expect(keysSent[0]).to.equal(keysSent[1]);
    expect((await myPledges('student-ines')).filter((p) => p.amountCents === 6789).length).to.equal(before + 1);
  });

  it('shows the schema’s message, in euros, for a bad amount, and focuses the summary', async () => {
    const el = await pledgeElement('student-ines');
    await fillDonation(el, '0');
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'summary');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[data-error-summary]'));
    expect(shadow(el, '[data-error-summary]').textContent).to.contain('Enter an amount in euros');
    expect(shadow(el, '[name=amountCents]').getAttribute('aria-invalid')).to.equal('true');
  });

  it('works with the keyboard only: a suggested amount, then the amount field', async () => {
    const el = await pledgeElement('student-ines');
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('.amounts button')!;
    first.focus();
    await keys({ press: 'Enter' });
    await el.updateComplete;
    expect(first.getAttribute('aria-pressed')).to.equal('true');
    await keys({ press: 'Tab' });
    await keys({ press: 'Tab' });
    await keys({ press: 'Tab' });
    await keys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(shadow(el, '[name=amountCents]'));
    for (let i = 0; i < 6; i++) await keys({ press: 'Backspace' });
    await keys({ type: '42' });
    await el.updateComplete;
    expect(shadow(el, '[part=estimate]').textContent).to.contain('€42.00');
  });

  it('a representative switches modes with the arrow keys', async () => {
    const el = await pledgeElement('rep-acme');
    shadow<HTMLInputElement>(el, 'input[name=mode][value=donation]').focus();
    await keys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[name=sharePercent]')).to.exist;
  });

  it('follows the locale: French labels and amounts, switching live', async () => {
    const el = await pledgeElement('student-ines', 'en');
    expect(shadow(el, 'button[type=submit]').textContent).to.contain('Pledge this gift');
    el.setAttribute('lang', 'fr');
    await el.updateComplete;
    await until(() => shadow(el, 'button[type=submit]').textContent!.includes('Promettre ce don'), 'French');
    fill(el, 'amountCents', '300');
    await el.updateComplete;
    expect(shadow(el, '[part=estimate]').textContent!.replace(/\s/g, ' ')).to.contain('Ce don de 300,00 € vous coûte 102,00 €');
  });
  it('a company representative gives in the company’s name (French form): 201, the pledge names the company, the confirmation shows', async () => {
    const el = await pledgeElement('rep-acme', 'fr');
    fill(el, 'amountCents', '2500');
    choose(el, 'donor.kind', 'Mon entreprise');
    await el.updateComplete;
    choose(el, 'donor.companyId', 'Acme Robotique');
    await fillAddress(el);
    let saved: Pledge | undefined;
    el.addEventListener('passerelle-saved', (e) => (saved = (e as CustomEvent<{ item: Pledge }>).detail.item), { once: true });
    const posts = await pledgePosts(() => send(el));
    expect(posts).to.deep.equal([{ status: 201 }]);
    const stored = (await myPledges('rep-acme')).find((p) => p.id === saved?.id);
    expect(stored?.donor?.kind).to.equal('company');
    expect(stored?.donor?.name).to.equal('Acme Robotique');
    expect(stored?.company?.name).to.equal('Acme Robotique');
    expect(stored?.amountCents).to.equal(250_000);
    const confirmation = shadow(el, '[part=confirmation]').textContent!;
    expect(confirmation).to.contain('Merci, votre promesse est enregistrée');
    expect(confirmation).to.contain('Acme Robotique');
    await expect(el).to.be.accessible();
  });

  // Each change of mind about where the gift goes: the pledge is sent, with the last choice only.
  const destinations = {
    fund: { label: 'Un fonds de la fondation', then: (el: PasserellePledge) => choose(el, 'designation.fund', 'Fonds de bourses') },
    school: { label: 'Une école ou un service', then: (el: PasserellePledge) => choose(el, 'designation.entityId', 'École de management') },
    unrestricted: { label: 'La fondation', then: () => undefined },
  } as const;
  const changes: [keyof typeof destinations, keyof typeof destinations][] = [
    ['fund', 'school'],
    ['school', 'fund'],
    ['fund', 'unrestricted'],
    ['school', 'unrestricted'],
  ];
  for (const [first, last] of changes) {
    it(`changing the destination from ${first} to ${last} still sends the pledge, to ${last} only`, async () => {
      const el = await pledgeElement('student-ines', 'fr');
      for (const step of [first, last]) {
        choose(el, 'designation.kind', destinations[step].label);
        await el.updateComplete;
        destinations[step].then(el);
        await el.updateComplete;
      }
      // The rest of the form is typed after the change of mind.
      await fillDonation(el, '40');
      let saved: Pledge | undefined;
      el.addEventListener('passerelle-saved', (e) => (saved = (e as CustomEvent<{ item: Pledge }>).detail.item), { once: true });
      const posts = await pledgePosts(() => send(el));
      expect(posts).to.deep.equal([{ status: 201 }]);
      const stored = (await myPledges('student-ines')).find((p) => p.id === saved?.id)!;
      const expected = { fund: { kind: 'fund', fund: 'scholarships' }, school: { kind: 'entity' }, unrestricted: { kind: 'foundation' } }[last];
      expect(stored.designation).to.deep.equal(expected);
      expect(stored.beneficiary.name).to.equal(last === 'school' ? 'École de management' : 'Fondation');
    });
  }

  it('estimates a large company gift with the turnover: 3,000,000 € on 1 bn€ turnover takes 1,600,000 € off, on screen and in the pledge', async () => {
    const el = await pledgeElement('rep-acme');
    // No amount yet: no estimate.
    expect(present(el, '[part=estimate]'), '[part=estimate]').to.equal(false);
    choose(el, 'donor.kind', 'My company');
    await el.updateComplete;
    expect(present(el, '[name=taxableIncomeCents]'), '[name=taxableIncomeCents]').to.equal(false);
    choose(el, 'donor.companyId', 'Acme Robotique');
    fill(el, 'turnoverCents', '1000000000');
    await el.updateComplete;
    expect(present(el, '[part=estimate]'), '[part=estimate]').to.equal(false);
    fill(el, 'amountCents', '3000000');
    await el.updateComplete;
    const estimate = shadow(el, '[part=estimate]').textContent!.replace(/\s+/g, ' ');
    expect(estimate).to.contain('This gift of €3,000,000.00 costs you €1,400,000.00 after a tax reduction of €1,600,000.00.');
    expect(estimate).to.contain('40%');
    await expect(el).to.be.accessible();
    await fillAddress(el);
    let saved: Pledge | undefined;
    el.addEventListener('passerelle-saved', (e) => (saved = (e as CustomEvent<{ item: Pledge }>).detail.item), { once: true });
    await send(el);
    const stored = (await myPledges('rep-acme')).find((p) => p.id === saved?.id)!;
    expect(stored.taxEstimate?.reductionCents).to.equal(160_000_000);
    expect(stored.taxEstimate?.ceilingCents).to.equal(500_000_000);
    expect(shadow(el, '[part=confirmation]').textContent).to.contain('€1,600,000.00');
  });

  it('applies the 20 % of taxable income to a person’s gift and says what carries over, in French', async () => {
    const el = await pledgeElement('student-ines', 'fr');
    expect(present(el, '[name=turnoverCents]'), '[name=turnoverCents]').to.equal(false);
    fill(el, 'taxableIncomeCents', '30000');
    await fillDonation(el, '10000');
    const estimate = shadow(el, '[part=estimate]').textContent!.replace(/\s/g, ' ');
    expect(estimate).to.contain('Ce don de 10 000,00 € vous coûte 6 040,00 € après une réduction d’impôt de 3 960,00 €.');
    expect(estimate).to.contain('4 000,00 €');
    let saved: Pledge | undefined;
    el.addEventListener('passerelle-saved', (e) => (saved = (e as CustomEvent<{ item: Pledge }>).detail.item), { once: true });
    await send(el);
    const stored = (await myPledges('student-ines')).find((p) => p.id === saved?.id)!;
    expect(stored.taxEstimate).to.include({ reductionCents: 396_000, carriedOverCents: 400_000, ceilingCents: 600_000 });
  });

  it('after “Faire une autre promesse”, focus is on the new form’s heading, not lost on the page', async () => {
    const el = await pledgeElement('student-ines', 'fr');
    await fillDonation(el, '12');
    await send(el);
    const another = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=confirmation] button')].find((b) => b.textContent!.includes('Faire une autre promesse'))!;
    another.focus();
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('form'), 'a new form');
    await el.updateComplete;
    const focused = deepActiveElement();
    // (Compared as text: a failed comparison of two elements would serialise the whole page.)
    expect(focused?.localName).to.equal('h2');
    expect(focused?.textContent).to.equal('Faire une promesse');
    expect(focused === shadow(el, 'h2')).to.equal(true);
    await expect(el).to.be.accessible();
  });
  it('is usable at 360 px in French with the company’s turnover and a large estimate: nothing overflows sideways', async () => {
    const el = await pledgeElement('rep-acme', 'fr');
    el.style.width = '360px';
    el.style.display = 'block';
    choose(el, 'donor.kind', 'Mon entreprise');
    await el.updateComplete;
    fill(el, 'turnoverCents', '1000000000');
    fill(el, 'amountCents', '3000000');
    await el.updateComplete;
    expect(shadow(el, '[part=estimate]').textContent!.replace(/\s/g, ' ')).to.contain('1 600 000,00 €');
    const form = shadow(el, 'form');
    expect(form.scrollWidth).to.be.at.most(el.clientWidth + 1);
    expect(shadow(el, '[part=estimate]').scrollWidth).to.be.at.most(el.clientWidth + 1);
  });
  it('in French, what to fix in an empty donation or tax form is said in French, never as a schema message or a field path', async () => {
    const english = /Must be|is required|Invalid|Expected|Enter a|Choose|UUID|designation\.|donor\.|entityId|companyId|sharePercent/;
    const messages = (el: PasserellePledge) => [...el.shadowRoot!.querySelectorAll('[data-error-summary], .error')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
    const gift = await pledgeElement('student-ines', 'fr');
    fill(gift, 'donor.fullName', '');
    choose(gift, 'designation.kind', 'Une école ou un service');
    await gift.updateComplete;
    shadow<HTMLButtonElement>(gift, 'button[type=submit]').click();
    await until(() => gift.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'summary');
    const giftText = messages(gift);
    expect(giftText).to.not.match(english);
    for (const said of ['Saisissez un montant en euros', 'Choisissez un élément dans la liste.', 'Nom complet (pour le reçu fiscal) : Ce champ est obligatoire.', 'Ville : Ce champ est obligatoire.']) expect(giftText).to.contain(said);
    choose(gift, 'designation.kind', 'Choisir');
    await gift.updateComplete;
    expect(shadow(gift, '#field-designation-kind-error').textContent).to.contain('Choisissez l’affectation du don');
    await expect(gift).to.be.accessible();

    const tax = await pledgeElement('rep-acme', 'fr');
    shadow<HTMLInputElement>(tax, 'input[name=mode][value=tax]').click();
    await tax.updateComplete;
    fill(tax, 'employerSiret', '12345678901234');
    shadow<HTMLButtonElement>(tax, 'button[type=submit]').click();
    await until(() => tax.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'summary');
    const taxText = messages(tax);
    expect(taxText).to.not.match(english);
    for (const said of ['Choisissez un élément dans la liste.', 'La part est un pourcentage de 0,01 à 100.', 'Un SIRET compte 14 chiffres']) expect(taxText).to.contain(said);
  });
});
