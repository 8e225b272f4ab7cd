import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserelleCompanySpace } from './company-space.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, fill, hostToken, keys, newPersonToken, sessionToken, setViewport, shadow, until } from '../testing/index.ts';

type Json = Record<string, unknown>;

async function call(method: string, path: string, token: string, body?: unknown, extra: Record<string, string> = {}): Promise<Json> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Json;
}

/** A session for a person of this run only (an alumna by the host's token, no company yet). */
async function personSession(sub: string): Promise<string> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: await newPersonToken({ sub, affiliation: 'alum', name: 'Anne Recrute' }) }) });
  return ((await r.json()) as { token: string }).token;
}

const ids = (async () => {
  const marc = await sessionToken('rep-acme');
  const me = await call('GET', '/v1/me', marc);
  const acme = (me.memberships as { companyId: string | null }[]).find((m) => m.companyId)!.companyId!;
  const parameters = await call('GET', '/v1/offers/parameters', marc);
  const engineering = (parameters.targets as { id: string; name: string }[]).find((e) => /ingénieurs/i.test(e.name))!.id;
  return { acme, engineering };
})();

/** An offer Marc (Acme) sends to review, with this run's title. */
async function marcsOffer(title: string): Promise<string> {
  const { acme, engineering } = await ids;
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const offer = await call('POST', '/v1/offers', await sessionToken('rep-acme'), {
    companyId: acme, title, kind: 'internship', targetEntityIds: [engineering], description: 'Robotique.', location: 'Lyon', remote: 'hybrid',
    startDate: start, duration: { amount: 2, unit: 'months' }, weeklyHours: 35, apply: 'https://acme-robotique.fr/stages', expiresOn: expires, submit: true,
  }, { 'idempotency-key': crypto.randomUUID() });
  return offer.id as string;
}

/** A second representative of Acme: a person of this run asks, staff approve. */
async function secondRep(): Promise<string> {
  const sub = `company-space-${crypto.randomUUID()}`;
  const { acme } = await ids;
  const request = await call('POST', '/v1/companies/requests', await personSession(sub), { companyId: acme });
  await call('POST', `/v1/companies/requests/${request.id as string}/approve`, await sessionToken('staff-eng'));
  return sub;
}

async function space(token: string, lang = 'en'): Promise<PasserelleCompanySpace> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleCompanySpace>(html`<passerelle-company-space lang=${lang} page-size="50" api=${api} tenant=${tenant} .identityToken=${token}></passerelle-company-space>`);
  await until(() => el.shadowRoot!.querySelector('h2'), 'signed in');
  return el;
}

