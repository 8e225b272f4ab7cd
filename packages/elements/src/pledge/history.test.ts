import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import type { Pledge, PledgeParameters } from '@passerelle/schema';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, emulateMedia, fill, hostToken, keys, newPersonToken, sessionToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

// "My gifts and pledges" in <passerelle-pledge>, against the real API. Donors are people of this file only
// (created through the host's identity token), so that what other test files pledge meanwhile changes nothing here.

/** A new alum of this file: `token()` gives a fresh host token for them (single use), `bearer` a session to prepare data. */
async function newDonor(name: string): Promise<{ token: () => Promise<string>; bearer: string }> {
  const { api } = await apiConfig();
  const sub = `gifts-${crypto.randomUUID()}`;
  const token = () => newPersonToken({ sub, affiliation: 'alum', name });
  const r = await fetch(`${api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: await token() }) });
  if (!r.ok) throw new Error(`exchange failed: ${r.status} ${await r.text()}`);
  return { token, bearer: ((await r.json()) as { token: string }).token };
}

/** `POST /v1/pledges` as the person of `bearer`: the created pledge. */
async function pledgeByApi(bearer: string, body: Record<string, unknown>): Promise<Pledge> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`pledge refused: ${r.status} ${await r.text()}`);
  return (await r.json()) as Pledge;
}

const gift = (euros: number): Record<string, unknown> => ({
  kind: 'donation',
  amountCents: euros * 100,
  frequency: 'once',
  designation: { kind: 'foundation' },
  donor: { kind: 'individual', fullName: 'Donatrice Test', address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris' } },
  publicThanks: false,
});

async function getJson<T>(path: string, bearer: string): Promise<T> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}

/** Every pledge `GET /v1/pledges` lists for the person of `bearer`, following the cursor. */
async function everyListed(bearer: string): Promise<Pledge[]> {
  const all: Pledge[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Pledge[]; nextCursor: string | null } = await getJson(`/pledges?limit=100${cursor ? `&cursor=${cursor}` : ''}`, bearer);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const statusText = (el: PasserellePledge): string => shadow(el, '[part=history] [role=status]').textContent!.trim();
const references = (el: PasserellePledge): string[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=history-item]')].map((li) => li.dataset.reference!);
const item = (el: PasserellePledge, id: string): HTMLElement => shadow(el, `[part=history-item][data-reference="${id}"]`);
const text = (node: Element): string => node.textContent!.replace(/\s+/g, ' ').trim();
/** What a pledge of the list says: its heading, `label: value` for each line of its list, then its notes — one string, spaces normalised. */
function said(el: PasserellePledge, id: string): string {
  const li = item(el, id);
  const lines = [...li.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling!)}`);
  const notes = [...li.querySelectorAll('p')].map(text);
  return [text(li.querySelector('h3')!), ...lines, ...notes].join(' | ').replace(/\u202f|\u00a0/g, ' ');
}
const loadingWords = /^(Loading your gifts|Chargement de vos dons)/;

