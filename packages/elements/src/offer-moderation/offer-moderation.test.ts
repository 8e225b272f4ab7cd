import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleOfferModeration } from './offer-moderation.ts';
import type { Offer } from '@passerelle/schema';
import { apiConfig, deepActiveElement, hostToken, keys, sessionToken, shadow, until, type DemoSubject } from '../testing/index.ts';

async function moderation(sub: DemoSubject, lang = 'en'): Promise<PasserelleOfferModeration> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleOfferModeration>(
    html`<passerelle-offer-moderation lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-offer-moderation>`,
  );
  await until(() => el.shadowRoot!.querySelector('h2'), 'signed in');
  await el.updateComplete;
  return el;
}

async function call<T>(sub: DemoSubject, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T }> {
  const { api } = await apiConfig();
  const h: Record<string, string> = { authorization: `Bearer ${await sessionToken(sub)}`, ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(`${api}/v1${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, data: (await r.json()) as T };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** An offer submitted through the API by a student, aimed at one school. */
async function submitted(sub: DemoSubject, aimedAt: "École d'ingénieurs" | 'École de management', kind = 'apprenticeship'): Promise<Offer> {
  const { data: p } = await call<{ targets: { id: string; name: string }[] }>(sub, 'GET', '/offers/parameters');
  const { data: companies } = await call<{ items: { id: string }[] }>(sub, 'GET', '/companies?q=acme');
  const { status, data } = await call<Offer>(
    sub,
    'POST',
    '/offers',
    {
      companyId: companies.items[0]!.id,
      title: `Offre ${crypto.randomUUID().slice(0, 8)}`,
      description: 'Alternance **deux ans**.\n\n- Lyon\n- C++',
      kind,
      targetEntityIds: [p.targets.find((t) => t.name === aimedAt)!.id],
      location: 'Lyon',
      remote: 'onsite',
      startDate: inDays(90),
      duration: { amount: 24, unit: 'months' },
      weeklyHours: 35,
      apply: 'rh@acme-robotique.fr',
      expiresOn: inDays(30),
      submit: true,
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
  if (status !== 201) throw new Error(`offer not created: ${status} ${JSON.stringify(data)}`);
  return data;
}

async function open(el: PasserelleOfferModeration, offer: Offer): Promise<void> {
  await until(() => el.shadowRoot!.querySelector(`[data-offer="${offer.id}"]`), 'the offer in the queue');
  shadow<HTMLButtonElement>(el, `[data-offer="${offer.id}"] button[data-open]`).click();
  await until(() => el.shadowRoot!.querySelector(`#details-${offer.id} [data-publish]`), 'opened');
}

describe('<passerelle-offer-moderation>', () => {
  it('is accessible, with an offer opened', async () => {
    const offer = await submitted('student-ines', "École d'ingénieurs");
    const el = await moderation('staff-eng');
    await expect(el).to.be.accessible();
    await open(el, offer);
    await expect(el).to.be.accessible();
  });

  it('shows staff only the offers aimed at their schools', async () => {
    const eng = await submitted('student-ines', "École d'ingénieurs");
    const mgmt = await submitted('alumna-claire', 'École de management');
    const el = await moderation('staff-mgmt');
    await until(() => el.shadowRoot!.querySelector(`[data-offer="${mgmt.id}"]`), 'management offer');
    expect(el.shadowRoot!.querySelector(`[data-offer="${eng.id}"]`)).to.equal(null);
  });

  it('filters by kind and school', async () => {
    const internship = await submitted('student-ines', "École d'ingénieurs", 'fixed_term');
    const el = await moderation('admin-demo');
    await until(() => el.shadowRoot!.querySelector(`[data-offer="${internship.id}"]`), 'the offer');
    const kind = shadow<HTMLSelectElement>(el, '#filter-kind');
    kind.value = 'permanent';
    shadow<HTMLButtonElement>(el, '[part=filters] button[type=submit]').click();
    await until(() => !el.shadowRoot!.querySelector(`[data-offer="${internship.id}"]`), 'filtered out');
    shadow<HTMLSelectElement>(el, '#filter-kind').value = 'fixed_term';
    shadow<HTMLButtonElement>(el, '[part=filters] button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector(`[data-offer="${internship.id}"]`), 'filtered in');
  });

  it('publishes: the offer leaves the queue, is listed, and the decision is announced', async () => {
    const offer = await submitted('student-ines', "École d'ingénieurs");
    const el = await moderation('staff-eng');
    await open(el, offer);
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, '[data-publish]').click();
    expect(((await saved).detail.item as Offer).status).to.equal('published');
    await el.updateComplete;
    expect(shadow(el, '[role=status]').textContent).to.contain('is published');
    expect(deepActiveElement()).to.equal(shadow(el, '#queue-title'));
    const { data } = await call<{ items: Offer[] }>('alumna-claire', 'GET', '/offers?limit=100');
    expect(data.items.map((o) => o.id)).to.include(offer.id);
  });

  it('rejecting needs a reason; with one, the author reads it', async () => {
    const offer = await submitted('student-ines', "École d'ingénieurs");
    const el = await moderation('staff-eng');
    await open(el, offer);
    shadow<HTMLButtonElement>(el, 'button[data-verdict=reject]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'reason required');
    expect(shadow<HTMLTextAreaElement>(el, '[name=reason]').getAttribute('aria-invalid')).to.equal('true');
    const reason = shadow<HTMLTextAreaElement>(el, '[name=reason]');
    reason.focus();
    await keys({ type: 'Doublon de l’offre de mars.' });
    const saved = oneEvent(el, 'passerelle-saved');
    shadow<HTMLButtonElement>(el, 'button[data-verdict=reject]').click();
    await saved;
    const { data } = await call<Offer>('student-ines', 'GET', `/offers/${offer.id}`);
    expect(data).to.include({ status: 'rejected', moderationReason: 'Doublon de l’offre de mars.' });
  });

  it('requests changes with the keyboard only', async () => {
    const offer = await submitted('student-ines', "École d'ingénieurs");
    const el = await moderation('staff-eng');
    await until(() => el.shadowRoot!.querySelector(`[data-offer="${offer.id}"]`), 'the offer');
    shadow<HTMLButtonElement>(el, `[data-offer="${offer.id}"] button[data-open]`).focus();
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector(`#details-${offer.id} [name=reason]`), 'opened');
    shadow<HTMLTextAreaElement>(el, `#details-${offer.id} [name=reason]`).focus();
    await keys({ type: 'Ajoutez la gratification.' });
    await keys({ press: 'Tab' }); // Publish
    await keys({ press: 'Tab' }); // Request changes
    expect((deepActiveElement() as HTMLElement).dataset.verdict).to.equal('request-changes');
    const saved = oneEvent(el, 'passerelle-saved');
    await keys({ press: 'Enter' });
    expect(((await saved).detail.item as Offer).status).to.equal('changes_requested');
  });

  it('tells a student that only staff review offers', async () => {
    const el = await moderation('student-ines');
    expect(el.shadowRoot!.textContent).to.contain('Only school staff and administrators review offers');
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    const el = await moderation('staff-eng', 'fr');
    expect(shadow(el, 'h2').textContent).to.equal('Offres à relire');
    expect(shadow(el, 'label[for=filter-kind]').textContent).to.equal('Type de contrat');
  });
});

describe('<passerelle-offer-moderation> across a change of language', () => {
  it('rewords a failure to load the queue, and an announcement, in the new language', async () => {
    const offer = await submitted('student-ines', "École d'ingénieurs");
    const el = await moderation('staff-eng', 'fr');
    await until(() => el.shadowRoot!.querySelector(`[data-offer="${offer.id}"]`), 'the offer');
    const status = () => shadow(el, '[role=status]').textContent!.trim();

    // The connection drops while the moderator filters the queue.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname.endsWith('/v1/offers')) throw new TypeError('Failed to fetch');
      return realFetch(input, init);
    };
    try {
      shadow<HTMLButtonElement>(el, '[part=filters] button[type=submit]').click();
      await until(() => status() === 'Le service est injoignable. Vérifiez votre connexion et réessayez.', 'the French failure');
    } finally {
      window.fetch = realFetch;
    }
    el.lang = 'en';
    await until(() => status() === 'The service could not be reached. Check your connection and try again.', 'the English failure');
    expect(el.shadowRoot!.textContent).not.to.contain('injoignable');
    await expect(el).to.be.accessible();

    shadow<HTMLButtonElement>(el, '[part=filters] button[type=submit]').click();
    await open(el, offer);
    shadow<HTMLButtonElement>(el, '[data-publish]').click();
    await until(() => status() === `“${offer.title}” is published.`, 'the English announcement');
    el.lang = 'fr';
    await until(() => status() === `« ${offer.title} » est publiée.`, 'the French announcement');
    expect(el.shadowRoot!.textContent).not.to.contain('is published');
  });
});
