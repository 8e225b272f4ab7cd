import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { campaignOf, type Pledge, type PledgeParameters, type TaxCampaign } from '@passerelle/schema';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { campaignCalendar, signInStep } from './calendar.ts';
import { fr } from './translations.ts';
import { apiConfig, fill, hostToken, sessionToken, shadow, until } from '../testing/index.ts';

/**
 * The element's own calendar rendering on a day of the test's choosing: the
 * API's clock is the machine's, and the 2 December 2026 reading must not
 * depend on when the tests run. The campaigns are the API's, as configured.
 */
class CalendarOn extends LitElement {
  readonly l10n = new LocaleController(this, { fr, en: () => import('./translations.en.ts').then((m) => m.en) });
  @property({ attribute: false }) campaign!: TaxCampaign;
  @property() today = '';
  override render() {
    return litHtml`${campaignCalendar(this.l10n, this.campaign, this.today)}<p data-step>${signInStep(this.l10n, this.campaign, this.today, 'https://www.soltea.education.gouv.fr')}</p>`;
  }
}
customElements.define('test-calendar-on', CalendarOn);

async function parameters(): Promise<PledgeParameters> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges/parameters`, { headers: { authorization: `Bearer ${await sessionToken('rep-acme')}` } });
  return (await r.json()) as PledgeParameters;
}

async function calendarOn(year: number, today: string, lang: string, set?: TaxCampaign): Promise<CalendarOn> {
  const campaign = set ?? (await parameters()).campaigns.find((c) => c.year === year)!;
  const el = await fixture<CalendarOn>(html`<test-calendar-on lang=${lang} .campaign=${campaign} today=${today}></test-calendar-on>`);
  // English is a chunk of its own: wait for its words.
  await until(() => el.shadowRoot!.querySelector('h3')?.textContent === (lang === 'fr' ? `Calendrier SOLTéA ${year}` : `SOLTéA calendar ${year}`), `${lang} words`);
  return el;
}
const text = (el: Element, selector: string) => shadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

describe('the SOLTéA calendar in <passerelle-pledge>', () => {
  it('on 2 December 2026, 2026 is said not yet published, in English and French, and no one is told to act in a period', async () => {
    const en = await calendarOn(2026, '2026-12-02', 'en');
    expect(text(en, '[data-now]')).to.equal('The 2026 campaign’s dates are not published yet: allocation periods usually open from late May.');
    expect(en.shadowRoot!.querySelector('li'), 'no invented dates').to.equal(null);
    expect(text(en, '[data-step]')).to.equal('As soon as an allocation period opens (see the calendar), sign in to SOLTéA (https://www.soltea.education.gouv.fr) with the company’s account.');
    expect(en.shadowRoot!.textContent).not.to.match(/during an allocation period|\bis open\b/);
    await expect(en).to.be.accessible();
    const fr = await calendarOn(2026, '2026-12-02', 'fr');
    expect(text(fr, '[data-now]')).to.equal('Les dates de la campagne 2026 ne sont pas encore publiées : les périodes de répartition ouvrent d’habitude à partir de fin mai.');
    expect(text(fr, '[data-step]')).to.match(/^Dès qu’une période de répartition ouvre/);
    await expect(fr).to.be.accessible();
  });

  it('on 2 December 2026, the 2025 campaign is over, with the transfer dates (arrêté du 8 novembre 2024)', async () => {
    const en = await calendarOn(2025, '2026-12-02', 'en');
    expect(text(en, '[data-now]')).to.equal(
      'The 2025 campaign’s allocation periods are over: no more allocations can be made for it. Transfers to the schools from July 11, 2025 and November 7, 2025; unallocated funds from November 27, 2025.',
    );
    expect([...en.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'First allocation period: May 26, 2025 to June 27, 2025 (transfers from July 11, 2025)',
      'Second allocation period: July 14, 2025 to October 24, 2025 (transfers from November 7, 2025)',
      'Unallocated funds shared out from November 27, 2025',
    ]);
    expect(text(en, '.hint')).to.equal('Source: arrêté du 8 novembre 2024.');
    await expect(en).to.be.accessible();
    const fr = await calendarOn(2025, '2026-12-02', 'fr');
    expect(text(fr, '[data-now]')).to.contain('Versements aux écoles à partir du 11 juillet 2025 puis du 7 novembre 2025 ; fonds non affectés à partir du 27 novembre 2025.');
    await expect(fr).to.be.accessible();
  });

  it('on 2 December 2026, a 2026 calendar an administrator set is over, with its transfer dates, and never invites to act in a period', async () => {
    // As PUT /v1/pledges/campaigns/2026 stores it (the schema's campaignOf); set here, not on the shared test server, whose calendar is national.
    const set = campaignOf(2026, {
      published: true,
      periods: [
        { opens: '2026-05-25', closes: '2026-06-26', transfersFrom: '2026-07-10' },
        { opens: '2026-07-13', closes: '2026-10-23', transfersFrom: '2026-11-06' },
      ],
      unallocatedFrom: '2026-11-26',
    });
    const en = await calendarOn(2026, '2026-12-02', 'en', set);
    expect(text(en, '[data-now]')).to.equal(
      'The 2026 campaign’s allocation periods are over: no more allocations can be made for it. Transfers to the schools from July 10, 2026 and November 6, 2026; unallocated funds from November 26, 2026.',
    );
    expect(en.shadowRoot!.textContent).not.to.match(/during an allocation period|\bis open\b|days left/);
    await expect(en).to.be.accessible();
    const fr = await calendarOn(2026, '2026-12-02', 'fr', set);
    expect(text(fr, '[data-now]')).to.match(/^Les périodes de répartition de la campagne 2026 sont terminées/);
    expect(fr.shadowRoot!.textContent).not.to.match(/pendant une période|jours restants/);
    await expect(fr).to.be.accessible();
  });

  it('in a period: the days left and until when to sign in; between periods: the next one', async () => {
    const open = await calendarOn(2025, '2025-06-20', 'en');
    expect(text(open, '[data-now]')).to.equal('First allocation period open until June 27, 2025: 8 days left, today included.');
    expect(text(open, '[data-step]')).to.equal('Sign in to SOLTéA (https://www.soltea.education.gouv.fr) with the company’s account before June 27, 2025, when the open period ends.');
    const between = await calendarOn(2025, '2025-07-01', 'fr');
    expect(text(between, '[data-now]')).to.equal('Aucune période n’est ouverte aujourd’hui. Seconde période de répartition : ouverture le 14 juillet 2025, dans 13 jours.');
    expect(text(between, '[data-step]')).to.match(/^Dès qu’une période de répartition ouvre/);
  });
});

describe('<passerelle-pledge>: the campaign year', () => {
  async function taxForm(lang: string): Promise<PasserellePledge> {
    const { api, tenant } = await apiConfig();
    const token = await hostToken('rep-acme');
    const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-pledge>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'signed in, parameters loaded');
    shadow<HTMLInputElement>(el, 'input[name=mode][value=tax]').click();
    await el.updateComplete;
    const engineering = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[name=entityId] option')].find((o) => o.textContent!.includes('ingénieurs'))!;
    fill(el, 'entityId', engineering.value);
    fill(el, 'sharePercent', '10');
    // The calendar comes in its own file, fetched once the person may pledge tax.
    await until(() => el.shadowRoot!.querySelector('[part=calendar]'), 'the SOLTéA calendar');
    return el;
  }

  it('is chosen by date and can be changed; a campaign that is over is refused with the reason, in French', async () => {
    const params = await parameters();
    const el = await taxForm('fr');
    expect(shadow<HTMLSelectElement>(el, '[name=campaignYear]').value).to.equal(String(params.campaign!.year));
    fill(el, 'campaignYear', '2025');
    await el.updateComplete;
    expect(text(el, '[part=calendar] [data-now]')).to.match(/^Les périodes de répartition de la campagne 2025 sont terminées/);
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'the refusal');
    expect(text(el, '[data-error-summary]')).to.contain('Les périodes de répartition de la campagne 2025 sont terminées : SOLTéA n’accepte plus de répartition pour cette campagne. Choisissez la campagne suivante.');
    expect(text(el, '[data-error-summary]')).not.to.contain('campaignYear');
    await expect(el).to.be.accessible();
    expect(await pledgesFor(2025)).to.equal(0);
    // 2026, not yet published, is a promise made ahead: recorded; the steps wait for a period to open.
    fill(el, 'campaignYear', '2026');
    await el.updateComplete;
    expect(text(el, '[part=calendar] [data-now]')).to.match(/^Les dates de la campagne 2026 ne sont pas encore publiées/);
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-steps]'), 'the SOLTéA steps');
    expect(text(el, '[data-steps] li')).to.match(/^Dès qu’une période de répartition ouvre \(voir le calendrier\), connectez-vous à SOLTéA/);
    expect(text(el, '[part=confirmation] [part=calendar] h3')).to.equal('Calendrier SOLTéA 2026');
    await expect(el).to.be.accessible();
  });
});

/** How many pledges Acme's representative made for the campaign `year`, from the API. */
async function pledgesFor(year: number): Promise<number> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges?limit=100`, { headers: { authorization: `Bearer ${await sessionToken('rep-acme')}` } });
  return ((await r.json()) as { items: Pledge[] }).items.filter((p) => p.mine && p.campaignYear === year).length;
}
