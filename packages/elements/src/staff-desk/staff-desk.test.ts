import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleStaffDesk } from './staff-desk.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, hostToken, keys, newPersonToken, sessionToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

async function desk(sub: DemoSubject, lang = 'en'): Promise<PasserelleStaffDesk> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleStaffDesk>(html`<passerelle-staff-desk lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-staff-desk>`);
  await until(() => el.shadowRoot!.querySelector('h2'), 'signed in', 30_000);
  return el;
}

const text = (el: Element, selector: string) => shadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** A new alumna who gives Claire's address as her own: the API accepts it and flags a possible duplicate (its id as staff read it). */
async function duplicateOfClaire(): Promise<{ name: string; id: string; flagId: string }> {
  const { api } = await apiConfig();
  const name = `Zoé Doublon${crypto.randomUUID().slice(0, 6)}`;
  const r = await fetch(`${api}/v1/auth/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: await newPersonToken({ sub: `dup-${crypto.randomUUID()}`, affiliation: 'alum', name }) }),
  });
  const { token } = (await r.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const me = await fetch(`${api}/v1/profiles/me`, { headers: auth });
  const { id } = (await me.json()) as { id: string };
  const patch = await fetch(`${api}/v1/profiles/${id}`, {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': me.headers.get('etag')! },
    body: JSON.stringify({ emails: [{ address: 'claire.dubois@alumni.demo.test', primary: true }] }),
  });
  if (patch.status !== 200) throw new Error(`profile not saved: ${patch.status} ${await patch.text()}`);
  const staff = await fetch(`${api}/v1/profiles/${id}`, { headers: { authorization: `Bearer ${await sessionToken('admin-demo')}` } });
  const { reviewFlags } = (await staff.json()) as { reviewFlags: { id: string }[] };
  return { name, id, flagId: reviewFlags[0]!.id };
}

const flagOf = (el: PasserelleStaffDesk, flagId: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=duplicate][data-flag="${flagId}"]`);

describe('<passerelle-staff-desk>', () => {
  afterEach(() => setViewport(DEFAULT_VIEWPORT));

  it('tells a student the desk is for staff, without reading anything', async () => {
    const el = await desk('student-ines');
    expect(text(el, '[data-not-allowed]')).to.equal('The desk is for school staff and administrators.');
    await expect(el).to.be.accessible();
  });

  it('finds a person and reads their entries of the audit log, with the keyboard only', async () => {
    const el = await desk('admin-demo');
    await until(() => el.shadowRoot!.querySelector('[data-audit-status]')?.textContent?.trim() !== 'Loading…', 'the audit log', 30_000);
    shadow<HTMLInputElement>(el, '#find-q').focus();
    await keys({ type: 'Claire' });
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[data-person] [data-audit-of]'), 'Claire found', 30_000);
    expect(text(el, '[data-person] h4')).to.contain('Claire');
    shadow<HTMLButtonElement>(el, '[data-person] [data-audit-of]').focus();
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement() === shadow(el, '#audit-title'), 'focus on the audit log', 30_000);
    expect(shadow<HTMLSelectElement>(el, '#audit-person').selectedOptions[0]!.textContent).to.contain('Claire');
    await expect(el).to.be.accessible();
  });

  it('opens a person’s profile for correction in the profile editor, only for the staff of their school, and closes it', async () => {
    const find = async (el: PasserelleStaffDesk) => {
      shadow<HTMLInputElement>(el, '#find-q').value = 'Dubois';
      shadow<HTMLFormElement>(el, 'form[role=search]').requestSubmit();
      await until(() => el.shadowRoot!.querySelector('[data-person] [data-audit-of]'), 'Claire found', 30_000);
    };
    // The engineering school's staff read Claire (a management alumna) as the network does: nothing to correct.
    const other = await desk('staff-eng');
    await find(other);
    expect(other.shadowRoot!.querySelector('[data-correct]')).to.equal(null);

    const el = await desk('staff-mgmt');
    await find(el);
    const button = shadow<HTMLButtonElement>(el, '[data-person] [data-correct]');
    expect(button.textContent).to.equal('Correct the profile of Claire Dubois');
    button.focus();
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement()?.id === 'correction-title', 'focus on the correction', 30_000);
    const editor = shadow(el, 'passerelle-profile-editor');
    await until(() => editor.shadowRoot?.querySelector('form'), 'the profile in the editor', 30_000);
    expect(editor.shadowRoot!.querySelector('h2')!.textContent).to.equal('Profile of Claire Dubois');
    expect(editor.shadowRoot!.querySelector('[name=graduationYear]')).to.exist;
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[data-close-correction]').click();
    await until(() => deepActiveElement()?.hasAttribute('data-correct'), 'focus back on the button');
    expect(el.shadowRoot!.querySelector('passerelle-profile-editor')).to.equal(null);
  });

  it('compares a possible duplicate side by side and resolves it: it leaves the queue, announced, focus on the heading', async () => {
    const dup = await duplicateOfClaire();
    const el = await desk('admin-demo');
    await until(() => flagOf(el, dup.flagId), 'the flag in the queue', 30_000);
    const li = flagOf(el, dup.flagId)!;
    expect(li.textContent).to.contain('Same email address');
    expect(el.shadowRoot!.querySelectorAll(`[data-flag="${dup.flagId}"]`).length).to.equal(1);
    li.querySelector<HTMLButtonElement>('[data-compare]')!.click();
    await until(() => li.querySelector('[part=comparison]'), 'the comparison', 30_000);
    const email = li.querySelector('[data-field=email]')!;
    expect(email.classList.contains('same')).to.equal(true);
    expect(email.textContent).to.contain('claire.dubois@alumni.demo.test');
    expect(li.querySelector('[data-field=givenName]')!.textContent).to.contain('Zoé').and.contain('Claire');
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'passerelle-saved');
    li.querySelector<HTMLButtonElement>('[data-resolve]')!.click();
    expect((await saved).detail.kind).to.equal('duplicate-flag');
    await until(() => flagOf(el, dup.flagId) === null, 'the flag out of the queue');
    expect(text(el, '[aria-labelledby=flags-title] [role=status]')).to.contain('not a duplicate');
    await until(() => deepActiveElement() === shadow(el, '#flags-title'), 'focus on the heading');

    // The resolution is in the log, by action prefix.
    shadow<HTMLInputElement>(el, '#audit-action').value = 'profile.duplicate.';
    shadow<HTMLButtonElement>(el, '[part=audit-filters] button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[part=audit] [data-action]')?.textContent === 'profile.duplicate.resolve', 'the audit entry', 30_000);
    expect(text(el, '[part=audit] [data-object]')).to.equal('Possible duplicate');
  });

  it('words a refused filter in French, and lays out at 360 px without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await desk('staff-eng', 'fr');
    expect(text(el, 'h2')).to.equal('Bureau du personnel');
    await until(() => el.shadowRoot!.querySelector('[data-audit-status]')?.textContent?.trim() !== 'Chargement…', 'the audit log', 30_000);
    shadow<HTMLInputElement>(el, '#audit-from').value = '2026-12-02';
    shadow<HTMLInputElement>(el, '#audit-to').value = '2026-01-01';
    shadow<HTMLButtonElement>(el, '[part=audit-filters] button[type=submit]').click();
    await until(() => !/^\d|^Aucune|^Chargement/.test(text(el, '[data-audit-status]')), 'the refusal', 30_000);
    expect(text(el, '[data-audit-status]')).not.to.match(/audit\.list|dateOrder/);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
