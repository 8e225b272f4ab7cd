import { expect } from '@open-wc/testing';
import { componentInPortal, hasOwnSignIn, litCopies, loadFiles } from './compose.ts';

// dist/portal.js and dist/pledge.js on one page: they used to carry a Lit and a
// portal context each, and the pledge inside the portal stayed an empty shadow root.
describe('dist/portal.js + dist/pledge.js on one page', () => {
  it('load one Lit, and the pledge shows its form with the portal’s session', async () => {
    const before = litCopies();
    await loadFiles(['portal.js', 'pledge.js']);
    expect(litCopies() - before, 'copies of Lit the two files added').to.equal(1);
    const { portal, component } = await componentInPortal('passerelle-pledge', 'rep-acme', (root) => root.querySelectorAll('form input, form select').length > 3);
    expect(hasOwnSignIn(component)).to.equal(false);
    await expect(portal).to.be.accessible();
  });
});
