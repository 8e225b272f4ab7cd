/**
 * "Mes dons et promesses" in <passerelle-pledge> on the demo site, as each
 * role sees it (demo seed: Claire's monthly gift to the scholarship fund,
 * Acme's apprenticeship tax to the École de management): a donor, a student
 * who gives through the form, a company representative, and the staff of
 * the school Acme pledged to, for whom Acme's pledge is not theirs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Opens the pledge page as `sub` (in French, the demo's language) and answers the history once read. */
async function historyAs(page: Page, sub: string) {
  await visit(page, h.site, '/pledge.html');
  await switchPerson(page, sub);
  await portalSettled(page, 'signed-in');
  const history = page.locator('passerelle-pledge [part=history]');
  await history.getByRole('heading', { name: 'Mes dons et promesses' }).waitFor();
  await history.getByRole('status').filter({ hasText: /dons? (et|ou) promesses?|aucun don/ }).waitFor();
  return history;
}

/** One pledge of the list as read on screen, spaces normalised. */
const read = async (item: ReturnType<Page['locator']>) => (await item.innerText()).replace(/\s+/g, ' ');

test('a donor reads her monthly gift: fund, amount, status, reference, date; no tax-receipt note on a gift', async () => {
  const { page, errors } = await h.newPage();
  const history = await historyAs(page, 'alumna-claire');
  const items = history.locator('[part=history-item]');
  assert.equal(await items.count(), 1);
  const text = await read(items.first());
  assert.match(text, /Don · Fondation · Fonds de bourses/);
  assert.match(text, /Statut promise/);
  assert.match(text, /Montant 25,00 € \(Chaque mois\)/);
  assert.match(text, /Promis le \d{1,2}(er)? \S+ \d{4}/);
  assert.match(text, /Référence [0-9a-f-]{36}/);
  assert.doesNotMatch(text, /reçu fiscal/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a student gives through the form and finds the gift at the top of her history, and nobody else’s', async () => {
  const { page, errors } = await h.newPage();
  const history = await historyAs(page, 'student-ines');
  const before = await history.locator('[part=history-item]').count();
  const pledge = page.locator('passerelle-pledge');
  for (const [name, value] of [['amountCents', '45'], ['donor.address.line1', '5 rue de la Paix'], ['donor.address.postalCode', '75002'], ['donor.address.city', 'Paris']]) {
    await pledge.locator(`[name="${name}"]`).fill(value!);
  }
  await pledge.getByRole('button', { name: 'Promettre ce don' }).click();
  await pledge.getByRole('heading', { name: 'Merci, votre promesse est enregistrée' }).waitFor();
  const reference = (await pledge.locator('[part=confirmation] dd code').innerText()).trim();
  const first = history.locator('[part=history-item]').first();
  await first.filter({ hasText: reference }).waitFor();
  assert.equal(await history.locator('[part=history-item]').count(), before + 1);
  assert.match(await read(first), /Don · Fondation .*Montant 45,00 €/);
  assert.doesNotMatch(await history.innerText(), /Fonds de bourses|Acme Robotique/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a company representative reads the company’s apprenticeship tax, said to get no tax receipt, on a 360 px phone', async () => {
  const { page, errors } = await h.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const history = await historyAs(page, 'rep-acme');
  const tax = history.locator('[part=history-item]', { hasText: 'École de management' });
  const text = await read(tax);
  assert.match(text, /Taxe d’apprentissage · École de management/);
  assert.match(text, /Entreprise Acme Robotique/);
  assert.match(text, /Montant estimé 4 200,00 €/);
  assert.match(text, /Part du solde 30 %/);
  assert.match(text, /Campagne \d{4}/);
  assert.match(text, /La taxe d’apprentissage ne donne lieu à aucun reçu fiscal : elle relève de SOLTéA\./);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing overflows sideways at 360 px');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('the staff of the school Acme pledged to have given nothing themselves: Acme’s pledge to their school is not listed as theirs', async () => {
  const { page, errors } = await h.newPage();
  const history = await historyAs(page, 'staff-mgmt');
  await history.getByRole('status').filter({ hasText: 'Vous n’avez encore fait aucun don ni aucune promesse.' }).waitFor();
  assert.equal(await history.locator('[part=history-item]').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
