import { expect } from '@open-wc/testing';
import { until } from '../testing/index.ts';
import { componentInPortal, hasOwnSignIn, litCopies, loadFiles, warningsDuring } from './compose.ts';

// The portal alone, then the front-office set (which holds the portal too): the
// second file reuses the first's chunks, so nothing is defined twice.
describe('dist/portal.js + dist/front-office.js on one page', () => {
  it('load one Lit, define each tag once without a warning, and the profile editor joins the portal', async () => {
    const before = litCopies();
    const warnings = await warningsDuring(() => loadFiles(['portal.js', 'front-office.js']));
    expect(litCopies() - before, 'copies of Lit the two files added').to.equal(1);
    expect(warnings.filter((w) => w.includes('[passerelle]'))).to.deep.equal([]);
    const { portal, component } = await componentInPortal(
      'passerelle-profile-editor',
      'alumna-claire',
      (root) => !!root.querySelector<HTMLInputElement>('form input[name="emails.0.address"]')?.value,
    );
    expect(hasOwnSignIn(component)).to.equal(false);
    // The sign-in addresses section, fetched with one's own profile, in the portal's English (dist/en/profile-editor.js holds its words).
    await until(() => component.shadowRoot!.querySelector('[part=addresses] h3')?.textContent === 'My sign-in addresses', 'the addresses section in English', 30_000);
    await expect(portal).to.be.accessible();
  });
});
