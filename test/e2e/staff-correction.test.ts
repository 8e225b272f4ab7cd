/**
 * Correcting a profile from the staff desk on the demo site (staff.html), by
 * role, in Chromium against the real API: the staff of the École de
 * management correct Claire's class in the profile editor's staff mode, and
 * Claire then reads it as her school's, read-only, on her profile page. In
 * French, axe and the console clean.
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

const skip = skipUnless('staff-desk', 'profile-editor');

async function deskAs(page: Page, sub: string) {
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, sub);
  await portalSettled(page, 'signed-in');
  const desk = page.locator('passerelle-staff-desk');
  await desk.getByRole('heading', { name: 'Bureau du personnel' }).waitFor();
  return desk;
}

async function findClaire(desk: ReturnType<Page['locator']>) {
  await desk.getByLabel('Nom ou prénom').fill('dubo');
  await desk.getByRole('button', { name: 'Rechercher' }).click();
  await desk.getByRole('status').filter({ hasText: '1 personne trouvée.' }).waitFor();
}

test('the staff of Claire’s school correct her class; Claire then reads it as her school’s', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const desk = await deskAs(page, 'staff-mgmt');
  await findClaire(desk);
  await desk.getByRole('button', { name: 'Corriger le profil de Claire Dubois' }).click();
  const editor = desk.locator('passerelle-profile-editor');
  await editor.getByRole('heading', { name: 'Profil de Claire Dubois' }).waitFor();
  assert.equal(await editor.locator('[name^="visibility."]').count(), 0);
  await editor.getByLabel('Année de diplôme').fill('2018');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByRole('status').filter({ hasText: /enregistr/ }).waitFor();
  await h.screenshot(page, 'staff-desk-correction');
  assert.deepEqual(await axeViolations(page), []);

  // Claire, on her profile page: the class is the school's, read-only.
  await visit(page, h.site, '/profile.html');
  await switchPerson(page, 'alumna-claire');
  await portalSettled(page, 'signed-in');
  const own = page.locator('passerelle-profile-editor');
  await own.getByRole('heading', { name: 'Mon profil' }).waitFor();
  assert.equal(await own.locator('[aria-labelledby=readonly-graduationYear]').innerText(), '2018');
  assert.equal(await own.locator('#field-graduationYear').count(), 0);
  assert.deepEqual(errors, []);
});
