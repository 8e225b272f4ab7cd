import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.ts';
import type { PasserelleStaffDesk } from './staff-desk.ts';
import { apiConfig, DEFAULT_VIEWPORT, deepActiveElement, hostToken, keys, setViewport, shadow, until, type DemoSubject } from '../testing/index.ts';

async function desk(sub: DemoSubject, lang = 'en'): Promise<PasserelleStaffDesk> {
  const { api, tenant } = await apiConfig();
  const el = await fixture<PasserelleStaffDesk>(html`<passerelle-staff-desk lang=${lang} api=${api} tenant=${tenant} .identityToken=${await hostToken(sub)}></passerelle-staff-desk>`);
  await until(() => el.shadowRoot!.querySelector('[role=tab]'), 'signed in', 30_000);
  return el;
}

const text = (el: Element, selector: string) => shadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** An alumnus of École d'ingénieurs recorded and last seen four years ago (server/scripts/inactive-person.ts). */
async function inactivePerson(): Promise<{ name: string; personId: string }> {
  const name = `Paul Ancien${crypto.randomUUID().slice(0, 6)}`;
  const res = await fetch(`/__passerelle/inactive-person?name=${encodeURIComponent(name)}`);
  const { personId } = (await res.json()) as { personId: string };
  return { name, personId };
}

/** Opens the retention tab with the keyboard (End: the last tab). */
async function openRetention(el: PasserelleStaffDesk): Promise<void> {
  shadow<HTMLButtonElement>(el, '#tab-people').focus();
  await keys({ press: 'End' });
  await until(() => deepActiveElement() === shadow(el, '#tab-retention'), 'focus on the retention tab');
  await until(() => el.shadowRoot!.querySelector('#panel-retention [data-retention-count], #panel-retention [data-retention-empty]'), 'the inactive people', 30_000);
}

/** The day three years ago, as the rule says it (UTC). */
function threeYearsAgo(locale: string): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear() - 3, now.getUTCMonth(), now.getUTCDate()));
  return day.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
}

describe('<passerelle-staff-desk>: inactive people (retention)', () => {
  afterEach(() => setViewport(DEFAULT_VIEWPORT));

  it('shows the rule and an alumnus inactive for four years, and anonymises him after a confirmation, with the keyboard', async () => {
    const person = await inactivePerson();
    const el = await desk('staff-eng');
    await openRetention(el);
    expect(text(el, '#tab-retention')).to.equal('Inactive people');
    expect(text(el, '#panel-retention [data-rule]')).to.equal(
      `Listed: the people of your schools with no sign of life since ${threeYearsAgo('en')}, that is 3 years (the default): no sign-in, no profile confirmed or changed, no gift, no consent choice, no new membership.`,
    );
    expect(text(el, '#panel-retention .meta')).to.contain('The CNIL recommends keeping the data of a file of prospects');
    const item = () => el.shadowRoot!.querySelector<HTMLElement>(`[part=inactive-person][data-person="${person.personId}"]`);
    await until(item, 'the inactive alumnus', 30_000);
    expect(item()!.querySelector('h4')!.textContent).to.equal(person.name);
    expect(item()!.querySelector('.meta')!.textContent).to.equal("École d'ingénieurs (alumnus)");
    expect(item()!.querySelector('[data-last]')!.textContent).to.match(/^Last sign of life: (recorded in Passerelle|membership), on .+ 20\d\d\.$/);
    await expect(el).to.be.accessible();

    item()!.querySelector<HTMLButtonElement>('[data-anonymise]')!.focus();
    await keys({ press: 'Enter' });
    await until(() => deepActiveElement() === item()!.querySelector('[data-confirm]'), 'focus on the confirmation');
    expect(item()!.querySelector('[data-anonymise]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(item()!.querySelector('[data-confirm]')!.textContent).to.equal(`Anonymise ${person.name}`);
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'passerelle-saved');
    await keys({ press: 'Enter' });
    const detail = (await saved).detail as { kind: string; item: { personId: string; erasureRequestId: string } };
    expect(detail.kind).to.equal('retention-anonymised');
    expect(detail.item.personId).to.equal(person.personId);
    await until(() => !item(), 'the person out of the list', 30_000);
    expect(text(el, '[aria-labelledby=retention-title] [role=status]')).to.equal(`${person.name} is anonymised.`);
    await until(() => deepActiveElement() === shadow(el, '#retention-title'), 'focus on the heading');
    await expect(el).to.be.accessible();
  });

  it('in French at 360 px: the staff of another school do not see him, the rule in French, without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const person = await inactivePerson();
    const el = await desk('staff-mgmt', 'fr');
    await openRetention(el);
    expect(text(el, '#tab-retention')).to.equal('Personnes inactives');
    expect(text(el, '#retention-title')).to.equal('Personnes inactives à examiner');
    expect(text(el, '#panel-retention [data-rule]')).to.contain(`sans aucun signe de vie depuis le ${threeYearsAgo('fr')}, soit 3 ans (durée par défaut)`);
    expect(el.shadowRoot!.querySelector(`[data-person="${person.personId}"]`)).to.equal(null);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
