import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import '../portal/define.ts';
import type { ProfileView } from '@passerelle/schema';
import type { PasserelleProfileEditor, ProfileSavedEvent } from './profile-editor.ts';
import type { PasserellePortal } from '../portal/portal.ts';
import { FormController } from '../forms/form-controller.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, hostToken, keys, sessionToken, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

async function editor(sub: DemoSubject = 'alumna-claire', lang = 'en'): Promise<PasserelleProfileEditor> {
  const { api, tenant } = await apiConfig();
  const token = await hostToken(sub);
  const el = await fixture<PasserelleProfileEditor>(
    html`<passerelle-profile-editor lang=${lang} api=${api} tenant=${tenant} .identityToken=${token}></passerelle-profile-editor>`,
  );
  await until(() => el.profile && el.shadowRoot!.querySelector('form'), 'the profile to load');
  await el.updateComplete;
  return el;
}

const control = <T extends HTMLElement = HTMLInputElement>(el: PasserelleProfileEditor, name: string) => shadow<T>(el, `#${FormController.id(name)}`);

function typeInto(el: PasserelleProfileEditor, name: string, value: string): void {
  const input = control(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

const status = (el: PasserelleProfileEditor) => shadow(el, '[part=status]').textContent ?? '';

async function saveAndWait(el: PasserelleProfileEditor): Promise<ProfileSavedEvent> {
  const saved = oneEvent(el, 'passerelle-saved') as Promise<ProfileSavedEvent>;
  shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
  return saved;
}

/** Claire's profile as the API has it, read with a fresh session. */
async function serverProfile(sub: DemoSubject = 'alumna-claire'): Promise<ProfileView> {
  const { api } = await apiConfig();
  const token = await sessionToken(sub);
  const res = await fetch(`${api}/v1/profiles/me`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as ProfileView;
}

const unique = (prefix: string) => `${prefix} ${crypto.randomUUID().slice(0, 6)}`;

describe('<passerelle-profile-editor>', () => {
  it('is accessible, in English and in French', async () => {
    await expect(await editor('alumna-claire', 'en')).to.be.accessible();
    await expect(await editor('alumna-claire', 'fr')).to.be.accessible();
  });

  it('shows the sections, each field with its visibility, and school-owned data read-only', async () => {
    const el = await editor();
    const headings = [...el.shadowRoot!.querySelectorAll('section[part=section] h3')].map((h) => h.textContent);
    expect(headings).to.deep.equal(['Identity', 'Contact details', 'Education', 'Career', 'Availability']);
    expect(control(el, 'familyName').value).to.equal('Dubois');
    expect(control<HTMLSelectElement>(el, 'visibility.phone').value).to.equal('private');
    // Education recorded by the school: no control, the value and the way to get it corrected.
    expect(el.shadowRoot!.querySelector(`#${FormController.id('programme')}`)).to.equal(null);
    const programme = shadow(el, '#readonly-programme-hint').closest('.readonly')!;
    expect(programme.textContent).to.contain('Master Management');
    expect(programme.textContent).to.contain('ask the alumni office to correct it');
    expect(shadow(el, '[part=indicators]').textContent).to.match(/Profile completeness: \d+%/);
  });

  it('saves only what changed, fires passerelle-saved with the field names, and a reload shows it', async () => {
    const el = await editor();
    const title = unique('Directrice');
    typeInto(el, 'jobTitle', title);
    const select = control<HTMLSelectElement>(el, 'visibility.bio');
    select.value = select.value === 'public' ? 'network' : 'public';
    select.dispatchEvent(new Event('change'));
    expect(el.dirty).to.equal(true);
    const event = await saveAndWait(el);
    expect(event.detail.fields).to.deep.equal(['jobTitle', 'visibility.bio']);
    expect(event.detail.item.jobTitle).to.equal(title);
    await el.updateComplete;
    expect(status(el)).to.equal('2 fields saved.');
    expect(el.dirty).to.equal(false);

    const again = await editor();
    expect(control(again, 'jobTitle').value).to.equal(title);
  });

  it('two editors of the same person: the second sees both versions and keeps what it typed', async () => {
    const first = await editor();
    const second = await editor();
    const theirs = unique('Associée');
    const sector = unique('Finance');
    typeInto(first, 'jobTitle', theirs);
    typeInto(first, 'sector', sector);
    await saveAndWait(first);

    const mine = unique('Consultante');
    typeInto(second, 'jobTitle', mine);
    shadow<HTMLButtonElement>(second, 'button[type=submit]').click();
    await until(() => second.shadowRoot!.querySelector('[part=conflict]'), 'the conflict view');
    await second.updateComplete;
    const conflict = shadow(second, '[data-conflict=jobTitle]');
    expect(shadow(second, '[part=conflict]').querySelectorAll('[data-conflict]')).to.have.length(1);
    expect(conflict.querySelector('[data-version=mine]')!.textContent).to.equal(mine);
    expect(conflict.querySelector('[data-version=theirs]')!.textContent).to.equal(theirs);
    // Nothing typed is lost: the form still holds my value; the field only they changed is theirs now.
    expect(control(second, 'jobTitle').value).to.equal(mine);
    expect(control(second, 'sector').value).to.equal(sector);
    expect(deepActiveElement()?.id).to.equal('conflict-title');
    await expect(second).to.be.accessible();

    const saved = oneEvent(second, 'passerelle-saved') as Promise<ProfileSavedEvent>;
    shadow<HTMLButtonElement>(second, '[part=conflict] button').click();
    expect((await saved).detail.fields).to.deep.equal(['jobTitle']);
    const server = await serverProfile();
    expect(server.jobTitle).to.equal(mine);
    expect(server.sector).to.equal(sector);
  });

  it('can take the saved version field by field', async () => {
    const first = await editor();
    const second = await editor();
    const theirs = unique('Analyste');
    typeInto(first, 'jobTitle', theirs);
    await saveAndWait(first);
    typeInto(second, 'jobTitle', unique('Autre'));
    shadow<HTMLButtonElement>(second, 'button[type=submit]').click();
    await until(() => second.shadowRoot!.querySelector('[part=conflict]'), 'the conflict view');
    await second.updateComplete;
    shadow<HTMLInputElement>(second, '#conflict-0-theirs').click();
    shadow<HTMLButtonElement>(second, '[part=conflict] button').click();
    await until(() => status(second) === 'Nothing to save.', 'nothing left to save');
    expect(control(second, 'jobTitle').value).to.equal(theirs);
    expect((await serverProfile()).jobTitle).to.equal(theirs);
  });

  it('validates inline with the shared schema’s messages, in French', async () => {
    const el = await editor('alumna-claire', 'fr');
    typeInto(el, 'linkedinUrl', 'https://example.org/moi');
    const input = control(el, 'linkedinUrl');
    // Checked when the field loses focus.
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the inline error');
    expect(shadow(el, `#${input.id}-error`).textContent).to.contain('Saisissez l’adresse de votre profil LinkedIn');
    shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('[data-error-summary]'), 'the error summary');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[data-error-summary]'));
  });

  it('keyboard only: type into a field and press Enter to save', async () => {
    const el = await editor();
    const input = control(el, 'workCity');
    input.focus();
    input.select();
    const city = unique('Grenoble');
    await keys({ type: city });
    const saved = oneEvent(el, 'passerelle-saved') as Promise<ProfileSavedEvent>;
    await keys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['workCity']);
    expect((await serverProfile()).workCity).to.equal(city);
  });

  it('"still accurate" records the confirmation and shows full freshness', async () => {
    const el = await editor();
    shadow<HTMLButtonElement>(el, 'button[part~=confirm]').click();
    await until(() => status(el).includes('up to date'), 'the confirmation');
    expect(el.profile?.freshness).to.equal(100);
    expect(shadow(el, '[part=indicators]').textContent).to.contain('Freshness of the information: 100%');
  });

  it('warns before leaving with unsaved changes, not otherwise', async () => {
    const el = await editor();
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).to.equal(false);
    typeInto(el, 'bio', unique('Nouvelle bio'));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).to.equal(true);
  });

  it('switches language with the lang attribute', async () => {
    const el = await editor('student-ines', 'fr');
    expect(shadow(el, 'h2').textContent).to.equal('Mon profil');
    expect(shadow(el, '#readonly-programme-hint').textContent).to.contain('demandez au service des diplômés de la corriger');
    el.lang = 'en';
    await until(() => shadow(el, 'h2').textContent === 'My profile', 'the English text');
    expect(shadow(el, 'button[type=submit]').textContent!.trim()).to.equal('Save');
  });

  it('writes percentages and colons as each language does', async () => {
    const en = await editor('alumna-claire', 'en');
    const labels = (el: PasserelleProfileEditor) => [...el.shadowRoot!.querySelectorAll('[part=indicators] label')].map((l) => l.textContent!.trim());
    const [completeness, freshness] = labels(en);
    expect(completeness).to.match(/^Profile completeness: \d{1,3}%$/);
    expect(freshness).to.match(/^Freshness of the information: \d{1,3}%$/);
    // French: a no-break space before the colon, a narrow no-break space before %, as Intl writes it.
    const fr = await editor('alumna-claire', 'fr');
    const [complet, fraicheur] = labels(fr);
    const percent = new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5).replace('50', '');
    expect(complet).to.match(new RegExp(`^Profil complété\u00a0: \\d{1,3}${percent}$`));
    expect(fraicheur).to.match(new RegExp(`^Fraîcheur des informations\u00a0: \\d{1,3}${percent}$`));
    fr.lang = 'en';
    await until(() => shadow(fr, 'h2').textContent === 'My profile', 'English');
    expect(labels(fr)[0]).to.match(/^Profile completeness: \d{1,3}%$/);
  });

  it('at a 360 px viewport (and side by side on a wider one), inside a site’s page and panel, every “who sees” choice is readable in full', async () => {
    const { api, tenant } = await apiConfig();
    try {
      for (const [lang, width] of [['fr', 360], ['en', 360], ['fr', 1024], ['en', 1024]] as const) {
        await setViewport({ width, height: 640 });
        // As the demo site embeds it: its font and size, its page margins, a bordered panel.
        const page = await fixture<HTMLElement>(html`<div style="font: 17px system-ui, sans-serif; padding: 0 1.25rem">
          <div style="border: 1px solid #d5dbe4; padding: 1.25rem 1.5rem">
            <passerelle-profile-editor lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken('alumna-claire')}></passerelle-profile-editor>
          </div>
        </div>`);
        const el = page.querySelector<PasserelleProfileEditor>('passerelle-profile-editor')!;
        await until(() => el.profile && el.shadowRoot!.querySelector('form'), 'the profile to load', 15_000);
        await el.updateComplete;
        const selects = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('select[name^="visibility."]')];
        expect(selects.length).to.be.greaterThan(10);
        for (const select of selects) {
          // The width the select needs to show its longest choice whole: a copy at its natural width.
          const natural = select.cloneNode(true) as HTMLSelectElement;
          natural.removeAttribute('id');
          natural.style.cssText = 'width: max-content; max-width: none; position: absolute; visibility: hidden';
          select.after(natural);
          const needed = natural.offsetWidth;
          natural.remove();
          expect(needed, `${lang} at ${width} px, ${select.name}: ${needed}px needed, ${select.offsetWidth}px given`).to.be.at.most(select.offsetWidth);
        }
        const form = shadow(el, 'form');
        expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      }
    } finally {
      await setViewport(DEFAULT_VIEWPORT);
    }
  });

  it('inside a portal, a new person signed in sees their own profile, never the previous one’s', async () => {
    const { api, tenant } = await apiConfig();
    const portal = await fixture<PasserellePortal>(
      html`<passerelle-portal lang="en" api=${api} tenant=${tenant} .identityToken=${await hostToken('alumna-claire')}><passerelle-profile-editor></passerelle-profile-editor></passerelle-portal>`,
    );
    const el = portal.querySelector<PasserelleProfileEditor>('passerelle-profile-editor')!;
    await until(() => el.shadowRoot!.querySelector(`#${FormController.id('familyName')}`), 'Claire’s profile');
    expect(control(el, 'familyName').value).to.equal('Dubois');
    await portal.signOut();
    await until(() => !el.shadowRoot!.querySelector('form'), 'the form gone after sign-out');
    expect(el.profile).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Dubois');
    portal.identityToken = await hostToken('student-ines');
    await until(() => el.shadowRoot!.querySelector(`#${FormController.id('familyName')}`), 'a profile after the new sign-in');
    await until(() => control(el, 'familyName').value !== 'Dubois', 'Inès’s profile', 10_000);
    expect(control(el, 'familyName').value).to.equal('Martin');
    expect(el.profile?.familyName).to.equal('Martin');
    await expect(el).to.be.accessible();
  });

  it('is usable at 360 px: nothing overflows sideways', async () => {
    const el = await editor();
    el.style.width = '360px';
    el.style.display = 'block';
    await el.updateComplete;
    const form = shadow(el, 'form');
    expect(form.scrollWidth).to.be.at.most(el.clientWidth + 1);
  });
});
