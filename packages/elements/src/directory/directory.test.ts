import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleDirectory } from './directory.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, fill, hostToken, keys, newPersonToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

/** A family name of this run only: searching it lists this file's people and nobody else's. */
const family = `Vexl${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/** Creates an alum through the host's identity token and writes their profile as they would. */
async function alum(given: string, fields: Record<string, unknown>, visibility: Record<string, string> = {}): Promise<string> {
  const { api } = await apiConfig();
  const sub = `directory-${crypto.randomUUID()}`;
  const exchange = await fetch(`${api}/v1/auth/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: await newPersonToken({ sub, affiliation: 'alum', name: `${given} ${family}` }) }),
  });
  const { token } = (await exchange.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const me = await fetch(`${api}/v1/profiles/me`, { headers: auth });
  const { id } = (await me.json()) as { id: string };
  const patch = await fetch(`${api}/v1/profiles/${id}`, {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': me.headers.get('etag')! },
    body: JSON.stringify({ givenName: given, familyName: family, ...fields, visibility }),
  });
  if (!patch.ok) throw new Error(`profile not written: ${patch.status} ${await patch.text()}`);
  return id;
}

// Awa opened her address to the network and mentors; Bruno keeps his address private, hires interns, and shows his name and employer to all;
// Chloé works in Lyon too but shows her city to nobody.
const people = (async () => ({
  awa: await alum(
    'Awa',
    { graduationYear: 2015, jobTitle: 'Ingénieure', employer: 'Énergies du Rhône', sector: 'Énergie', workCity: 'Lyon', availability: { mentoring: true, talks: false, hiringInterns: false }, emails: [{ address: `awa-${family.toLowerCase()}@example.org`, primary: true }] },
    { emails: 'network' },
  ),
  bruno: await alum(
    'Bruno',
    { graduationYear: 2010, employer: 'Banque Centrale', sector: 'Banque', workCity: 'Paris', availability: { mentoring: false, talks: true, hiringInterns: true }, emails: [{ address: `bruno-${family}@example.org`, primary: true }] },
    { givenName: 'public', familyName: 'public', employer: 'public' },
  ),
  chloe: await alum('Chloé', { sector: 'Énergie', workCity: 'Lyon' }, { workCity: 'private' }),
}))();

async function directory(sub: DemoSubject = 'student-ines', lang = 'en', pageSize = 20): Promise<PasserelleDirectory> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleDirectory>(
    html`<passerelle-directory lang=${lang} page-size=${pageSize} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-directory>`,
  );
  await until(() => el.shadowRoot!.querySelector('h2') && status(el) !== '' && !searching.test(status(el)), 'the first page');
  return el;
}

/** Answers of `GET /v1/profiles` received so far (the real fetch, only counted). */
let answered = 0;
const browserFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await browserFetch(input, init);
  if (new URL(response.url).pathname.endsWith('/v1/profiles')) answered++;
  return response;
};
const searching = /Searching|Recherche en cours/;

const status = (el: PasserelleDirectory) => el.shadowRoot!.querySelector('[role=status]')?.textContent?.trim() ?? '';
const listed = (el: PasserelleDirectory) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=person]')].map((li) => li.dataset.person);
const card = (el: PasserelleDirectory, id: string) => shadow(el, `[data-person="${id}"]`);

/** Fills the search form as a person types and submits it; waits for the answer. */
async function search(el: PasserelleDirectory, values: Record<string, string | boolean>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'boolean') {
      const box = shadow<HTMLInputElement>(el, `[name="${name}"]`);
      if (box.checked !== value) box.click();
    } else fill(el, name, value);
    await el.updateComplete;
  }
  const before = answered;
  shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(() => answered > before && !searching.test(status(el)), 'the answer');
}

