import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFromOutbox, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('without a host sign-in, the portal signs in by email code read from the dev outbox, then signs out', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await switchPerson(page, 'anonymous');
  await portalSettled(page, 'signed-out');

  const portal = page.locator('passerelle-portal');
  const email = portal.getByRole('textbox', { name: /Adresse e-mail/ });
  await email.fill('claire.dubois@alumni.demo.test');
  await h.screenshot(page, 'sign-in-1-email');
  await portal.getByRole('button', { name: 'Recevoir un code' }).click();
  const codeField = portal.getByRole('textbox', { name: /Code reçu/ });
  await codeField.waitFor();

  // As a visitor would: the outbox page, in another tab, shows the code.
  const code = await codeFromOutbox(h.api, 'claire.dubois@alumni.demo.test');
  const outbox = await page.context().newPage();
  await visit(outbox, h.site, '/outbox.html');
  const row = outbox.getByRole('row').filter({ hasText: 'claire.dubois@alumni.demo.test' }).first();
  assert.equal((await row.locator('td.code').innerText()).trim(), code);
  await h.screenshot(outbox, 'outbox');
  await outbox.close();

  await codeField.fill(code);
  await h.screenshot(page, 'sign-in-2-code');
  await portal.getByRole('button', { name: 'Se connecter' }).click();
  await portalSettled(page, 'signed-in');
  await portal.getByText('Claire Dubois').waitFor();
  const roles = await portal.getByRole('list', { name: 'Rôles' }).innerText();
  assert.match(roles, /Diplômé·e — École de management/);
  assert.match(roles, /Diplômé·e — Association des diplômés/);
  await h.screenshot(page, 'sign-in-3-signed-in');

  await portal.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await portalSettled(page, 'signed-out');
  await portal.getByRole('textbox', { name: /Adresse e-mail/ }).waitFor();
  assert.equal(await portal.getByText('Claire Dubois').count(), 0);
  assert.deepEqual(errors, []);
});

test('a wrong code is refused in words, and the form stays', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await switchPerson(page, 'anonymous');
  await portalSettled(page, 'signed-out');
  const portal = page.locator('passerelle-portal');
  await portal.getByRole('textbox', { name: /Adresse e-mail/ }).fill('visiteur@example.org');
  await portal.getByRole('button', { name: 'Recevoir un code' }).click();
  const code = await codeFromOutbox(h.api, 'visiteur@example.org');
  const wrong = code === '000000' ? '111111' : '000000';
  await portal.getByRole('textbox', { name: /Code reçu/ }).fill(wrong);
  await portal.getByRole('button', { name: 'Se connecter' }).click();
  await portal.getByText(/code est erroné|code is wrong|wrong or has expired|expiré/i).first().waitFor();
  await h.screenshot(page, 'sign-in-wrong-code');
  assert.notEqual(await portal.getByRole('textbox', { name: /Code reçu/ }).count(), 0);
  // The API answers 401; the browser logs that failed request, which is expected here.
  assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)), []);
});
