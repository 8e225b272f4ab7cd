import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/**
 * What a visitor sees of the boxes on the page: the bordered ones drawn with
 * nothing inside, and the portals that paint a background of their own over
 * what they sit on (a band across the page).
 */
async function looks(page: Page): Promise<{ emptyBoxes: string[]; bands: string[] }> {
  // A string, not a function: tsx would wrap the helpers' names in a `__name` the page does not have.
  return page.evaluate(`(() => {
    const transparent = (c) => c === 'transparent' || c === 'rgba(0, 0, 0, 0)';
    const behind = (el) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (!transparent(color)) return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const emptyBoxes = [...document.querySelectorAll('main *')].flatMap((el) => {
      const s = getComputedStyle(el);
      if (el.getClientRects().length === 0 || s.visibility === 'hidden') return [];
      const bordered = ['top', 'right', 'bottom', 'left'].every((side) => parseFloat(s.getPropertyValue('border-' + side + '-width')) > 0 && s.getPropertyValue('border-' + side + '-style') !== 'none');
      if (!bordered) return [];
      const content = el.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
      return content < 1 ? ['<' + el.localName + ' class="' + el.className + '">'] : [];
    });
    const bands = [...document.querySelectorAll('passerelle-portal')].flatMap((portal) => {
      const own = getComputedStyle(portal).backgroundColor;
      return transparent(own) || own === behind(portal) ? [] : ['<passerelle-portal> paints ' + own + ' over ' + behind(portal)];
    });
    return { emptyBoxes, bands };
  })()`);
}

for (const path of ['/offers.html', '/moderation.html']) {
  for (const width of [360, 1280]) {
    test(`${path} at ${width} px: signed out, one sign-in prompt and no empty box; signed in, the panels are back`, { skip: skipUnless('offer-form', 'offer-moderation', 'company-requests') }, async () => {
      const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      try {
        await visit(page, h.site, path);
        await switchPerson(page, 'anonymous');
        await portalSettled(page, 'signed-out');
        await page.getByRole('heading', { name: 'Connexion' }).waitFor();
        const out = await looks(page);
        await h.screenshot(page, `signed-out${path.replace(/\W+/g, '-')}${width}`);
        assert.deepEqual(out.emptyBoxes, [], 'empty bordered boxes');
        assert.deepEqual(out.bands, [], 'a band of its own colour');
        // One way to sign in, said once: the portal's.
        assert.equal(await page.getByText(/^Connexion$|Connectez-vous/).filter({ visible: true }).count(), 1);

        await switchPerson(page, path === '/offers.html' ? 'rep-acme' : 'staff-eng');
        await portalSettled(page, 'signed-in');
        const component = page.locator(path === '/offers.html' ? 'passerelle-offer-form' : 'passerelle-offer-moderation');
        await component.getByRole('heading', { level: 2 }).first().waitFor();
        assert.ok(await component.isVisible(), 'the component is shown once signed in');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}
