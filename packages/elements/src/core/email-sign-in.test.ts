import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../portal/define.ts';
import type { PasserellePortal } from '../portal/portal.ts';
import { apiConfig, deepActiveElement, keys, shadow, uniqueEmail, until } from '../testing/index.ts';

/** The long code of the latest mail the dev outbox holds for `email` (`K7QF-M2XP-9DHR`): mailed before the API answered the request for it. */
async function outboxLongCode(email: string): Promise<string | undefined> {
  const { api } = await apiConfig();
  const { items } = (await (await fetch(`${api}/v1/dev/outbox`)).json()) as { items: { to: string; subject: string }[] };
  return /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(items.find((m) => m.to === email)?.subject ?? '')?.[1];
}

describe('email sign-in with a long code', () => {
  it('takes the 12-character code typed on the keyboard, in lower case with its dashes, and signs in', async () => {
    const { api, tenant } = await apiConfig();
    const email = uniqueEmail('long');
    // Ten wrong codes for the address pause 6-digit codes: the next one mailed is long.
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${api}/v1/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, email, code: '000000' }) });
      expect(r.status).to.equal(401);
    }
    const el = await fixture<PasserellePortal>(html`<passerelle-portal lang="en" api=${api} tenant=${tenant}></passerelle-portal>`);
    shadow<HTMLInputElement>(el, 'input[type=email]').focus();
    await keys({ type: email });
    await keys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('input[autocomplete=one-time-code]') === deepActiveElement(), 'focus on the code field');
    const input = shadow<HTMLInputElement>(el, 'input[autocomplete=one-time-code]');
    expect(input.inputMode).to.not.equal('numeric');
    const code = (await outboxLongCode(email))?.toLowerCase();
    expect(code).to.match(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const signedIn = oneEvent(el, 'passerelle-signed-in');
    await keys({ type: code! });
    expect(input.value).to.equal(code);
    await keys({ press: 'Enter' });
    const event = await signedIn;
    expect(event.detail.method).to.equal('email');
    expect(event.detail.me.person.email).to.equal(email);
  });
});
