import { expect, fixture } from '@open-wc/testing';
import { apiConfig, hostToken, until } from '../testing/index.ts';
import { loadFiles } from './compose.ts';

// dist/consent-centre.js alone on a page, no portal: the component fetches the
// code of its own session (dist/chunks/own-session-*.js) when it connects,
// trades the host's identity token and shows the person's consents.
describe('dist/consent-centre.js alone', () => {
  it('signs in with the host’s identity token and shows the consents, in English when the page says so', async () => {
    await loadFiles(['consent-centre.js']);
    const { api, tenant } = await apiConfig();
    const el = await fixture<HTMLElement & { identityToken?: string }>(`<passerelle-consent-centre lang="en" api="${api}" tenant="${tenant}"></passerelle-consent-centre>`);
    el.identityToken = await hostToken('student-ines');
    // A safety bound against a hang, not a speed check.
    await until(() => el.shadowRoot?.querySelector('[part=cap] form'), 'the consents and the lower sections', 30_000);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('My consents');
    expect(el.shadowRoot!.querySelector('[part=cap] h3')!.textContent).to.equal('Number of messages');
    expect(el.shadowRoot!.querySelectorAll('input[role="switch"]').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('[part~="sign-in"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
