import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleStaffDesk } from './staff-desk.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, hostToken, keys, newPersonToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

async function desk(sub: DemoSubject, lang = 'en'): Promise<PasserelleStaffDesk> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleStaffDesk>(html`<passerelle-staff-desk lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-staff-desk>`);
  await until(() => el.shadowRoot!.querySelector('[role=tab]'), 'signed in', 30_000);
  return el;
}

const text = (el: Element, selector: string) => shadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** A new alumna (a member of the university, which administrators look after) asks for erasure with a note: her name and the request. */
async function newRequest(): Promise<{ name: string; id: string; dueOn: string }> {
  const { api } = await apiConfig();
  const name = `Léa Efface${crypto.randomUUID().slice(0, 6)}`;
  const exchange = await fetch(`${api}/v1/auth/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: await newPersonToken({ sub: `erase-${crypto.randomUUID()}`, affiliation: 'alum', name }) }),
  });
  const { token } = (await exchange.json()) as { token: string };
  const r = await fetch(`${api}/v1/me/erasure`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true, note: 'Merci de tout effacer.' }) });
  if (r.status !== 201) throw new Error(`erasure: ${r.status} ${await r.text()}`);
  const { id, dueOn } = (await r.json()) as { id: string; dueOn: string };
  return { name, id, dueOn };
}

/** Opens the erasure requests tab with the keyboard (End: the last tab, inactive people; then the one before it). */
async function openErasure(el: PasserelleStaffDesk): Promise<void> {
  shadow<HTMLButtonElement>(el, '#tab-people').focus();
  await keys({ press: 'End' });
  await until(() => deepActiveElement() === shadow(el, '#tab-retention'), 'focus on the last tab');
  await keys({ press: 'ArrowLeft' });
  await until(() => deepActiveElement() === shadow(el, '#tab-erasure'), 'focus on the erasure tab');
  await until(() => el.shadowRoot!.querySelector('#panel-erasure [data-erasure-count], #panel-erasure [data-erasure-empty]'), 'the requests', 30_000);
}

describe('<passerelle-staff-desk>: erasure requests', () => {
  afterEach(() => setViewport(DEFAULT_VIEWPORT));

  it('lists a pending request with its due date, and processes it after a confirmation, with the keyboard', async () => {
    const request = await newRequest();
    const el = await desk('admin-demo');
    await openErasure(el);
    const item = () => el.shadowRoot!.querySelector<HTMLElement>(`[part=erasure-request][data-request="${request.id}"]`);
    await until(item, 'the request', 30_000);
    expect(item()!.querySelector('h4')!.textContent).to.equal(request.name);
    expect(item()!.querySelector('[data-due]')!.textContent).to.match(/^Due by .+ 20\d\d, in \d+ days\.$/);
    expect(item()!.querySelector('blockquote')!.textContent).to.equal('Merci de tout effacer.');
    await expect(el).to.be.accessible();

    item()!.querySelector<HTMLButtonElement>('[data-process]')!.focus();
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement() === item()!.querySelector('[data-confirm]'), 'focus on the confirmation');
    expect(item()!.querySelector('[data-process]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(item()!.querySelector('[data-confirm]')!.textContent).to.equal(`Erase ${request.name}’s data`);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'passerelle-saved');
    await keys({ press: 'Enter' });
    expect((await saved).detail).to.deep.include({ kind: 'erasure-request' });
    await until(() => !item(), 'the request out of the pending list', 30_000);
    expect(text(el, '[aria-labelledby=erasure-title] [role=status]')).to.equal(`${request.name}’s request processed: their data is erased.`);
    await until(() => deepActiveElement() === shadow(el, '#erasure-title'), 'focus on the heading');
    // Among the processed ones, the name gone.
    const done = () => el.shadowRoot!.querySelector<HTMLElement>(`[data-processed="${request.id}"]`);
    await until(done, 'the processed request', 30_000);
    expect(done()!.querySelector('h4')!.textContent).to.equal('Erased person');
    expect(done()!.textContent).to.contain('on time');
  });

  it('in French at 360 px: the staff of a school see none of another school’s requests, without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const request = await newRequest();
    const el = await desk('staff-eng', 'fr');
    await openErasure(el);
    expect(text(el, '#tab-erasure')).to.equal('Demandes d’effacement');
    expect(el.shadowRoot!.querySelector(`[data-request="${request.id}"]`)).to.equal(null);
    expect(text(el, '#erasure-title')).to.equal('Demandes d’effacement à traiter');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
