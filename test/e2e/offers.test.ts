import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

test('a company posts an offer, the school’s staff publish it, and the site lists it', { skip: skipUnless('offer-form', 'offer-moderation') }, async () => {
  const title = `Stage — banc d’essai ${Math.random().toString(36).slice(2, 7)}`;
  const { page, errors } = await h.newPage();

  // Marc Lefèvre, Acme Robotique's representative, posts it.
  await visit(page, h.site, '/offers.html');
  await switchPerson(page, 'rep-acme');
  await portalSettled(page, 'signed-in');
  const form = page.locator('passerelle-offer-form');
  await form.getByRole('combobox', { name: /Entreprise/ }).fill('Acme');
  await form.getByRole('option', { name: /Acme Robotique/ }).click();
  await form.getByRole('textbox', { name: /Intitulé du poste/ }).fill(title);
  await form.getByRole('checkbox', { name: 'École d\'ingénieurs' }).check();
  await form.getByRole('textbox', { name: /^Description/ }).fill('Deux mois au banc d’essai des bras robotisés.');
  await form.getByRole('textbox', { name: /^Lieu/ }).fill('Lyon');
  await form.getByRole('combobox', { name: /Télétravail/ }).selectOption('onsite');
  await form.getByLabel(/Date de début/).fill(day(60));
  await form.getByRole('spinbutton', { name: /^Durée/ }).fill('2');
  await form.getByRole('textbox', { name: /Comment postuler/ }).fill('https://www.acme-robotique.fr/stages');
  await form.getByLabel(/Date d’expiration/).fill(day(30));
  await form.getByRole('button', { name: 'Envoyer pour relecture' }).click();
  await form.getByText('Offre envoyée : le service de l’école la relira avant publication.').first().waitFor();
  await h.screenshot(page, 'offers-submitted');
  // Not published yet: the list on the page does not show it.
  assert.equal(await page.locator('passerelle-offer-board').getByText(title).count(), 0);

  // Sophie Bernard, staff of the engineering school, publishes it.
  await visit(page, h.site, '/moderation.html');
  await switchPerson(page, 'staff-eng');
  await portalSettled(page, 'signed-in');
  const moderation = page.locator('passerelle-offer-moderation');
  await moderation.getByRole('button', { name: `Ouvrir « ${title} »` }).click();
  await moderation.getByRole('button', { name: 'Publier' }).click();
  await moderation.getByText(`« ${title} » est publiée.`).waitFor();

  // Anyone signed in now finds it among the published offers.
  await visit(page, h.site, '/offers.html');
  await switchPerson(page, 'student-ines');
  await portalSettled(page, 'signed-in');
  const board = page.locator('passerelle-offer-board');
  await board.getByRole('button', { name: `Lire l’offre : ${title}` }).click();
  await board.getByRole('heading', { name: title }).waitFor();
  assert.equal(await board.getByRole('link', { name: 'Candidater sur le site de l’entreprise (nouvelle fenêtre)' }).getAttribute('href'), 'https://www.acme-robotique.fr/stages');
  await h.screenshot(page, 'offers-published');
  assert.deepEqual(errors, []);
});
