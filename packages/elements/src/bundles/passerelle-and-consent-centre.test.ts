import { expect } from '@open-wc/testing';
import { componentInPortal, hasOwnSignIn, litCopies, loadFiles } from './compose.ts';

describe('dist/passerelle.js + dist/consent-centre.js on one page', () => {
  it('load one Lit, and the consent centre shows the person’s consents with the portal’s session', async () => {
    const before = litCopies();
    await loadFiles(['passerelle.js', 'consent-centre.js']);
    expect(litCopies() - before, 'copies of Lit the two files added').to.equal(1);
    const { portal, component } = await componentInPortal('passerelle-consent-centre', 'student-ines', (root) => root.querySelectorAll('input[type="checkbox"]').length > 0);
    expect(hasOwnSignIn(component)).to.equal(false);
    await expect(portal).to.be.accessible();
  });
});
