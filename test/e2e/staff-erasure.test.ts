/**
 * The staff desk's erasure requests on the demo site (staff.html), by role,
 * in Chromium against the real API: Claire asks to be erased; the staff of
 * the École de management read the request with its due date, one month on,
 * and process it; the engineering school's staff never see it. In French,
 * axe and the console clean.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const skip = skipUnless('staff-desk');

async function deskAs(page: Page, sub: string) {
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, sub);
  await portalSettled(page, 'signed-in');
  const desk = page.locator('passerelle-staff-desk');
  await desk.getByRole('heading', { name: 'Bureau du personnel' }).waitFor();
  return desk;
}

test('the staff of Claire’s school process her erasure request, due one month after she asked; the engineering school’s staff never see it', { skip }, async () => {
  const { page, errors } = await h.newPage();
  // Claire asks, from her consent centre's page, through the API with the token the host site signs for her.
  await visit(page, h.site, '/');
  await switchPerson(page, 'alumna-claire');
  const { token } = (await (await page.request.get(`${h.site}/host/identity-token`)).json()) as { token: string };
  const session = ((await (await fetch(`${h.api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).json()) as { token: string }).token;
  const asked = await fetch(`${h.api}/v1/me/erasure`, { method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true, note: 'Je quitte le réseau.' }) });
  assert.equal(asked.status, 201);
  const { dueOn } = (await asked.json()) as { dueOn: string };
  const due = new Date(`${dueOn}T00:00:00Z`).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

  const elsewhere = await deskAs(page, 'staff-eng');
  await elsewhere.getByRole('tab', { name: 'Demandes d’effacement' }).click();
  await elsewhere.getByText('Aucune demande d’effacement en attente.').waitFor();

  const desk = await deskAs(page, 'staff-mgmt');
  await desk.getByRole('tab', { name: 'Demandes d’effacement' }).click();
  const request = desk.locator('[part=erasure-request]').filter({ hasText: 'Claire Dubois' });
  await request.waitFor();
  assert.match(await request.locator('[data-due]').innerText(), new RegExp(`^À traiter avant le ${due}, dans \\d+ jours\\.$`));
  assert.equal(await request.locator('blockquote').innerText(), 'Je quitte le réseau.');
  await request.getByRole('button', { name: 'Traiter la demande de Claire Dubois' }).click();
  await request.getByRole('button', { name: 'Effacer les données de Claire Dubois' }).click();
  await desk.getByRole('status').filter({ hasText: 'Demande de Claire Dubois traitée : ses données sont effacées.' }).waitFor();
  assert.equal(await desk.locator('[part=erasure-request]').count(), 0);
  await h.screenshot(page, 'staff-desk-erasure');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
