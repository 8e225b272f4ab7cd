/**
 * The staff desk's gifts and apprenticeship-tax tab on the demo site
 * (staff.html), by role, in Chromium against the real API: the staff of the
 * École de management import a SOLTéA transfer report that settles Acme's
 * pledge (demo seed) and keeps a transfer nobody pledged; the administrator
 * chooses which of two open pledges of Acme a transfer settles; a company
 * representative never sees the tab. In French, axe and the console clean.
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

/** The desk as `sub`, on its gifts tab, once the totals are read. */
async function giftsTab(page: Page, sub: string) {
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, sub);
  await portalSettled(page, 'signed-in');
  const desk = page.locator('passerelle-staff-desk');
  await desk.getByRole('tab', { name: 'Dons et taxe d’apprentissage' }).click();
  const panel = desk.getByRole('tabpanel', { name: 'Dons et taxe d’apprentissage' });
  await panel.getByRole('heading', { name: 'Totaux par campagne et par statut' }).waitFor();
  await panel.locator('[data-totals], [data-totals-empty]').first().waitFor();
  return panel;
}

/** Imports a report as the file the person chooses, and waits for what became of its lines. */
async function importReport(panel: ReturnType<Page['locator']>, csv: string) {
  await panel.getByLabel('Fichier du relevé (CSV)').setInputFiles({ name: 'releve-soltea.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await panel.getByRole('button', { name: 'Importer le relevé' }).click();
  await panel.locator('[data-report]').waitFor();
}

/** A session of the API for a demo person, from the identity token the host site signs for them (as the portal gets it). */
async function apiSession(page: Page, sub: string): Promise<string> {
  await visit(page, h.site, '/');
  await switchPerson(page, sub);
  const { token } = (await (await page.request.get(`${h.site}/host/identity-token`)).json()) as { token: string };
  const res = await fetch(`${h.api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  return ((await res.json()) as { token: string }).token;
}

test('the staff of the École de management settle Acme’s pledge with a transfer report, and the transfer nobody pledged is kept', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const panel = await giftsTab(page, 'staff-mgmt');
  const promised = panel.locator('[data-totals] tr[data-kind=apprenticeship_tax][data-status=promised]');
  assert.match((await promised.innerText()).replace(/\s+/g, ' '), /Taxe d’apprentissage Promis 1 4\s200,00\s€/);

  await importReport(panel, 'SIRET;UAI;Montant versé;Date de versement\n81234567600017;0691234S;4 200,00;15/06/2026\n52345678800026;0691234S;350,00;16/06/2026\n');
  await panel.getByRole('status').filter({ hasText: 'Relevé importé : 2 lignes, 1 promesse soldée.' }).waitFor();
  assert.equal(await panel.locator('[data-line="2"] td').innerText(), 'Reçu : la promesse est soldée.');
  assert.equal(await panel.locator('[data-line="3"] td').innerText(), 'Aucune promesse ouverte ne correspond : versement conservé ci-dessous.');

  const kept = panel.locator('[part=transfer]').filter({ hasText: 'SIRET 52345678800026' });
  await kept.waitFor();
  assert.match(await kept.innerText(), /350,00\s€ versés le 16 juin 2026/);
  assert.match(await kept.innerText(), /Aucune promesse ouverte de cette entreprise pour cette école/);
  await panel.locator('[data-totals] tr[data-kind=apprenticeship_tax][data-status=received]').waitFor();
  await h.screenshot(page, 'staff-desk-gifts-staff');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('the administrator chooses which of Acme’s two open pledges a transfer settles, with the keyboard', { skip }, async () => {
  const { page, errors } = await h.newPage();
  const rep = await apiSession(page, 'rep-acme');
  const companies = (await (await fetch(`${h.api}/v1/companies?q=Acme`, { headers: { authorization: `Bearer ${rep}` } })).json()) as { items: { id: string; name: string }[] };
  const acme = companies.items.find((c) => c.name === 'Acme Robotique')!.id;
  const parameters = (await (await fetch(`${h.api}/v1/pledges/parameters`, { headers: { authorization: `Bearer ${rep}` } })).json()) as { beneficiaries: { id: string; uai: string | null }[] };
  const engineering = parameters.beneficiaries.find((b) => b.uai === '0754321P')!.id;
  const pledge = async (programme: string) => {
    const body = { kind: 'apprenticeship_tax', companyId: acme, entityId: engineering, programme, sharePercent: 20, estimatedAmountCents: 300_000, campaignYear: 2026, contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' }, viaAccountant: false };
    const res = await fetch(`${h.api}/v1/pledges`, { method: 'POST', headers: { authorization: `Bearer ${rep}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
    assert.equal(res.status, 201);
    return ((await res.json()) as { id: string }).id;
  };
  await pledge('Cycle ingénieur');
  const chosen = await pledge('Apprentissage');

  const panel = await giftsTab(page, 'admin-demo');
  await importReport(panel, 'SIRET;UAI;Montant;Date\n81234567600017;0754321P;3 000,00;01/07/2026\n');
  assert.equal(await panel.locator('[data-line="2"] td').innerText(), 'Plusieurs promesses correspondent : choisissez ci-dessous celle qu’il solde.');
  const transfer = panel.locator('[part=transfer][data-status=ambiguous]').filter({ hasText: '3 000,00' });
  await transfer.getByRole('group', { name: 'Promesse que ce versement solde' }).waitFor();
  await transfer.locator(`input[value="${chosen}"]`).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await panel.getByRole('status').filter({ hasText: /Versement de 3\s000,00\s€ rapproché : la promesse de l’entreprise Acme Robotique est reçue\./ }).waitFor();
  assert.equal(await transfer.count(), 0);
  const read = (await (await fetch(`${h.api}/v1/pledges/${chosen}`, { headers: { authorization: `Bearer ${rep}` } })).json()) as { status: string; receivedOn: string };
  assert.deepEqual([read.status, read.receivedOn], ['received', '2026-07-01']);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('a company representative is told the desk is for staff, with no tab to open', { skip }, async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/staff.html');
  await switchPerson(page, 'rep-acme');
  await portalSettled(page, 'signed-in');
  const desk = page.locator('passerelle-staff-desk');
  await desk.getByText('Le bureau est réservé au personnel des écoles et aux administrateurs.').waitFor();
  assert.equal(await desk.getByRole('tab').count(), 0);
  assert.deepEqual(errors, []);
});