describe('<passerelle-directory>', () => {
  it('is accessible: loaded, with results, empty, in English and French', async () => {
    const { awa } = await people;
    for (const lang of ['en', 'fr']) {
      const el = await directory('student-ines', lang);
      await expect(el).to.be.accessible();
      await search(el, { q: family });
      await until(() => listed(el).includes(awa), 'this run’s people');
      await expect(el).to.be.accessible();
      await search(el, { q: `${family}zzz` });
      expect(listed(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    }
  });

  it('search narrows the list, and a filter narrows it again', async () => {
    const { awa, bruno, chloe } = await people;
    const el = await directory();
    await search(el, { q: family });
    expect(listed(el)).to.have.members([awa, bruno, chloe]);
    expect(status(el)).to.equal('3 people found.');
    await search(el, { q: `aw ${family}` });
    expect(listed(el)).to.deep.equal([awa]);
    await search(el, { q: family, sector: 'energie' });
    expect(listed(el)).to.have.members([awa, chloe]);
    await search(el, { q: family, sector: '', hiringInterns: true });
    expect(listed(el)).to.deep.equal([bruno]);
    await search(el, { q: family, hiringInterns: false, graduationYear: '2015' });
    expect(listed(el)).to.deep.equal([awa]);
  });

  it('never shows nor matches a field its owner hid: Chloé’s city', async () => {
    const { awa, chloe } = await people;
    const el = await directory();
    await search(el, { q: family, sector: 'Énergie' });
    expect(card(el, chloe).textContent).not.to.contain('Lyon');
    expect(card(el, awa).textContent).to.contain('Lyon');
    await search(el, { city: 'lyon' });
    expect(listed(el)).to.deep.equal([awa]);
  });

  it('offers to write only to those who opened their address to the reader', async () => {
    const { awa, bruno } = await people;
    const el = await directory();
    await search(el, { q: family });
    const link = card(el, awa).querySelector<HTMLAnchorElement>('[part=contact]')!;
    expect(link.getAttribute('href')).to.equal(`mailto:awa-${family.toLowerCase()}@example.org`);
    expect(link.textContent).to.equal(`Write to Awa ${family}: awa-${family.toLowerCase()}@example.org`);
    expect(card(el, bruno).querySelector('[part=contact]')).to.equal(null);
    expect(card(el, bruno).textContent).not.to.contain('@');
    expect([...card(el, bruno).querySelectorAll('[data-available]')].map((b) => b.textContent)).to.deep.equal(['Talks', 'Hires interns']);
  });

  it('shows a company representative only what the owners made public', async () => {
    const { bruno } = await people;
    const student = await directory('student-ines');
    await search(student, { q: family });
    expect(card(student, bruno).textContent).to.contain('Class of 2010');
    expect(card(student, bruno).textContent).to.contain('Paris');
    const rep = await directory('rep-acme');
    await search(rep, { q: family });
    // Awa and Chloé show their names to the network only: the representative cannot find them.
    expect(listed(rep)).to.deep.equal([bruno]);
    const text = card(rep, bruno).textContent!;
    expect(text).to.contain('Banque Centrale');
    expect(text).not.to.contain('2010');
    expect(text).not.to.contain('Paris');
    expect(card(rep, bruno).querySelector('[part=badges]')).to.equal(null);
  });

  it('is usable with the keyboard only: search, then show more, focus on the first person added', async () => {
    const { awa, bruno, chloe } = await people;
    const el = await directory('student-ines', 'en', 2);
    shadow<HTMLInputElement>(el, '[name=q]').focus();
    await keys({ type: family });
    await keys({ press: 'Enter' });
    await until(() => status(el) === '2 people shown; there are more.', 'the first page');
    // From "Clear the filters", past the people's links, to "Show more".
    shadow<HTMLButtonElement>(el, '[data-clear]').focus();
    for (let i = 0; i < 5 && (deepActiveElement() as HTMLElement).dataset.more === undefined; i++) await keys({ press: 'Tab' });
    expect((deepActiveElement() as HTMLElement).dataset.more).to.equal('');
    await keys({ press: 'Enter' });
    await until(() => listed(el).length === 3, 'the next page');
    expect(listed(el)).to.have.members([awa, bruno, chloe]);
    await until(() => deepActiveElement() === shadow(el, `#person-${listed(el)[2]}`), 'focus on the person added');
    expect(status(el)).to.equal('3 people found.');
  });

  it('checks the class year with the shared schema before asking, and says why in the summary', async () => {
    const el = await directory();
    const before = answered;
    fill(el, 'graduationYear', '19');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'the summary');
    expect(answered).to.equal(before);
    expect(deepActiveElement()).to.equal(shadow(el, '[data-error-summary]'));
    expect(shadow<HTMLInputElement>(el, '[name=graduationYear]').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, '[data-error-summary]').textContent).to.contain('Enter a year from 1900 to 2100');
  });

  it('at 360 px, nothing runs off the side', async () => {
    try {
      await setViewport({ width: 360, height: 640 });
      const el = await directory();
      await search(el, { q: family });
      expect(el.scrollWidth).to.be.at.most(360);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport(DEFAULT_VIEWPORT);
    }
  });
});

describe('<passerelle-directory> in two languages', () => {
  it('speaks French, and a change of language rewords the page, the count and a failure', async () => {
    await people;
    const el = await directory('student-ines', 'fr');
    expect(shadow(el, 'h2').textContent).to.equal('Annuaire des diplômés');
    expect(shadow(el, 'label[for=directory-school]').textContent).to.equal('École');
    await search(el, { q: family });
    expect(status(el)).to.equal('3 personnes trouvées.');
    el.lang = 'en';
    await until(() => shadow(el, 'h2').textContent === 'Alumni directory', 'English');
    expect(status(el)).to.equal('3 people found.');

    // The connection drops: the failure is worded from its code, then reworded in French; "Try again" recovers.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname.endsWith('/v1/profiles')) throw new TypeError('Failed to fetch');
      return realFetch(input, init);
    };
    const failed = oneEvent(el, 'passerelle-error');
    try {
      shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
      expect((await failed).detail.action).to.equal('search-directory');
      await until(() => status(el) === 'The service could not be reached. Check your connection and try again.', 'the English failure');
      await expect(el).to.be.accessible();
      el.lang = 'fr';
      await until(() => status(el) === 'Le service est injoignable. Vérifiez votre connexion et réessayez.', 'the French failure');
    } finally {
      window.fetch = realFetch;
    }
    shadow<HTMLButtonElement>(el, '[data-retry]').click();
    await until(() => status(el) === '3 personnes trouvées.', 'the list again');
  });
});
