/**
 * The staff desk on the demo site (staff.html), by role: the staff of
 * Claire's school find her and read her entries of the audit log, in French,
 * with axe and the console clean; a student is told the desk is for staff.
 */
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

const skip = skipUnless('staff-desk');

test('the staff of Claire’s school find her and read her entries of the audit log', { skip }, async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, 'staff-mgmt');
  await portalSettled(page, 'signed-in');
  const desk = page.locator('passerelle-staff-desk');
  await desk.getByRole('heading', { name: 'Bureau du personnel' }).waitFor();
  await desk.getByLabel('Nom ou prénom').fill('dubo');
  await desk.getByRole('button', { name: 'Rechercher' }).click();
  await desk.getByRole('status').filter({ hasText: '1 personne trouvée.' }).waitFor();
  await desk.getByRole('button', { name: 'Journal de Claire Dubois' }).click();
  const person = desk.getByLabel('Personne', { exact: true });
  // The log first shows the reader's own entries: the status says "entrées" before Claire's are asked for.
  await person.locator('option:checked', { hasText: 'Claire Dubois' }).waitFor({ state: 'attached' });
  await desk.locator('[data-audit-status]').filter({ hasText: /entrées?|Aucune entrée/ }).waitFor();
  assert.notEqual(await person.inputValue(), '');
  assert.equal(await person.locator('option:checked').innerText(), 'Claire Dubois');
  await h.screenshot(page, 'staff-desk-staff');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a student is told the desk is for staff', { skip }, async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, 'student-ines');
  await portalSettled(page, 'signed-in');
  await page.locator('passerelle-staff-desk').getByText('Le bureau est réservé au personnel des écoles et aux administrateurs.').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
