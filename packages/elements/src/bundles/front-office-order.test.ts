import { expect } from '@open-wc/testing';
import { apiConfig, hostToken, until } from '../testing/index.ts';
import { loadFiles } from './compose.ts';

// A host page as the render benchmark's: the portal with an identity token and
// a component already in the page, then dist/front-office.js. The portal is
// defined first (scripts/set-order.ts), so the components upgrade inside a
// defined provider; they follow in the set's order.
describe('dist/front-office.js on a page that holds a portal', () => {
  it('defines the portal first, then the components in the set’s order', async () => {
    const { api, tenant } = await apiConfig();
    const portal = Object.assign(document.createElement('passerelle-portal'), { identityToken: await hostToken('alumna-claire') });
    portal.setAttribute('api', api);
    portal.setAttribute('tenant', tenant);
    portal.setAttribute('lang', 'en');
    portal.innerHTML = '<passerelle-profile-editor></passerelle-profile-editor>';
    document.body.append(portal);

    const seen: string[] = [];
    const { define } = customElements;
    customElements.define = function (this: CustomElementRegistry, ...args: Parameters<CustomElementRegistry['define']>) {
      seen.push(args[0]);
      define.apply(this, args);
    };
    try {
      await loadFiles(['front-office.js']);
    } finally {
      customElements.define = define;
    }

    expect(seen.filter((s) => s.startsWith('passerelle-'))).to.deep.equal([
      'passerelle-portal',
      'passerelle-profile-editor',
      'passerelle-offer-form',
      'passerelle-pledge',
      'passerelle-consent-centre',
    ]);
    const editor = portal.querySelector('passerelle-profile-editor')!;
    // A safety bound against a hang, not a speed check.
    await until(() => editor.shadowRoot?.querySelector<HTMLInputElement>('form input[name="emails.0.address"]')?.value, 'the profile editor to show the stored address', 30_000);
    portal.remove();
  });
});
