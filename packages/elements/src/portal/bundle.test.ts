import { expect, fixture } from '@open-wc/testing';
import { apiConfig, hostToken, shadow, until } from '../testing/index.ts';

/** A URL only known at run time (a variable, so TypeScript does not resolve it). */
const load = (url: string): Promise<unknown> => import(url);

// The minified production bundle (built by the test config with scripts/build.ts),
// loaded as a host page would: it must work on its own, Lit included.
describe('dist/portal.js', () => {
  it('defines <passerelle-portal> and signs in against the real API', async () => {
    await load('/__passerelle/dist/portal.js');
    expect(customElements.get('passerelle-portal')).to.exist;
    const { api, tenant } = await apiConfig();
    const el = await fixture<HTMLElement & { identityToken?: string }>(`<passerelle-portal lang="en" api="${api}" tenant="${tenant}"></passerelle-portal>`);
    el.identityToken = await hostToken('alumna-claire');
    await until(() => el.shadowRoot?.querySelector('.name'), 'signed in');
    expect(shadow(el, '.name').textContent).to.equal('Claire Dubois');
    await expect(el).to.be.accessible();
  });

  it('loaded again from the same folder, runs its shared chunks once: no second definition, no warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      await load('/__passerelle/dist/portal.js?copy=2');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('[passerelle]'))).to.deep.equal([]);
  });
});
