/**
 * The company space on the demo site (issue 18 item 1), as each of its roles
 * uses it: Acme's representative (Marc) with the company's offers, pledges,
 * representatives and details; and a recruiter signed in by email, who asks
 * to represent Acme, reads the refusal staff wrote on the moderation page,
 * asks again and, once approved, sees the offers others posted for Acme
 * (before, a second representative saw [] in ?mine=true).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, codeFromOutbox, portalSettled, skipUnless, startHarness, switchPerson, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const skip = skipUnless('company-space', 'company-requests');

async function openSpace(page: Page, sub: string): Promise<Locator> {
  await visit(page, h.site, '/company.html');
  await switchPerson(page, sub);
  if (sub !== 'anonymous') await portalSettled(page, 'signed-in');
  return page.locator('passerelle-company-space');
}

/** Staff of École d'ingénieurs decide the recruiter's request on the moderation page, as they would. */
async function staffDecide(email: string, decision: { refuse: string } | 'approve'): Promise<void> {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/moderation.html');
  await switchPerson(page, 'staff-eng');
  await portalSettled(page, 'signed-in');
  const queue = page.locator('passerelle-company-requests');
  const request = queue.locator('[part=request]', { hasText: email });
  await request.waitFor();
  if (decision === 'approve') {
    await request.getByRole('button', { name: /^Approuver/ }).click();
  } else {
    await request.getByRole('button', { name: /^Refuser la demande de/ }).click();
    await request.getByLabel(/Motif du refus/).fill(decision.refuse);
    await request.getByRole('button', { name: 'Refuser la demande', exact: true }).click();
  }
  await queue.getByRole('status').filter({ hasText: decision === 'approve' ? 'représente désormais Acme Robotique' : 'est refusée' }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
}

test('Acme’s representative reads every offer of Acme, its pledge, its representatives and details, and edits and renews an offer', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const space = await openSpace(page, 'rep-acme');
  const offer = space.locator('[part=offer]', { hasText: 'Stage — robotique mobile (ROS 2)' });
  await offer.waitFor();
  // Posted by the careers office, and Inès’s submission for Acme: a representative sees both.
  await space.locator('[part=offer]', { hasText: 'Stage — vision par ordinateur' }).waitFor();
  assert.match(await offer.innerText(), /Statut\s*publiée/);
  const pledge = space.locator('[part=pledge]', { hasText: 'Taxe d’apprentissage · École de management' });
  assert.match(await pledge.innerText(), /Statut\s*promise/);
  assert.match(await pledge.innerText(), /4\s?200,00\s?€/);
  await space.locator('[part=representatives]', { hasText: 'Marc Lefèvre (vous)' }).waitFor();
  assert.equal(await space.getByLabel('Raison sociale').inputValue(), 'Acme Robotique');
  assert.deepEqual(await axeViolations(page), []);

  await offer.getByRole('button', { name: 'Prolonger l’offre « Stage — robotique mobile (ROS 2) »' }).click();
  await space.getByRole('status').filter({ hasText: '« Stage — robotique mobile (ROS 2) » est prolongée jusqu’au' }).waitFor();

  // Keyboard only: the edit button, then the offer form opened below the list, on that offer.
  await offer.getByRole('button', { name: 'Modifier l’offre « Stage — robotique mobile (ROS 2) »' }).focus();
  await page.keyboard.press('Enter');
  const form = space.locator('passerelle-offer-form');
  await form.getByLabel(/^Intitulé/).waitFor();
  assert.equal(await form.getByLabel(/^Intitulé/).inputValue(), 'Stage — robotique mobile (ROS 2)');
  assert.equal(await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  }), 'editor-title');
  await h.screenshot(page, 'company-space-representative');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a recruiter signed in by email asks to represent Acme, reads the refusal and its reason, asks again, and once approved sees the offers others posted for Acme', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const space = await openSpace(page, 'anonymous');
  await portalSettled(page, 'signed-out');
  const email = `anne.rh.${Date.now()}@acme-robotique.fr`;
  const portal = page.locator('passerelle-portal');
  await portal.getByRole('textbox', { name: /Adresse e-mail/ }).fill(email);
  await portal.getByRole('button', { name: 'Recevoir un code' }).click();
  await portal.getByRole('textbox', { name: /Code reçu/ }).fill(await codeFromOutbox(h.api, email));
  await portal.getByRole('button', { name: 'Se connecter' }).click();
  await portalSettled(page, 'signed-in');

  const ask = async () => {
    const company = space.getByRole('combobox', { name: /Entreprise/ });
    await company.fill('Acme');
    await space.getByRole('option', { name: /Acme Robotique/ }).waitFor();
    await company.press('ArrowDown');
    await company.press('Enter');
    await space.getByRole('button', { name: 'Demander à représenter cette entreprise' }).click();
    await space.getByRole('status').filter({ hasText: 'Demande envoyée pour Acme Robotique.' }).waitFor();
  };
  await space.getByText('Vous n’avez encore fait aucune demande.').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await ask();
  await space.locator('[part=request][data-status=pending]').waitFor();

  await staffDecide(email, { refuse: 'Écrivez-nous depuis votre adresse professionnelle, ou joignez un justificatif.' });
  await space.getByRole('button', { name: 'Vérifier où en sont mes demandes' }).click();
  const refused = space.locator('[part=request][data-status=refused]');
  await refused.waitFor();
  assert.match(await refused.innerText(), /Motif du refus\s*Écrivez-nous depuis votre adresse professionnelle, ou joignez un justificatif\./);
  await h.screenshot(page, 'company-space-refused');
  assert.deepEqual(await axeViolations(page), []);

  await ask();
  await staffDecide(email, 'approve');
  await space.getByRole('button', { name: 'Vérifier où en sont mes demandes' }).click();
  // The space of Acme opens: offers others posted for it, which ?mine=true never showed.
  await space.locator('[part=offer]', { hasText: 'Stage — robotique mobile (ROS 2)' }).waitFor();
  await space.locator('[part=representatives]', { hasText: 'Marc Lefèvre' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
