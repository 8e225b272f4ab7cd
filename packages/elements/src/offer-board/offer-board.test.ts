import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserelleOfferBoard } from './offer-board.ts';
import type { Offer } from '@passerelle/schema';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, fill, hostToken, keys, sessionToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

/** A word of this run only: searching it lists this file's offers and nobody else's. */
const word = `Qorv${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const { api } = await apiConfig();
  const h: Record<string, string> = { authorization: `Bearer ${await sessionToken('staff-eng')}`, 'idempotency-key': crypto.randomUUID() };
  if (body !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(`${api}/v1${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, data: (await r.json()) as T };
}

/** An offer published at once by staff of the École d'ingénieurs (they publish what is aimed at their school). */
async function published(title: string, company: string, over: Record<string, unknown>): Promise<Offer> {
  const { data: p } = await call<{ targets: { id: string; name: string }[] }>('GET', '/offers/parameters');
  const { data: companies } = await call<{ items: { id: string }[] }>('GET', `/companies?q=${encodeURIComponent(company)}`);
  const { status, data } = await call<Offer>('POST', '/offers', {
    companyId: companies.items[0]!.id,
    title,
    kind: 'apprenticeship',
    targetEntityIds: [p.targets.find((t) => t.name === "École d'ingénieurs")!.id],
    startDate: inDays(60),
    duration: { amount: 24, unit: 'months' },
    weeklyHours: 35,
    expiresOn: inDays(30),
    submit: true,
    ...over,
  });
  if (status !== 201 || data.status !== 'published') throw new Error(`offer not published: ${status} ${JSON.stringify(data)}`);
  return data;
}

// Created in order: the newest (listed first) is the data offer.
const offers = (async () => {
  const robot = await published(`Alternance robotique ${word}`, 'acme', {
    description: `Rejoignez **l’équipe** R&D.\n\n- ROS 2\n- C++\n\n[Notre site](https://acme-robotique.fr/equipe) <img src=x onerror="window.pwned=1"> [piège](javascript:window.pwned=1)`,
    location: 'Villeurbanne',
    remote: 'hybrid',
    apply: 'https://acme-robotique.fr/candidater',
  });
  const audit = await published(`Contrôle qualité ${word}`, 'initech', { description: 'Tests et audits.', location: 'Saint-Étienne', remote: 'onsite', apply: 'rh@initech.example', kind: 'fixed_term' });
  const data = await published(`Données ${word}`, 'globex', { description: 'Analyse pour nos clients.', location: 'Paris', remote: 'remote', apply: 'jobs@globex.example' });
  return { robot, audit, data };
})();

async function board(options: { sub?: DemoSubject | null; lang?: string; pageSize?: number; open?: boolean } = {}): Promise<PasserelleOfferBoard> {
  const { api, tenant } = await apiConfig();
  const { sub = 'student-ines', lang = 'en', pageSize = 20, open = false } = options;
  const token = sub ? await hostToken(sub) : undefined;
  const el = await fixture<PasserelleOfferBoard>(
    html`<passerelle-offer-board lang=${lang} page-size=${pageSize} api=${api} tenant=${tenant} session-storage="none" ?open-to-visitors=${open} .identityToken=${token}></passerelle-offer-board>`,
  );
  if (sub) await until(() => el.shadowRoot!.querySelector('h2') && status(el) !== '' && !searching.test(status(el)), 'the first page');
  return el;
}

/** Answers of `GET /v1/offers` received so far (the real fetch, only counted). */
let answered = 0;
const browserFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await browserFetch(input, init);
  if (new URL(response.url).pathname.endsWith('/v1/offers')) answered++;
  return response;
};
const searching = /Searching|Recherche en cours/;

const status = (el: PasserelleOfferBoard) => el.shadowRoot!.querySelector('[role=status]')?.textContent?.trim() ?? '';
const listed = (el: PasserelleOfferBoard) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=offer]')].map((li) => li.dataset.offer);

/** Fills the search form as a person types and submits it; waits for the answer. */
async function search(el: PasserelleOfferBoard, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const control = shadow<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]`);
    if (control instanceof HTMLSelectElement) {
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else fill(el, name, value);
    await el.updateComplete;
  }
  const before = answered;
  shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(() => answered > before && !searching.test(status(el)), 'the answer');
}

async function openOffer(el: PasserelleOfferBoard, offer: Offer): Promise<HTMLElement> {
  shadow<HTMLButtonElement>(el, `#offer-${offer.id}`).click();
  await until(() => el.shadowRoot!.querySelector('#offer-title'), 'the offer’s page');
  return shadow<HTMLElement>(el, '[part=page]');
}

