import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { PasserelleProfileEditor } from './profile-editor.ts';
import { apiConfig, hostToken, readOutboxCode, sessionToken, shadow, uniqueEmail, until } from '../testing/index.ts';

async function editor(lang = 'en', personId = ''): Promise<PasserelleProfileEditor> {
  const { api, tenant } = await apiConfig();
  const sub = personId ? 'staff-mgmt' : 'alumna-claire';
  const el = await fixture<PasserelleProfileEditor>(
    html`<passerelle-profile-editor lang=${lang} person-id=${personId} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-profile-editor>`,
  );
  await until(() => el.shadowRoot!.querySelector('form[part=form]'), 'the profile to load');
  return el;
}

const section = (el: PasserelleProfileEditor) => shadow(el, '[part=addresses]');
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('<passerelle-profile-editor>: my sign-in addresses (issue 17 item 4)', () => {
  it('adds a personal address with the code mailed to it, says so, and removes it; accessible', async () => {
    const el = await editor();
    await until(() => el.shadowRoot!.querySelector('[part=addresses]'), 'the addresses section');
    expect(section(el).querySelector('h3')!.textContent).to.equal('My sign-in addresses');
    expect(section(el).textContent).to.contain('Institution address: claire.dubois@alumni.demo.test');
    await expect(el).to.be.accessible();

    const email = uniqueEmail('claire-perso');
    type(shadow<HTMLInputElement>(el, '#address-email'), email);
    shadow<HTMLButtonElement>(el, '[part=addresses] form button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('#address-code'), 'the code field');
    expect(shadow(el, 'label[for=address-code]').textContent).to.equal(`Code received at ${email}`);

    // A wrong code first: said on the field, in words.
    type(shadow<HTMLInputElement>(el, '#address-code'), '000000');
    shadow<HTMLButtonElement>(el, '[part=addresses] form button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('#address-code-error'), 'the wrong code said');
    expect(shadow(el, '#address-code-error').textContent).not.to.contain('auth.code');

    type(shadow<HTMLInputElement>(el, '#address-code'), await readOutboxCode(email));
    shadow<HTMLButtonElement>(el, '[part=addresses] form button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector(`[data-address="${email}"]`), 'the address listed');
    expect(shadow(el, '[part=addresses] [role=status]').textContent).to.equal(`${email} is added: you can sign in with it.`);
    await expect(el).to.be.accessible();

    shadow<HTMLButtonElement>(el, `[data-address="${email}"] button`).click();
    await until(() => !el.shadowRoot!.querySelector(`[data-address="${email}"]`), 'the address removed');
    expect(shadow(el, '[part=addresses] [role=status]').textContent).to.equal(`${email} is removed.`);
  });

  it('speaks French, and is not shown to staff correcting someone’s profile', async () => {
    const el = await editor('fr');
    await until(() => el.shadowRoot!.querySelector('[part=addresses]'), 'the addresses section');
    expect(section(el).querySelector('h3')!.textContent).to.equal('Mes adresses de connexion');
    const { api } = await apiConfig();
    const claire = (await (await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${await sessionToken('alumna-claire')}` } })).json()) as { person: { id: string } };
    const staff = await editor('en', claire.person.id);
    await staff.updateComplete;
    expect(staff.shadowRoot!.querySelector('[part=addresses]')).to.equal(null);
  });
});
