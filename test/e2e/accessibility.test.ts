import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Each page of the site, the component it embeds (folder in packages/elements/src) and who looks at it. */
const pages = [
  { path: '/', name: 'home', component: 'portal', as: 'student-ines' },
  { path: '/', name: 'home-signed-out', component: 'portal', as: 'anonymous' },
  { path: '/profile.html', name: 'profile', component: 'profile-editor', as: 'alumna-claire' },
  { path: '/offers.html', name: 'offers', component: 'offer-form', as: 'rep-acme' },
  { path: '/moderation.html', name: 'moderation', component: 'offer-moderation', as: 'staff-eng' },
  { path: '/staff.html', name: 'staff-desk', component: 'staff-desk', as: 'staff-eng' },
  { path: '/company.html', name: 'company', component: 'company-space', as: 'rep-acme' },
  { path: '/pledge.html', name: 'pledge', component: 'pledge', as: 'rep-acme' },
  { path: '/consents.html', name: 'consents', component: 'consent-centre', as: 'student-ines' },
  { path: '/outbox.html', name: 'outbox-page', component: 'portal', as: 'anonymous' },
] as const;

for (const p of pages) {
  test(`${p.path} as ${p.as} passes axe with no console error`, { skip: skipUnless(p.component) }, async () => {
    const { page, errors } = await h.newPage();
    await visit(page, h.site, p.path);
    await switchPerson(page, p.as);
    const tag = `passerelle-${p.component}`;
    assert.ok(await page.evaluate((t) => customElements.get(t) !== undefined, tag), `<${tag}> did not load: see the Vite error above`);
    await portalSettled(page, p.as === 'anonymous' ? 'signed-out' : 'signed-in');
    // Let the component load its data and render it.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await h.screenshot(page, p.name);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe on ${p.path}:\n${violations.join('\n')}`);
    assert.deepEqual(errors, []);
  });
}

test('on a phone, the header, the navigation and the portal fit the screen', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const page = await context.newPage();
  await visit(page, h.site, '/');
  await portalSettled(page, 'signed-in');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 390);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await h.screenshot(page, 'home-mobile');
  await context.close();
});
