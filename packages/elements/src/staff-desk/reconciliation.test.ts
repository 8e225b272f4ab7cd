import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleStaffDesk } from './staff-desk.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, hostToken, keys, sessionToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

async function desk(sub: DemoSubject, lang = 'en'): Promise<PasserelleStaffDesk> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleStaffDesk>(html`<passerelle-staff-desk lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-staff-desk>`);
  await until(() => el.shadowRoot!.querySelector('[role=tab]'), 'signed in', 30_000);
  return el;
}

const text = (el: Element, selector: string) => shadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** Acme's representative pledges apprenticeship tax to the École d'ingénieurs (UAI 0754321P), 2026 campaign: the pledge's id. */
async function acmeTaxPledge(estimatedAmountCents: number): Promise<string> {
  const { api } = await apiConfig();
  const auth = { authorization: `Bearer ${await sessionToken('rep-acme')}` };
  const read = async <T>(path: string) => (await (await fetch(`${api}/v1${path}`, { headers: auth })).json()) as T;
  const acme = (await read<{ items: { id: string; name: string }[] }>('/companies?q=Acme')).items.find((c) => c.name === 'Acme Robotique')!;
  const school = (await read<{ beneficiaries: { id: string; uai: string | null }[] }>('/pledges/parameters')).beneficiaries.find((b) => b.uai === '0754321P')!;
  const body = { kind: 'apprenticeship_tax', companyId: acme.id, entityId: school.id, sharePercent: 10, estimatedAmountCents, campaignYear: 2026, contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' }, viaAccountant: false };
  const r = await fetch(`${api}/v1/pledges`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`pledge: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** Opens the gifts tab with the keyboard: Tab reaches the selected tab, the right arrow opens the next. */
async function openGifts(el: PasserelleStaffDesk): Promise<void> {
  shadow<HTMLButtonElement>(el, '#tab-people').focus();
  await keys({ press: 'ArrowRight' });
  await until(() => deepActiveElement() === shadow(el, '#tab-gifts'), 'focus on the gifts tab');
  await until(() => el.shadowRoot!.querySelector('#panel-gifts [data-totals], #panel-gifts [data-totals-empty]'), 'the totals', 30_000);
}

/** Puts a file in the report's file input, as choosing it would. */
function choose(el: PasserelleStaffDesk, csv: string): void {
  const input = shadow<HTMLInputElement>(el, '#report-file');
  const files = new DataTransfer();
  files.items.add(new File([csv], 'releve-soltea.csv', { type: 'text/csv' }));
  input.files = files.files;
}

describe('<passerelle-staff-desk>: gifts and apprenticeship tax', () => {
  afterEach(() => setViewport(DEFAULT_VIEWPORT));

  it('imports a transfer report, says what became of each line, and lets staff choose between two pledges', async () => {
    const euros = 1000 + Math.floor(Math.random() * 90_000);
    const first = await acmeTaxPledge(euros * 100);
    const second = await acmeTaxPledge(euros * 100);
    const el = await desk('staff-eng');
    await openGifts(el);
    expect(shadow(el, '#tab-gifts').getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el, '#panel-people').hidden).to.equal(true);

    choose(el, `SIRET;UAI;Montant;Date\n81234567600017;0754321P;${euros},00;15/06/2026\nnot-a-siret;0754321P;10;2026-06-15\n`);
    shadow<HTMLButtonElement>(el, '[part=import] button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-report]'), 'the report', 30_000);
    expect(text(el, '#report-outcome')).to.equal('Report imported: 2 lines, no pledge settled.');
    expect(text(el, '[data-line="2"]')).to.contain('Several pledges match');
    expect(text(el, '[data-line="3"]')).to.equal('3 Unreadable line: The SIRET is not valid.');
    await until(() => deepActiveElement() === shadow(el, '#report-outcome'), 'focus on the outcome');

    // The kept transfer, with both pledges to choose from.
    const item = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=transfer]')].find((li) => li.querySelector(`input[value="${first}"]`));
    await until(item, 'the kept transfer', 30_000);
    expect(item()!.querySelector(`input[value="${second}"]`)).to.exist;
    expect(item()!.dataset.status).to.equal('ambiguous');
    await expect(el).to.be.accessible();

    // Settling without a choice says so; then a choice by keyboard settles it.
    item()!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => item()!.querySelector('[part=field-error]'), 'asked to choose');
    expect(item()!.querySelector('[part=field-error]')!.textContent).to.equal('Choose the pledge this transfer settles.');
    item()!.querySelector<HTMLInputElement>(`input[value="${second}"]`)!.focus();
    await keys({ press: 'Space' });
    const saved = oneEvent(el, 'passerelle-saved');
    item()!.querySelector<HTMLButtonElement>('button[type=submit]')!.focus();
    await keys({ press: 'Enter' });
    expect((await saved).detail).to.deep.include({ kind: 'pledge-transfer' });
    await until(() => !item(), 'the transfer out of the list');
    expect(text(el, '[aria-labelledby=transfers-title] [role=status]')).to.match(/^Transfer of .+ matched: the pledge of Acme Robotique is received\.$/);
    await until(() => deepActiveElement() === shadow(el, '#transfers-title'), 'focus on the heading');

    const { api } = await apiConfig();
    const staff = { authorization: `Bearer ${await sessionToken('staff-eng')}` };
    const read = async (id: string) => (await (await fetch(`${api}/v1/pledges/${id}`, { headers: staff })).json()) as { status: string; receivedAmountCents?: number; receivedOn?: string };
    expect(await read(second)).to.include({ status: 'received', receivedAmountCents: euros * 100, receivedOn: '2026-06-15' });
    expect((await read(first)).status).to.equal('promised');
  });

  it('asks for the file, in French, and lays out at 360 px without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await desk('admin-demo', 'fr');
    await openGifts(el);
    expect(text(el, '#tab-gifts')).to.equal('Dons et taxe d’apprentissage');
    expect(el.shadowRoot!.querySelector('[data-totals] caption')!.textContent).to.equal('Dons et promesses par campagne, nature et statut');
    shadow<HTMLButtonElement>(el, '[part=import] button[type=submit]').click();
    await until(() => deepActiveElement() === shadow(el, '#report-file'), 'focus on the file');
    expect(shadow(el, '#report-file').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#report-file-error')).to.equal('Choisissez le fichier du relevé.');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
