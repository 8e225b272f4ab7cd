import { expect } from '@open-wc/testing';
import { componentInPortal, hasOwnSignIn, loadFiles } from './compose.ts';

/** The dist/chunks/ files this page fetched whose name starts with `name-` (a module imported dynamically). */
const fetched = (name: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => new RegExp(`/__passerelle/dist/chunks/${name}-\\w+\\.js$`).test(url));

// dist/consent-centre.js holds the purposes and their switches (its budget,
// budgets.json); the lower sections come with the person's data, and a
// component inside a portal never fetches the code of a session of its own.
describe('dist/portal.js + dist/consent-centre.js on one page', () => {
  it('show the consents and the lower sections with the portal’s session, without fetching a session of the component’s own', async () => {
    await loadFiles(['portal.js', 'consent-centre.js']);
    const { portal, component } = await componentInPortal(
      'passerelle-consent-centre',
      'student-ines',
      (root) => root.querySelectorAll('input[type="checkbox"][role="switch"]').length > 0 && !!root.querySelector('[part=cap] form') && !!root.querySelector('[part=erasure]'),
    );
    expect(hasOwnSignIn(component)).to.equal(false);
    expect(fetched('rights'), 'the lower sections, fetched with the data').to.have.length(1);
    expect(fetched('own-session'), 'a session of the component’s own').to.deep.equal([]);
    await expect(portal).to.be.accessible();
  });
});
