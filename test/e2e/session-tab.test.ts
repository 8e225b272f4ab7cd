import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { codeFromOutbox, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

// Before any script of each page load: every `passerelle-signed-in` the page announces (a string:
// tsx would wrap a function's helpers in a `__name` the page does not have).
const RECORD_SIGN_INS = `window.__signIns = []; document.addEventListener('passerelle-signed-in', (e) => window.__signIns.push(e.detail.method), true);`;
const signIns = (page: Page) => page.evaluate(() => (window as unknown as { __signIns: string[] }).__signIns);
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(sessionStorage));
const storedToken = (page: Page) => page.evaluate(() => (JSON.parse(sessionStorage.getItem('passerelle.session') ?? '{}') as { token?: string }).token);

async function mailsTo(email: string): Promise<number> {
  const { items } = (await (await fetch(`${h.api}/v1/dev/outbox`)).json()) as { items: Array<{ to: string }> };
  return items.filter((m) => m.to === email).length;
}

/** The email-code form of the page's portal, as a visitor fills it. */
async function signInByCode(page: Page, email: string): Promise<void> {
  const portal = page.locator('passerelle-portal');
  await portal.getByRole('textbox', { name: /Adresse e-mail/ }).fill(email);
  await portal.getByRole('button', { name: 'Recevoir un code' }).click();
  const codeField = portal.getByRole('textbox', { name: /Code reçu/ });
  await codeField.waitFor();
  await codeField.fill(await codeFromOutbox(h.api, email));
  await portal.getByRole('button', { name: 'Se connecter' }).click();
  await portalSettled(page, 'signed-in');
}

test('an email-code visitor stays signed in from page to page of the tab (six page loads, one code), is signed out after signing out, and a session ended elsewhere is not shown as signed in', async () => {
  const { page, errors } = await h.newPage();
  await page.context().addInitScript(RECORD_SIGN_INS);
  await visit(page, h.site, '/');
  await switchPerson(page, 'anonymous');
  await portalSettled(page, 'signed-out');
  const email = 'visiteuse.onglet@example.org';
  await signInByCode(page, email);

  // Six real page loads: more than the five codes an address may ask for in 15 minutes.
  for (const path of ['/profile.html', '/consents.html', '/pledge.html', '/offers.html', '/moderation.html', '/']) {
    await visit(page, h.site, path);
    await portalSettled(page, 'signed-in');
    await page.locator('passerelle-portal').getByText(email).first().waitFor();
    assert.deepEqual(await signIns(page), ['email'], `${path}: signed in from the tab's session`);
  }
  await h.screenshot(page, 'session-tab-signed-in-after-navigation');
  assert.equal(await mailsTo(email), 1, 'one code for the whole visit');
  assert.deepEqual(await storedKeys(page), ['passerelle.session']);
  // Only there: neither in localStorage (the demo keeps its language there) nor in a cookie.
  const kept = await storedToken(page);
  assert.ok(kept);
  assert.equal(await page.evaluate((t) => Object.values(localStorage).some((v) => v.includes(t)), kept), false);
  assert.equal((await page.context().cookies()).some((c) => c.value.includes(kept)), false);

  // Another tab of the same browser (same cookies, same localStorage): not signed in.
  const otherTab = await page.context().newPage();
  await visit(otherTab, h.site, '/profile.html');
  await portalSettled(otherTab, 'signed-out');
  assert.deepEqual(await signIns(otherTab), []);
  await otherTab.close();

  await page.locator('passerelle-portal').getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await portalSettled(page, 'signed-out');
  assert.deepEqual(await storedKeys(page), []);
  await visit(page, h.site, '/profile.html');
  await portalSettled(page, 'signed-out');
  await page.locator('passerelle-portal').getByRole('textbox', { name: /Adresse e-mail/ }).waitFor();
  assert.deepEqual(await signIns(page), []);
  assert.deepEqual(await storedKeys(page), []);

  // Signed in again, then every session of the person is ended from elsewhere (another device),
  // once the page has read what it shows (the profile form's consent choices come just after the
  // profile): a read answered 401 on this page would end the tab's session here, before the next page.
  await signInByCode(page, email);
  await page.locator('passerelle-profile-editor [data-purpose]').first().waitFor();
  const token = await storedToken(page);
  assert.ok(token);
  const ended = await fetch(`${h.api}/v1/auth/sessions/end-all`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.equal(ended.status, 204);
  await visit(page, h.site, '/consents.html');
  await portalSettled(page, 'signed-out');
  await page.locator('passerelle-portal').getByText('Votre session a expiré. Reconnectez-vous.').waitFor();
  assert.deepEqual(await signIns(page), [], 'nothing signed in was shown');
  assert.deepEqual(await storedKeys(page), []);
  await h.screenshot(page, 'session-tab-ended-elsewhere');
  // The API refused the ended session (401), which the browser logs: expected here.
  assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)), []);
});
