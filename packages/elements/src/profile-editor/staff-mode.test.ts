import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { ProfileView } from '@passerelle/schema';
import type { PasserelleProfileEditor, ProfileSavedEvent } from './profile-editor.ts';
import { FormController } from '../forms/form-controller.ts';
import { apiConfig, hostToken, newPersonToken, shadow, until, type DemoSubject } from '../testing/index.ts';

/** A new alumnus of the university (whose administrators look after him): his id, and a host token to sign in as him again. */
async function newAlumnus(): Promise<{ id: string; token: () => Promise<string>; name: string }> {
  const { api } = await apiConfig();
  const sub = `staff-mode-${crypto.randomUUID()}`;
  const name = `Hugo Corrigé${crypto.randomUUID().slice(0, 6)}`;
  const token = () => newPersonToken({ sub, affiliation: 'alum', name });
  const exchange = await fetch(`${api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: await token() }) });
  const session = ((await exchange.json()) as { token: string }).token;
  const me = (await (await fetch(`${api}/v1/profiles/me`, { headers: { authorization: `Bearer ${session}` } })).json()) as ProfileView;
  return { id: me.id, token, name };
}

async function open(token: string, personId = '', lang = 'en'): Promise<PasserelleProfileEditor> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleProfileEditor>(html`<passerelle-profile-editor lang=${lang} api=${api} tenant=${tenant} person-id=${personId} .identityToken=${token}></passerelle-profile-editor>`);
  await until(() => el.shadowRoot!.querySelector('form, [role=alert]'), 'the profile, or a refusal', 30_000);
  await el.updateComplete;
  return el;
}

const control = <T extends HTMLElement = HTMLInputElement>(el: PasserelleProfileEditor, name: string) => shadow<T>(el, `#${FormController.id(name)}`);
const staffToken = (sub: DemoSubject) => hostToken(sub);

describe('<passerelle-profile-editor person-id>: staff correcting a profile', () => {
  it('lets an administrator record the school-owned fields, which the person then reads as the school’s', async () => {
    const person = await newAlumnus();
    const el = await open(await staffToken('admin-demo'), person.id);
    expect(shadow(el, 'h2').textContent).to.equal(`Profile of ${person.name}`);
    expect(shadow(el, '[data-staff-note]').textContent).to.contain('Who sees each detail stays the person’s choice.');
    // Who sees each field is the owner's: no choice here; nor is "still accurate".
    expect(el.shadowRoot!.querySelector('[name^="visibility."]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~=confirm]')).to.equal(null);
    const schools = [...control<HTMLSelectElement>(el, 'educationEntityId').options].map((o) => o.textContent);
    expect(schools).to.include.members(["École d'ingénieurs", 'École de management']);
    await expect(el).to.be.accessible();

    const management = [...control<HTMLSelectElement>(el, 'educationEntityId').options].find((o) => o.textContent === 'École de management')!.value;
    control<HTMLSelectElement>(el, 'educationEntityId').value = management;
    control(el, 'educationEntityId').dispatchEvent(new Event('change'));
    control(el, 'graduationYear').value = '2021';
    control(el, 'graduationYear').dispatchEvent(new Event('input'));
    control(el, 'programme').value = 'Programme Grande École';
    control(el, 'programme').dispatchEvent(new Event('input'));
    const saved = oneEvent(el, 'passerelle-saved') as Promise<ProfileSavedEvent>;
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect([...(await saved).detail.fields].sort()).to.deep.equal(['educationEntityId', 'graduationYear', 'programme']);
    await until(() => shadow(el, '[part=status]').textContent !== '', 'saved');
    expect(shadow(el, '[part=status]').textContent).to.equal('3 fields saved.');

    // The person's own editor: the school's data, read-only, with how to have it corrected.
    const own = await open(await person.token());
    expect(own.shadowRoot!.querySelector(`#${FormController.id('graduationYear')}`)).to.equal(null);
    expect(shadow(own, '[aria-labelledby=readonly-graduationYear]').textContent).to.equal('2021');
    expect(shadow(own, '[aria-labelledby=readonly-educationEntityId]').textContent).to.equal('École de management');
  });

  it('refuses the staff of another school, worded as the server words it, in French', async () => {
    const person = await newAlumnus();
    const el = await open(await staffToken('staff-eng'), person.id, 'fr');
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'the refusal');
    expect(shadow(el, '[role=alert]').textContent).to.match(/^Seuls /);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