const offerCard = (el: PasserelleCompanySpace, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-offer="${id}"]`);
const liveRegion = (el: PasserelleCompanySpace) => el.shadowRoot!.querySelector('h2 ~ [role=status]')?.textContent?.trim() ?? '';

describe('<passerelle-company-space>', () => {
  it('a second representative of Acme sees the offers Marc posted, with status, reviewer’s message and expiry; axe-clean', async () => {
    const title = `Stage ${crypto.randomUUID().slice(0, 6)}`;
    const id = await marcsOffer(title);
    await call('POST', `/v1/offers/${id}/request-changes`, await sessionToken('staff-eng'), { reason: 'Précisez la gratification.' });
    const sub = await secondRep();
    const el = await space(await newPersonToken({ sub, affiliation: 'alum' }));
    await until(() => offerCard(el, id), 'Marc’s offer');
    const card = offerCard(el, id)!;
    expect(card.querySelector('h4')!.textContent).to.equal(title);
    expect(card.querySelector('[data-status-text]')!.textContent).to.equal('changes requested');
    expect(card.querySelector('[data-moderation]')!.textContent).to.equal('Précisez la gratification.');
    expect(card.querySelector('[data-expires]')!.textContent).to.match(/\d{4}/);
    await until(() => el.shadowRoot!.querySelector('[data-representative]') && card.querySelector('[data-author]')!.textContent === 'Marc Lefèvre', 'the representatives');
    expect(el.shadowRoot!.querySelector('[part=representatives]')!.textContent).to.contain('(you)');
    // The company's own details arrive by a read of their own, maybe after the offers.
    await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('[name=name]')?.value === 'Acme Robotique', 'Acme’s details in the form');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('Acme Robotique');
    await expect(el).to.be.accessible();
  });

  it('renews, withdraws (after confirming) and duplicates an offer with the keyboard, each announced', async () => {
    const title = `Renouvelable ${crypto.randomUUID().slice(0, 6)}`;
    const id = await marcsOffer(title);
    const el = await space(await hostToken('rep-acme'));
    await until(() => offerCard(el, id), 'the offer');
    const renew = offerCard(el, id)!.querySelector<HTMLButtonElement>('[data-renew]')!;
    const before = offerCard(el, id)!.querySelector('[data-expires]')!.textContent;
    renew.focus();
    await keys({ press: 'Enter' });
    await until(() => liveRegion(el).startsWith(`“${title}” is renewed until`), 'the renewal');
    expect(offerCard(el, id)!.querySelector('[data-expires]')!.textContent).not.to.equal(before);
    expect(offerCard(el, id)!.dataset.status).to.equal('submitted');

    offerCard(el, id)!.querySelector<HTMLButtonElement>('[data-withdraw]')!.focus();
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.matches('[data-confirm]'), 'the confirmation focused');
    await expect(el).to.be.accessible();
    await keys({ press: 'Enter' });
    await until(() => offerCard(el, id)?.dataset.status === 'withdrawn', 'withdrawn');
    expect(liveRegion(el)).to.equal(`“${title}” is withdrawn.`);
    expect(offerCard(el, id)!.querySelector('[data-edit]')).to.equal(null);

    offerCard(el, id)!.querySelector<HTMLButtonElement>('[data-duplicate]')!.focus();
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('passerelle-offer-form'), 'the form on the copy');
    expect(liveRegion(el)).to.equal(`A copy of “${title}” was saved as a draft: complete it, then send it for review.`);
    const form = el.shadowRoot!.querySelector('passerelle-offer-form')!;
    expect(form.offerId).to.match(/^[0-9a-f-]{36}$/);
    expect(form.offerId).not.to.equal(id);
    await until(() => form.shadowRoot?.querySelector<HTMLInputElement>('[name=title]')?.value === title, 'the copy in the form');
    expect(deepActiveElement()?.id).to.equal('editor-title');
    shadow<HTMLButtonElement>(el, '[data-close]').click();
    await until(() => !el.shadowRoot!.querySelector('passerelle-offer-form'), 'closed');
  });

  it('without a company: asks to represent Acme with the typeahead and the keyboard, then reads the refusal and its reason', async () => {
    const sub = `company-space-${crypto.randomUUID()}`;
    const el = await space(await newPersonToken({ sub, affiliation: 'alum' }), 'fr');
    await until(() => el.shadowRoot!.querySelector('[role=combobox]'), 'the typeahead');
    await until(() => el.shadowRoot!.querySelector('#requests-title ~ [role=status]')?.textContent === 'Vous n’avez encore fait aucune demande.', 'no request yet');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('[role=combobox]')!.focus();
    await keys({ type: 'Acme' });
    await until(() => el.shadowRoot!.querySelector('[role=option]'), 'the matches');
    await keys({ press: 'ArrowDown' });
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('[role=combobox]')!.value === 'Acme Robotique', 'Acme chosen');
    fill(el, 'message', 'Responsable RH.');
    shadow<HTMLButtonElement>(el, 'section[part=represent] button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-request][data-status=pending]'), 'the request listed');
    expect(liveRegion(el)).to.contain('Demande envoyée pour Acme Robotique.');
    expect(deepActiveElement()?.id).to.match(/^request-/);

    const requestId = el.shadowRoot!.querySelector<HTMLElement>('[data-request]')!.dataset.request!;
    await call('POST', `/v1/companies/requests/${requestId}/refuse`, await sessionToken('staff-eng'), { reason: 'Adresse personnelle : écrivez-nous depuis votre adresse professionnelle.' });
    shadow<HTMLButtonElement>(el, '[data-check]').click();
    await until(() => el.shadowRoot!.querySelector('[data-request][data-status=refused]'), 'refused');
    expect(shadow(el, '[data-reason]').textContent).to.equal('Adresse personnelle : écrivez-nous depuis votre adresse professionnelle.');
    await expect(el).to.be.accessible();
  });

  it('a refused new company shows the server’s field errors; an approved request opens the company’s space', async () => {
    const sub = `company-space-${crypto.randomUUID()}`;
    const el = await space(await newPersonToken({ sub, affiliation: 'alum' }));
    await until(() => el.shadowRoot!.querySelector('[name="company.name"]'), 'the form');
    fill(el, 'company.name', 'Nouvelle Société');
    fill(el, 'company.siret', '12345678901234');
    shadow<HTMLButtonElement>(el, 'section[part=create] button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('section[part=create] [part~=error-summary]'), 'the summary');
    expect(shadow(el, '#create-field-company-siret').getAttribute('aria-invalid')).to.equal('true');

    const { acme } = await ids;
    const request = await call('POST', '/v1/companies/requests', await personSession(sub), { companyId: acme });
    await call('POST', `/v1/companies/requests/${request.id as string}/approve`, await sessionToken('staff-eng'));
    shadow<HTMLButtonElement>(el, '[data-check]').click();
    await until(() => el.shadowRoot!.querySelector('[data-section=offers]'), 'the company’s space');
  });

  it('a person who represents two companies chooses which one the space shows', async () => {
    const sub = await secondRep();
    const session = await personSession(sub);
    const globex = ((await call('GET', '/v1/companies?q=Globex', session)).items as { id: string }[])[0]!.id;
    const request = await call('POST', '/v1/companies/requests', session, { companyId: globex });
    await call('POST', `/v1/companies/requests/${request.id as string}/approve`, await sessionToken('staff-eng'));
    const el = await space(await newPersonToken({ sub, affiliation: 'alum' }));
    await until(() => el.shadowRoot!.querySelector('#company-choice'), 'the choice');
    expect(shadow(el, '[data-company-name]').textContent).to.equal('Acme Robotique');
    const choice = shadow<HTMLSelectElement>(el, '#company-choice');
    choice.value = globex;
    choice.dispatchEvent(new Event('change'));
    await until(() => shadow(el, '[data-company-name]').textContent === 'Globex Conseil' && el.shadowRoot!.querySelector<HTMLInputElement>('[name=name]')?.value === 'Globex Conseil', 'Globex’s space');
    await expect(el).to.be.accessible();
  });

  it('edits the company’s details with If-Match, and fits a 360 px screen', async () => {
    const el = await space(await hostToken('rep-acme'), 'fr');
    await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('[name=website]')?.value, 'the details');
    fill(el, 'website', 'https://www.acme-robotique.fr/');
    const saved: string[] = [];
    el.addEventListener('passerelle-saved', (e) => saved.push(e.detail.kind));
    shadow<HTMLButtonElement>(el, 'form[part~=details] button[type=submit]').click();
    await until(() => liveRegion(el) === 'Coordonnées enregistrées.', 'saved');
    expect(saved).to.deep.equal(['company']);
    try {
      await setViewport({ width: 360, height: 640 });
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      for (const button of el.shadowRoot!.querySelectorAll('button')) expect(button.getBoundingClientRect().right).to.be.at.most(360);
    } finally {
      await setViewport(DEFAULT_VIEWPORT);
    }
  });
});