describe('<passerelle-offer-board>', () => {
  afterEach(() => setViewport(DEFAULT_VIEWPORT));

  it('is accessible in English and French: loaded, with results, empty, an offer’s page', async () => {
    const { robot } = await offers;
    for (const lang of ['en', 'fr']) {
      const el = await board({ lang });
      await expect(el).to.be.accessible();
      await search(el, { q: word });
      await expect(el).to.be.accessible();
      await openOffer(el, robot);
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[data-back]').click();
      await until(() => el.shadowRoot!.querySelector('[name=q]'), 'the list again');
      await search(el, { q: `${word} zzqx` });
      expect(listed(el)).to.deep.equal([]);
      expect(status(el)).to.equal(lang === 'en' ? 'No offer matches this search.' : 'Aucune offre ne correspond à cette recherche.');
      await expect(el).to.be.accessible();
    }
  });

  it('keywords search the title, the description and the company, without case or accents; filters narrow it again', async () => {
    const { robot, audit, data } = await offers;
    const el = await board();
    await search(el, { q: word });
    expect(listed(el)).to.deep.equal([data.id, audit.id, robot.id]);
    expect(status(el)).to.equal('3 offers found.');
    await search(el, { q: `${word} EQUIPE` });
    expect(listed(el)).to.deep.equal([robot.id]);
    await search(el, { q: `${word} initech` });
    expect(listed(el)).to.deep.equal([audit.id]);
    await search(el, { q: word, place: 'saint etienne' });
    expect(listed(el)).to.deep.equal([audit.id]);
    await search(el, { place: '', remote: 'remote' });
    expect(listed(el)).to.deep.equal([data.id]);
    await search(el, { remote: '', kind: 'fixed_term' });
    expect(listed(el)).to.deep.equal([audit.id]);
    shadow<HTMLButtonElement>(el, '[data-clear]').click();
    await until(() => !searching.test(status(el)) && listed(el).length > 3, 'every offer again');
  });

  it('the offer’s page renders its Markdown safely and says how to apply', async () => {
    const { robot, audit } = await offers;
    const el = await board();
    await search(el, { q: word });
    let page = await openOffer(el, robot);
    const description = shadow(el, '[part=description]');
    expect(description.querySelector('strong')?.textContent).to.equal('l’équipe');
    expect([...description.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['ROS 2', 'C++']);
    expect(description.querySelector('img')).to.equal(null);
    expect(description.textContent).to.contain('<img src=x');
    const links = [...description.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://acme-robotique.fr/equipe']);
    expect(links[0]!.rel).to.contain('noopener');
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    const online = shadow<HTMLAnchorElement>(el, '[data-apply]');
    expect(online.href).to.equal('https://acme-robotique.fr/candidater');
    expect(online.target).to.equal('_blank');
    expect(online.rel).to.contain('noopener');
    expect(page.textContent).to.contain('Villeurbanne · Hybrid');
    shadow<HTMLButtonElement>(el, '[data-back]').click();
    await until(() => listed(el).length === 3, 'the list again');
    page = await openOffer(el, audit);
    expect(shadow<HTMLAnchorElement>(el, '[data-apply]').getAttribute('href')).to.equal('mailto:rh@initech.example');
    expect(page.textContent).to.contain('Fixed-term contract');
  });

  it('pages with “Show more”, which moves focus to the first offer it added', async () => {
    const { robot, audit, data } = await offers;
    const el = await board({ pageSize: 2 });
    await search(el, { q: word });
    expect(listed(el)).to.deep.equal([data.id, audit.id]);
    expect(status(el)).to.equal('2 offers shown; there are more.');
    const before = answered;
    shadow<HTMLButtonElement>(el, '[data-more]').click();
    await until(() => answered > before && listed(el).length === 3, 'the next page');
    await until(() => deepActiveElement()?.id === `offer-${robot.id}`, 'focus on the first offer added');
    expect(el.shadowRoot!.querySelector('[data-more]')).to.equal(null);
  });

  it('is usable with the keyboard alone: search, open an offer, come back', async () => {
    const { audit } = await offers;
    const el = await board();
    shadow<HTMLInputElement>(el, '[name=q]').focus();
    await keys({ type: `${word} qualite` });
    const before = answered;
    await keys({ press: 'Enter' });
    await until(() => answered > before && listed(el).length === 1, 'the search by Enter');
    // Tab from the field reaches the offer's title after the form's other controls.
    for (let i = 0; i < 12 && deepActiveElement()?.id !== `offer-${audit.id}`; i++) await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal(`offer-${audit.id}`);
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.id === 'offer-title', 'focus on the offer’s heading');
    await keys({ down: 'Shift' });
    await keys({ press: 'Tab' });
    await keys({ up: 'Shift' });
    expect(deepActiveElement()?.hasAttribute('data-back')).to.equal(true);
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.id === `offer-${audit.id}`, 'focus back on the offer');
  });

  it('follows a change of language, and fits a 360 px screen', async () => {
    await offers;
    const el = await board();
    await search(el, { q: word });
    expect(shadow(el, 'h2').textContent).to.equal('Internship and job offers');
    el.lang = 'fr';
    await until(() => shadow(el, 'h2').textContent === 'Offres de stage et d’emploi', 'French');
    expect(status(el)).to.equal('3 offres trouvées.');
    await setViewport({ width: 360, height: 640 });
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
  });

  it('signed out, shows the sign-in instead of offers, asking the API nothing', async () => {
    const before = answered;
    const el = await board({ sub: null });
    await until(() => el.shadowRoot!.querySelector('input[type=email]'), 'the sign-in form');
    expect(listed(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('Sign in to read the offers.');
    expect(answered).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('open to visitors, asks the API, which the demo institution answers with the sign-in (its board is for members)', async () => {
    const before = answered;
    const el = await board({ sub: null, open: true });
    await until(() => answered > before && el.shadowRoot!.querySelector('input[type=email]'), 'the refusal, then the sign-in form');
    expect(listed(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('Sign in to read the offers.');
  });
});
