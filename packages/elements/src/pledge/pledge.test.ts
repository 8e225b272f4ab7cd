import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import type { Pledge } from '@passerelle/schema';
import { apiConfig, deepActiveElement, fill, hostToken, keys, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

/** The browser's media type (web-test-runner's `emulate-media` command), to check the print stylesheet. */
async function emulateMedia(payload: { media: 'print' | 'screen' }): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  // @ts-expect-error — served by web-test-runner at runtime, no types.
  const { sendMessageWaitForResponse } = (await import('/__web-dev-server__web-socket.js')) as {
    sendMessageWaitForResponse(m: unknown): Promise<{ executed: boolean }>;
  };
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: 'emulate-media', payload });
  if (!response.executed) throw new Error('emulate-media is not available.');
}

async function pledgeElement(sub: DemoSubject, lang = 'en'): Promise<PasserellePledge> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-pledge>`);
  await until(() => el.shadowRoot!.querySelector('form'), 'signed in, parameters loaded');
  await el.updateComplete;
  return el;
}

async function fillDonation(el: PasserellePledge, euros: string): Promise<void> {
  fill(el, 'amountCents', euros);
  fill(el, 'donor.fullName', 'Inès Martin');
  fill(el, 'donor.address.line1', '5 rue de la Paix');
  fill(el, 'donor.address.postalCode', '75002');
  fill(el, 'donor.address.city', 'Paris');
  await el.updateComplete;
}

/** The caller's pledges, straight from the API. */
async function myPledges(sub: DemoSubject): Promise<Pledge[]> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges?limit=100`, { headers: { authorization: `Bearer ${await sessionToken(sub)}` } });
  return ((await r.json()) as { items: Pledge[] }).items;
}

describe('<passerelle-pledge>', () => {
  it('is accessible (donation form)', async () => {
    const el = await pledgeElement('student-ines');
    await expect(el).to.be.accessible();
  });

  it('defaults: French, no apprenticeship-tax switch for a student, suggested amounts in euros', async () => {
    const el = await pledgeElement('student-ines', 'fr');
    expect(el.shadowRoot!.querySelector('[part=modes]')).to.equal(null);
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
});
