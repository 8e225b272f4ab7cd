import { expect } from '@open-wc/testing';
import { componentInPortal, hasOwnSignIn, loadFiles, warningsDuring } from './compose.ts';

// Two copies of the same files from two folders (a host that loads Passerelle
// twice): each tag defined twice warns once, in a sentence naming both scripts;
// the first definitions stay, and still meet the other copy's portal.
describe('two copies of dist/ on one page', () => {
  it('warn once per tag defined twice, naming both files, and the components still join the portal', async () => {
    await loadFiles(['pledge.js']);
    const warnings = await warningsDuring(async () => {
      await loadFiles(['front-office.js', 'pledge.js'], 'dist-copy');
    });
    const aboutPledge = warnings.filter((w) => w.includes('<passerelle-pledge>'));
    expect(aboutPledge, 'warnings about <passerelle-pledge>').to.have.length(1);
    expect(aboutPledge[0]).to.match(/<passerelle-pledge> is already defined by \S+\/__passerelle\/dist\/chunks\/\S+\.js; the copy in \S+\/__passerelle\/dist-copy\/chunks\/\S+\.js is ignored/);
    // The portal was defined by the copy only: no warning about it.
    expect(warnings.some((w) => w.includes('<passerelle-portal>'))).to.equal(false);
    // The pledge of the first copy inside the portal of the second: one context key for both.
    const { portal, component } = await componentInPortal('passerelle-pledge', 'rep-acme', (root) => root.querySelectorAll('form input, form select').length > 3);
    expect(hasOwnSignIn(component)).to.equal(false);
    await expect(portal).to.be.accessible();
  });
});
