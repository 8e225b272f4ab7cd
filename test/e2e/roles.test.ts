import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { portalCan, portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('the role switcher signs in a student, then staff, and the portal shows each one’s roles and rights', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await switchPerson(page, 'student-ines');
  await portalSettled(page, 'signed-in');
  const portal = page.locator('passerelle-portal');
  await portal.getByText('Inès Martin').waitFor();
  assert.match(await portal.getByRole('list', { name: 'Rôles' }).innerText(), /Étudiant·e — École d'ingénieurs/);
  const student = await portalCan(page);
  assert.equal(student['offer.create'], true);
  assert.equal(student['offer.moderate'], false);
  assert.equal(student['company.create'], false);

  await switchPerson(page, 'staff-eng');
  await portalSettled(page, 'signed-in');
  await portal.getByText('Sophie Bernard').waitFor();
  assert.match(await portal.getByRole('list', { name: 'Rôles' }).innerText(), /Personnel — École d'ingénieurs/);
  const staff = await portalCan(page);
  assert.equal(staff['offer.moderate'], true);
  assert.equal(staff['company.create'], true);
  await h.screenshot(page, 'home-staff');
  assert.deepEqual(errors, []);
});

test('staff see the moderation queue; a student is told they cannot moderate', { skip: skipUnless('offer-moderation') }, async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/moderation.html');
  await switchPerson(page, 'student-ines');
  await portalSettled(page, 'signed-in');
  const moderation = page.locator('passerelle-offer-moderation');
  await moderation.getByText(/Seuls le personnel des écoles et les administrateurs relisent les offres/).waitFor();
  assert.equal(await moderation.getByRole('button', { name: 'Publier' }).count(), 0);
  await h.screenshot(page, 'moderation-student');

  await switchPerson(page, 'staff-eng');
  await portalSettled(page, 'signed-in');
  await moderation.getByRole('heading', { name: 'Offres à relire' }).waitFor();
  // The demo seeds offers waiting for the engineering school's review.
  await moderation.getByText(/\d+ offres? à relire|Aucune offre n’attend de relecture/).first().waitFor();
  assert.equal(await moderation.getByText(/Seuls le personnel des écoles/).count(), 0);
  await h.screenshot(page, 'moderation-staff');
  assert.deepEqual(errors, []);
});
