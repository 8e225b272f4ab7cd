import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { CompanyRequest, PasserelleCompanyRequests } from './company-requests.ts';
import { passesLuhn } from '@passerelle/schema';
import { apiConfig, deepActiveElement, hostToken, keys, readOutboxCode, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

async function queue(sub: DemoSubject, lang = 'en'): Promise<PasserelleCompanyRequests> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleCompanyRequests>(
    html`<passerelle-company-requests lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-company-requests>`,
  );
  await until(() => el.shadowRoot!.querySelector('h2'), 'signed in');
  await el.updateComplete;
  return el;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const { api } = await apiConfig();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${api}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, data: (await r.json()) as T };
}

/** A recruiter without any membership, signed in by email code (as on the real sign-in form). */
async function recruiter(domain: string): Promise<{ email: string; token: string }> {
  const { api } = await apiConfig();
  const email = `rh-${crypto.randomUUID().slice(0, 8)}@${domain}`;
  const post = (path: string, body: unknown) => fetch(`${api}/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post('/auth/email', { tenant: 'demo', email });
  const r = await post('/auth/verify', { tenant: 'demo', email, code: await readOutboxCode(email) });
  if (!r.ok) throw new Error(`email sign-in failed: ${r.status} ${await r.text()}`);
  return { email, token: ((await r.json()) as { token: string }).token };
}

/** The recruiter asks to represent Acme Robotique (through the API). */
async function asksForAcme(domain = 'acme-robotique.fr') {
  const who = await recruiter(domain);
  const { data: found } = await call<{ items: { id: string; name: string }[] }>(who.token, 'GET', '/companies?q=acme');
  const acme = found.items.find((c) => c.name === 'Acme Robotique')!;
  const { status, data } = await call<CompanyRequest>(who.token, 'POST', '/companies/requests', { companyId: acme.id, message: 'Je recrute les alternants.' });
  if (status !== 201) throw new Error(`request not created: ${status} ${JSON.stringify(data)}`);
  return { ...who, request: data };
}

/** A 14-digit SIRET passing Luhn, unique to this run. */
function newSiret(): string {
  const lead = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10)).join('');
  for (let d = 0; d <= 9; d++) if (passesLuhn(lead + d)) return lead + d;
  throw new Error('unreachable');
}

/** The recruiter asks for a new company (through the API). */
async function asksForNewCompany() {
  const who = await recruiter('example.org');
  const company = { name: `Robots ${crypto.randomUUID().slice(0, 6)}`, siret: newSiret(), website: 'https://www.robots-lyon.fr' };
  const { status, data } = await call<CompanyRequest>(who.token, 'POST', '/companies/requests', { company });
  if (status !== 201) throw new Error(`request not created: ${status} ${JSON.stringify(data)}`);
  return { ...who, request: data, company };
}

const item = (el: PasserelleCompanyRequests, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-request="${id}"]`);

async function shown(el: PasserelleCompanyRequests, id: string): Promise<HTMLElement> {
  await until(() => item(el, id), 'the request in the queue');
  return item(el, id)!;
}

describe('<passerelle-company-requests>', () => {
  it('is accessible, with a refusal form open and its error shown', async () => {
    const { request } = await asksForAcme();
    const el = await queue('staff-eng');
    await shown(el, request.id);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-refuse]`).click();
    await until(() => el.shadowRoot!.querySelector(`[data-request="${request.id}"] [name=reason]`), 'refusal form');
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] form button[type=submit]`).click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'reason required');
    await expect(el).to.be.accessible();
  });

  it('shows the requester, their email, the company and the domain hint', async () => {
    const acme = await asksForAcme();
    const other = await asksForNewCompany();
    const el = await queue('staff-eng');
    const a = await shown(el, acme.request.id);
    expect(shadow(el, `[data-request="${acme.request.id}"] h3`).textContent).to.equal(acme.email);
    expect(a.textContent).to.contain('Asks to represent').and.contain('Acme Robotique').and.contain('81234567600017').and.contain('Je recrute les alternants.');
    const hint = shadow(el, `[data-request="${acme.request.id}"] [part=hint]`);
    expect(hint.dataset.match).to.equal('true');
    expect(hint.textContent).to.contain('The email domain matches the company’s website (acme-robotique.fr).');

    const n = await shown(el, other.request.id);
    expect(n.textContent).to.contain('Asks to add the company').and.contain(other.company.name).and.contain('new company, pending').and.contain(other.company.siret);
    const noMatch = shadow(el, `[data-request="${other.request.id}"] [part=hint]`);
    expect(noMatch.dataset.match).to.equal('false');
    expect(noMatch.textContent).to.contain('does not match the company’s website');
  });

  it('approves: the request leaves the queue, it is announced, and the recruiter now represents Acme', async () => {
    const { request, token } = await asksForAcme();
    const el = await queue('staff-eng');
    await shown(el, request.id);
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-approve]`).click();
    const event = await saved;
    expect(event.detail.kind).to.equal('company-request');
    expect((event.detail.item as CompanyRequest).status).to.equal('approved');
    await el.updateComplete;
    expect(item(el, request.id)).to.equal(null);
    expect(shadow(el, '[role=status]').textContent).to.contain('now represents Acme Robotique');
    expect(deepActiveElement()).to.equal(shadow(el, '#requests-title'));
    const { data: me } = await call<{ memberships: { role: string; companyName?: string }[] }>(token, 'GET', '/me');
    expect(me.memberships).to.deep.equal([{ ...me.memberships[0], role: 'company_rep', companyName: 'Acme Robotique' }]);
  });

  it('refusing needs a reason (the shared schema’s message); with one, the recruiter reads it', async () => {
    const { request, token } = await asksForNewCompany();
    const el = await queue('admin-demo');
    await shown(el, request.id);
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-refuse]`).click();
    await until(() => el.shadowRoot!.querySelector(`[data-request="${request.id}"] [name=reason]`), 'refusal form');
    const reason = shadow<HTMLTextAreaElement>(el, `[data-request="${request.id}"] [name=reason]`);
    expect(deepActiveElement()).to.equal(reason);
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] form button[type=submit]`).click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'reason required');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('This field is required.');
    reason.focus();
    await keys({ type: 'Ce SIRET appartient à une autre entreprise.' });
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] form button[type=submit]`).click();
    expect(((await saved).detail.item as CompanyRequest).status).to.equal('refused');
    await el.updateComplete;
    expect(item(el, request.id)).to.equal(null);
    expect(shadow(el, '[role=status]').textContent).to.contain('is refused');
    const { data: mine } = await call<{ items: CompanyRequest[] }>(token, 'GET', '/companies/requests?mine=true');
    expect(mine.items).to.have.length(1);
    expect(mine.items[0]).to.include({ status: 'refused', reason: 'Ce SIRET appartient à une autre entreprise.' });
  });

  it('refuses with the keyboard only, and Cancel gives focus back', async () => {
    const { request, token } = await asksForAcme();
    const el = await queue('staff-mgmt');
    await shown(el, request.id);
    const refuse = shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-refuse]`);
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-approve]`).focus();
    await keys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(refuse);
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.getAttribute('name') === 'reason', 'reason focused');
    expect(refuse.getAttribute('aria-expanded')).to.equal('true');
    await keys({ press: 'Tab' }); // Refuse the request
    await keys({ press: 'Tab' }); // Cancel
    expect((deepActiveElement() as HTMLElement).dataset.cancel).to.equal('');
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement() === refuse, 'focus back on Refuse');
    expect(el.shadowRoot!.querySelector(`[data-request="${request.id}"] [name=reason]`)).to.equal(null);

    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.getAttribute('name') === 'reason', 'reason focused again');
    await keys({ type: 'Adresse personnelle : écrivez-nous depuis votre adresse professionnelle.' });
    await keys({ press: 'Tab' });
    const saved = oneEvent(el, 'passerelle-saved');
    await keys({ press: 'Enter' });
    await saved;
    await until(() => deepActiveElement() === shadow(el, '#requests-title'), 'focus on the heading');
    const { data: mine } = await call<{ items: CompanyRequest[] }>(token, 'GET', '/companies/requests?mine=true');
    expect(mine.items[0]?.status).to.equal('refused');
  });

  it('tells someone who is not staff that only staff verify requests, without loading the queue', async () => {
    const el = await queue('rep-acme');
    expect(shadow(el, '[data-not-allowed]').textContent).to.contain('Only staff and administrators verify recruiter requests');
    expect(el.shadowRoot!.querySelector('[part=queue]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks French, including the schema’s message and the hint', async () => {
    const { request } = await asksForAcme();
    const el = await queue('staff-eng', 'fr');
    await shown(el, request.id);
    expect(shadow(el, 'h2').textContent).to.equal('Demandes des recruteurs');
    expect(shadow(el, `[data-request="${request.id}"] [part=hint]`).textContent).to.contain('correspond au site de l’entreprise (acme-robotique.fr)');
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] button[data-refuse]`).click();
    await until(() => el.shadowRoot!.querySelector(`[data-request="${request.id}"] form button[type=submit]`), 'refusal form');
    shadow<HTMLButtonElement>(el, `[data-request="${request.id}"] form button[type=submit]`).click();
    await until(() => el.shadowRoot!.textContent?.includes('Ce champ est obligatoire.'), 'French message');
    el.lang = 'en';
    await until(() => shadow(el, 'h2').textContent === 'Recruiter requests', 'English');
    expect(el.shadowRoot!.textContent).to.contain('This field is required.');
  });
});

describe('<passerelle-company-requests> across a change of language', () => {
  it('rewords a refusal and the announcement in the new language, leaving none of the old', async () => {
    const first = await asksForAcme();
    const second = await asksForNewCompany();
    const el = await queue('staff-eng', 'fr');
    await shown(el, first.request.id);
    await shown(el, second.request.id);
    const alert = () => shadow(el, '[role=alert]').textContent!.trim();
    const status = () => shadow(el, '[role=status]').textContent!.trim();

    // Someone else approves the first request while this queue is open.
    const { status: approved } = await call(await sessionToken('admin-demo'), 'POST', `/companies/requests/${first.request.id}/approve`);
    expect(approved).to.equal(200);
    shadow<HTMLButtonElement>(el, `[data-request="${first.request.id}"] button[data-approve]`).click();
    await until(() => alert() === 'Cette demande a déjà été acceptée.', 'the French refusal');
    expect(item(el, first.request.id)).to.equal(null);
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await until(() => alert() === 'This request was already approved.', 'the English refusal');
    expect(el.shadowRoot!.textContent).not.to.contain('acceptée');
    await expect(el).to.be.accessible();

    shadow<HTMLButtonElement>(el, `[data-request="${second.request.id}"] button[data-approve]`).click();
    await until(() => status() === `${second.email} now represents ${second.company.name}.`, 'the English announcement');
    expect(alert()).to.equal('');
    el.lang = 'fr';
    await until(() => status() === `${second.email} représente désormais ${second.company.name}.`, 'the French announcement');
    expect(el.shadowRoot!.textContent).not.to.contain('now represents');
  });
});
