import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserellePledge } from './pledge.ts';
import type { Pledge } from '@passerelle/schema';
import { apiConfig, keys, newPersonToken, sessionToken, shadow, until } from '../testing/index.ts';

// The tax receipt of a received gift in "My gifts and pledges" of <passerelle-pledge>, against the real API:
// a new donor of this file pledges, staff mark the gift received (which issues the receipt), and the donor downloads it.

async function api(path: string, bearer: string, init: { method?: string; body?: unknown; key?: boolean } = {}): Promise<Response> {
  const { api } = await apiConfig();
  return fetch(`${api}/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(init.key ? { 'idempotency-key': crypto.randomUUID() } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

const statusText = (el: PasserellePledge): string => shadow(el, '[part=history] [role=status]').textContent!.trim();

describe('<passerelle-pledge> — a received gift’s tax receipt', () => {
  it('offers the receipt of a received gift for download, by keyboard, as the PDF the API issued; a promised gift has none', async () => {
    const sub = `receipt-${crypto.randomUUID()}`;
    const token = () => newPersonToken({ sub, affiliation: 'alum', name: 'Rose Testreceipt' });
    const { api: base } = await apiConfig();
    const exchanged = await fetch(`${base}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: await token() }) });
    const bearer = ((await exchanged.json()) as { token: string }).token;
    const body = (euros: number) => ({
      kind: 'donation', amountCents: euros * 100, frequency: 'once', designation: { kind: 'foundation' }, publicThanks: false,
      donor: { kind: 'individual', fullName: 'Rose Testreceipt', address: { line1: '4 rue des Écoles', postalCode: '75005', city: 'Paris' } },
    });
    const received = (await (await api('/pledges', bearer, { method: 'POST', body: body(150), key: true })).json()) as Pledge;
    const promised = (await (await api('/pledges', bearer, { method: 'POST', body: body(20), key: true })).json()) as Pledge;
    const admin = await sessionToken('admin-demo');
    const marked = (await (await api(`/pledges/${received.id}/receive`, admin, { method: 'POST', body: { paymentMethod: 'card' } })).json()) as Pledge;
    expect(marked.receipt?.number).to.match(/^\d{4}-\d{6}$/);

    const el = await fixture<PasserellePledge>(html`<passerelle-pledge lang="en" api=${base} tenant="demo" .identityToken=${await token()}></passerelle-pledge>`);
    await until(() => el.shadowRoot!.querySelector('[part=history] [role=status]') && statusText(el) === '2 gifts and pledges.', 'the history read');
    const item = (id: string) => shadow(el, `[part=history-item][data-reference="${id}"]`);
    expect(item(promised.id).querySelector('[data-receipt]')).to.equal(null);
    const button = item(received.id).querySelector<HTMLButtonElement>('[data-receipt]')!;
    expect(button.textContent!.trim()).to.equal(`Download tax receipt no. ${marked.receipt!.number} (PDF)`);
    await expect(el).to.be.accessible();

    // What the click hands the browser to save: the PDF itself, named after its number.
    const saved: { blob?: Blob; name?: string } = {};
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => ((saved.blob = blob), 'blob:receipt');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.name = this.download;
    };
    try {
      button.focus();
      await keys({ press: 'Enter' });
      await until(() => saved.name !== undefined, 'the download');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.name).to.equal(`recu-fiscal-${marked.receipt!.number}.pdf`);
    expect(saved.blob!.type).to.equal('application/pdf');
    expect(new TextDecoder().decode((await saved.blob!.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');

    // In French, the same button.
    el.lang = 'fr';
    await until(() => button.isConnected && button.textContent!.trim() === `Télécharger le reçu fiscal n° ${marked.receipt!.number} (PDF)`, 'the button in French');
  });
});