async function element(token: string, lang: string): Promise<PasserellePledge> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-pledge>`);
  await until(() => el.shadowRoot!.querySelector('[part=history] [role=status]') && statusText(el) !== '' && !loadingWords.test(statusText(el)), 'the history read');
  return el;
}

const demoElement = async (sub: DemoSubject, lang = 'en') => element(await hostToken(sub), lang);

/** Clicks "Show more" until the whole history is on screen. */
async function showAll(el: PasserellePledge): Promise<void> {
  for (let more = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-more]'); more; more = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-more]')) {
    const before = references(el).length;
    more.click();
    await until(() => references(el).length > before && !loadingWords.test(statusText(el)), 'the next page');
  }
}

describe('<passerelle-pledge> — my gifts and pledges', () => {
  it('a new donor sees the empty history, then their gift as soon as they send it', async () => {
    const donor = await newDonor('Awa Testgifts');
    const el = await element(await donor.token(), 'en');
    expect(shadow(el, '#history-title').textContent).to.equal('My gifts and pledges');
    expect(statusText(el)).to.equal('You have not made any gift or pledge yet.');
    expect(references(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    for (const [name, value] of [['amountCents', '40'], ['donor.fullName', 'Awa Testgifts'], ['donor.address.line1', '5 rue de la Paix'], ['donor.address.postalCode', '75002'], ['donor.address.city', 'Paris']] as const) {
      fill(el, name, value);
      await el.updateComplete;
    }
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    const sent = (await saved).detail.item as Pledge;
    await until(() => references(el).includes(sent.id), 'the new gift in the history');
    expect(statusText(el)).to.equal('1 gift or pledge.');
    const shown = said(el, sent.id);
    for (const line of ['Gift · Fondation |', 'Status: promised', 'Amount: €40.00', `Reference: ${sent.id}`, 'Pledged on: ']) expect(shown).to.contain(line);
    expect(shown).to.not.contain('tax receipt');
    await expect(el).to.be.accessible();
    // The confirmation prints as the summary of this pledge: the history is left out of the print.
    const history = shadow(el, '[part=history]');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(history).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a company representative sees the company’s pledges, also one staff recorded for it, each saying it gets no tax receipt', async () => {
    const staff = await sessionToken('staff-eng');
    const params = await getJson<PledgeParameters>('/pledges/parameters', staff);
    const companies = await getJson<{ items: { id: string; name: string }[] }>('/companies?limit=100', staff);
    const acme = companies.items.find((c) => c.name === 'Acme Robotique')!;
    const engineering = params.beneficiaries.find((b) => b.name === "École d'ingénieurs")!;
    const byStaff = await pledgeByApi(staff, {
      kind: 'apprenticeship_tax',
      companyId: acme.id,
      entityId: engineering.id,
      sharePercent: 12.5,
      estimatedAmountCents: 98_700,
      campaignYear: params.campaign!.year,
      contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
      viaAccountant: false,
    });
    const rep = await sessionToken('rep-acme');
    const seeded = (await everyListed(rep)).find((p) => p.kind === 'apprenticeship_tax' && p.beneficiary.name === 'École de management' && p.programme === 'Programme Grande École')!;

    const el = await demoElement('rep-acme');
    await showAll(el);
    const recorded = said(el, byStaff.id);
    for (const line of [
      "Apprenticeship tax · École d'ingénieurs |",
      'Status: promised',
      'Company: Acme Robotique',
      'Estimated amount: €987.00',
      'Share of the solde: 12.5%',
      `Campaign: ${params.campaign!.year}`,
      'Recorded by someone else, for the company.',
      'Apprenticeship tax gets no tax receipt: it goes through SOLTéA.',
    ])
      expect(recorded).to.contain(line);
    const own = said(el, seeded.id);
    expect(own).to.contain('Apprenticeship tax · École de management');
    expect(own).to.contain('Estimated amount: €4,200.00');
    expect(own).to.not.contain('Recorded by someone else');
    // Every pledge shown is the representative's or Acme's: what the API lists them, nothing else.
    expect(new Set(references(el))).to.deep.equal(new Set((await everyListed(rep)).map((p) => p.id)));
    await expect(el).to.be.accessible();
  });

  it('another person’s pledge never shows: not another donor’s, nor, for a beneficiary’s staff, the gifts the API lists them', async () => {
    const first = await newDonor('Bruno Testgifts');
    const theirs = await pledgeByApi(first.bearer, gift(15));
    const second = await newDonor('Chloé Testgifts');
    const el = await element(await second.token(), 'en');
    expect(statusText(el)).to.equal('You have not made any gift or pledge yet.');
    expect(references(el)).to.not.include(theirs.id);

    // École de management's staff read Acme's pledge to their school in the API's list, but it is not theirs.
    const staff = await sessionToken('staff-mgmt');
    const listed = await everyListed(staff);
    const acmes = listed.filter((p) => !p.mine && p.company?.name === 'Acme Robotique').map((p) => p.id);
    expect(acmes.length).to.be.greaterThan(0);
    const desk = await demoElement('staff-mgmt');
    await showAll(desk);
    const shown = references(desk);
    expect(shown.filter((id) => acmes.includes(id))).to.deep.equal([]);
    expect(shown.every((id) => listed.find((p) => p.id === id)?.mine === true)).to.equal(true);
  });

  it('speaks French, and a change of language rewords kind, status, dates and the tax-receipt note', async () => {
    const donor = await newDonor('Denise Testgifts');
    const mine = await pledgeByApi(donor.bearer, { ...gift(25), frequency: 'monthly', designation: { kind: 'fund', fund: 'scholarships' } });
    const el = await element(await donor.token(), 'fr');
    expect(shadow(el, '#history-title').textContent).to.equal('Mes dons et promesses');
    expect(statusText(el)).to.equal('1 don ou promesse.');
    const french = said(el, mine.id);
    for (const line of ['Don · Fondation · Fonds de bourses |', 'Statut: promise', 'Montant: 25,00 € (Chaque mois)', `Référence: ${mine.id}`]) expect(french).to.contain(line);
    const year = String(new Date(mine.createdAt).getFullYear());
    expect(french).to.match(new RegExp(`Promis le: \\d{1,2}(er)? [a-zéû]+ ${year}`));
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'en');
    await until(() => statusText(el) === '1 gift or pledge.', 'English');
    const english = said(el, mine.id);
    for (const line of ['Gift · Fondation · Scholarship fund |', 'Status: promised', 'Amount: €25.00 (Every month)']) expect(english).to.contain(line);
    expect(english).to.match(new RegExp(`Pledged on: [A-Z][a-z]+ \\d{1,2}, ${year}`));

    const rep = await demoElement('rep-acme', 'fr');
    const note = shadow(rep, '[data-no-receipt]');
    expect(note.textContent).to.equal('La taxe d’apprentissage ne donne lieu à aucun reçu fiscal : elle relève de SOLTéA.');
    rep.setAttribute('lang', 'en');
    await until(() => note.isConnected && note.textContent === 'Apprenticeship tax gets no tax receipt: it goes through SOLTéA.', 'the note in English');
  });

  it('a failure to read says so by its code, in the element’s language, announces the retry while it loads, and the retry shows the list', async () => {
    const donor = await newDonor('Eliott Testgifts');
    const mine = await pledgeByApi(donor.bearer, gift(33));
    const realFetch = window.fetch;
    const isList = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
      return (init?.method ?? 'GET').toUpperCase() === 'GET' && url.pathname === '/v1/pledges';
    };
    let mode: 'lose' | 'hold' | 'pass' = 'lose';
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The request reaches the real API; the first answer is lost on the way back, the second waits until the test has seen "Loading".
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!isList(input, init)) return response;
      if (mode === 'lose') throw new TypeError('Failed to fetch');
      if (mode === 'hold') await held;
      return response;
    };
    try {
      const el = await element(await donor.token(), 'en');
      expect(statusText(el)).to.equal('The service could not be reached. Check your connection and try again.');
      await expect(el).to.be.accessible();
      el.setAttribute('lang', 'fr');
      await until(() => statusText(el) === 'Le service est injoignable. Vérifiez votre connexion et réessayez.', 'the failure in French');
      const retry = shadow<HTMLButtonElement>(el, '[data-retry]');
      expect(retry.textContent).to.equal('Réessayer');
      mode = 'hold';
      retry.focus();
      await keys({ press: 'Enter' });
      await until(() => statusText(el) === 'Chargement de vos dons et promesses…', 'loading announced');
      const status = shadow(el, '[part=history] [role=status]');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
      release();
      await until(() => references(el).includes(mine.id), 'the list after the retry');
      expect(statusText(el)).to.equal('1 don ou promesse.');
    } finally {
      window.fetch = realFetch;
      release();
    }
  });

  it('pages: ten first, “Show more” with the keyboard adds the rest and moves focus to the first added', async () => {
    const donor = await newDonor('Fanny Testgifts');
    const made: Pledge[] = [];
    // One after the other: the newest first on screen is then the order made.
    for (let euros = 1; euros <= 11; euros++) made.push(await pledgeByApi(donor.bearer, gift(euros)));
    const el = await element(await donor.token(), 'en');
    expect(references(el)).to.deep.equal(made.slice(1).reverse().map((p) => p.id));
    expect(statusText(el)).to.equal('10 gifts and pledges shown; there are more.');
    await expect(el).to.be.accessible();
    const more = shadow<HTMLButtonElement>(el, '[data-more]');
    expect(more.textContent).to.equal('Show more gifts and pledges');
    // From the form's submit button, the next stop of the Tab key is "Show more".
    shadow<HTMLButtonElement>(el, 'button[type=submit]').focus();
    await keys({ press: 'Tab' });
    expect(deepActiveElement() === more).to.equal(true);
    expect(getComputedStyle(more).outlineStyle).to.equal('solid');
    await keys({ press: 'Enter' });
    await until(() => references(el).length === 11, 'the eleventh');
    expect(references(el).at(-1)).to.equal(made[0]!.id);
    await until(() => deepActiveElement()?.id === `pledge-${made[0]!.id}`, 'focus on the first added');
    expect(statusText(el)).to.equal('11 gifts and pledges.');
    expect(el.shadowRoot!.querySelector('[data-more]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is usable at 360 px: the history of a company with long references does not overflow sideways', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const el = await demoElement('rep-acme', 'fr');
      el.style.display = 'block';
      await showAll(el);
      const section = shadow(el, '[part=history]');
      expect(section.scrollWidth).to.be.at.most(el.clientWidth + 1);
      for (const li of el.shadowRoot!.querySelectorAll('[part=history-item]')) expect(li.scrollWidth).to.be.at.most(li.clientWidth + 1);
    } finally {
      await setViewport(DEFAULT_VIEWPORT);
    }
  });
});
