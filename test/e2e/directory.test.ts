/**
 * The alumni directory on the demo site, as each role sees it: the same
 * alumna (Claire Dubois, demo seed: job public; school, class, city and
 * availability shown to the network; addresses private) read by a student,
 * a company representative and the staff of her school.
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

const skip = skipUnless('directory');

/** Opens the directory as `sub`, searches Claire by the start of her name and answers her card. */
async function claireAs(page: Page, sub: string) {
  await visit(page, h.site, '/directory.html');
  await switchPerson(page, sub);
  await portalSettled(page, 'signed-in');
  const directory = page.locator('passerelle-directory');
  await directory.getByRole('status').filter({ hasText: /personnes? trouvées?|affichées/ }).waitFor();
  await directory.getByLabel('Nom ou prénom').fill('dubo');
  await directory.getByRole('button', { name: 'Rechercher' }).click();
  await directory.getByRole('status').filter({ hasText: '1 personne trouvée.' }).waitFor();
  return directory.locator('[part=person]');
}

test('a student finds Claire with her school, class, city and availability, and no way to write to her', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const claire = await claireAs(page, 'student-ines');
  await claire.getByRole('heading', { name: 'Claire Dubois' }).waitFor();
  const text = await claire.innerText();
  assert.match(text, /École de management · Promotion 2019/);
  assert.match(text, /Lyon/);
  assert.deepEqual(await claire.locator('[data-available]').allInnerTexts(), ['Mentorat', 'Interventions']);
  assert.equal(await claire.getByRole('link').count(), 0);
  await h.screenshot(page, 'directory-student');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a company representative sees only what Claire made public', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const claire = await claireAs(page, 'rep-acme');
  const text = await claire.innerText();
  assert.match(text, /Globex Conseil/);
  assert.doesNotMatch(text, /2019|Lyon|École de management/);
  assert.equal(await claire.locator('[part=badges]').count(), 0);
  assert.equal(await claire.getByRole('link').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('the staff of her school read her address and may write to her', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const claire = await claireAs(page, 'staff-mgmt');
  const link = claire.getByRole('link', { name: 'Écrire à Claire Dubois : claire.dubois@alumni.demo.test' });
  assert.equal(await link.getAttribute('href'), 'mailto:claire.dubois@alumni.demo.test');
  await h.screenshot(page, 'directory-staff');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
