import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import type { Pledge } from '@passerelle/schema';
import { apiConfig, fill, hostToken, sessionToken, shadow, until } from '../testing/index.ts';

/** The demo institution's payment pages, set as an administrator does (PUT /v1/pledges/payment-pages). */
async function setPages(pages: { default: string | null; entities: Record<string, string>; funds: Record<string, string> }): Promise<void> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/pledges/payment-pages`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await sessionToken('admin-demo')}`, 'content-type': 'application/json' },
    body: JSON.stringify(pages),
  });
  expect(r.status).to.equal(200);
}

describe('<passerelle-pledge>: the payment hand-off', () => {
  afterEach(() => setPages({ default: null, entities: {}, funds: {} }));

  it('after a gift, links to the institution’s payment page with the amount and the gift’s reference filled in', async () => {
    await setPages({ default: 'https://pay.example/don?amount={amount}&ref={reference}', entities: {}, funds: {} });
    const { api, tenant } = await apiConfig();
    const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang="en" api=${api} tenant=${tenant} .identityToken=${await hostToken('alumna-claire')}></passerelle-pledge>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'signed in, parameters loaded');
    for (const [name, value] of [
      ['amountCents', '120.50'],
      ['donor.fullName', 'Claire Dubois'],
      ['donor.address.line1', '3 place Bellecour'],
      ['donor.address.postalCode', '69002'],
      ['donor.address.city', 'Lyon'],
    ] as const) {
      fill(el, name, value);
      await el.updateComplete;
    }
    let saved: Pledge | undefined;
    el.addEventListener('passerelle-saved', (e) => (saved = (e as CustomEvent<{ item: Pledge }>).detail.item), { once: true });
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[part=confirmation] a[target=_blank]'), 'the confirmation with its payment link');
    const link = shadow<HTMLAnchorElement>(el, '[part=confirmation] a[target=_blank]');
    expect(link.textContent!.trim()).to.equal('Pay on the institution’s page');
    expect(link.getAttribute('href')).to.equal(`https://pay.example/don?amount=120.50&ref=${saved!.id}`);
    expect(link.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });
});
