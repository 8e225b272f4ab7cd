/**
 * Consent that travels with a form (issue 20 item 1), end to end in the demo
 * site: Inès signs up to the alumni evening with the university's own form,
 * ticks the invitations by email in Passerelle's `<passerelle-consent-inline>`
 * inside it, and sends it; the consent is recorded with the proof of that
 * page and component, and the consent centre on the same page shows it once
 * read again. Then the profile editor's own form asks for a purpose and
 * records it with the save.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';

interface ConsentEventView {
  purposeKey: string;
  channel: string;
  granted: boolean;
  origin: { checked: string | null; claimedPage: string | null; component: string | null };
}

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function eventsOn(session: string, purposeKey: string): Promise<ConsentEventView[]> {
  const history = (await (await fetch(`${h.api}/v1/consents/history?limit=100`, { headers: { authorization: `Bearer ${session}` } })).json()) as { items: ConsentEventView[] };
  return history.items.filter((e) => e.purposeKey === purposeKey);
}

test('a host site’s sign-up form records the consent ticked in <passerelle-consent-inline>, with the page as proof', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await switchPerson(page, 'student-ines');
  await visit(page, h.site, '/consents.html');
  await portalSettled(page, 'signed-in');
  const inline = page.locator('passerelle-consent-inline');
  const box = inline.getByRole('checkbox', { name: 'Par e-mail' });
  await box.waitFor();
  assert.equal(await inline.locator('legend').textContent(), 'Invitations aux événements');
  assert.equal(await box.isChecked(), false);
  assert.deepEqual(await axeViolations(page), []);

  await box.check();
  await page.getByRole('button', { name: 'S’inscrire' }).click();
  await page.getByText('Inscription reçue.').waitFor();
  await inline.getByText('Vos choix de contact sont enregistrés.').waitFor();

  const session = await page.evaluate(() => (document.querySelector('passerelle-portal') as HTMLElement & { session: { token: string } }).session.token);
  const last = (await eventsOn(session, 'events')).at(-1)!;
  assert.deepEqual([last.channel, last.granted], ['email', true]);
  assert.deepEqual(last.origin, { ...last.origin, checked: h.site, claimedPage: `${h.site}/consents.html`, component: 'passerelle-consent-inline' });

  // The consent centre, read again, says the same.
  await page.reload();
  await portalSettled(page, 'signed-in');
  const centreSwitch = page.locator('passerelle-consent-centre [data-purpose="events"]').getByRole('switch', { name: /E-mail/ });
  await centreSwitch.waitFor();
  assert.equal(await centreSwitch.isChecked(), true);
  assert.deepEqual(errors, []);
});

test('the profile editor asks for the purposes the page names and records the choice with the save', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await switchPerson(page, 'alumna-claire');
  await visit(page, h.site, '/profile.html');
  await portalSettled(page, 'signed-in');
  const editor = page.locator('passerelle-profile-editor');
  const box = editor.locator('[data-purpose="alumni-news"]').getByRole('checkbox', { name: 'Par e-mail' });
  await box.waitFor();
  const before = await box.isChecked();
  await box.setChecked(!before);
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText('Vos choix de contact sont enregistrés.').waitFor();
  assert.deepEqual(await axeViolations(page), []);

  const session = await page.evaluate(() => (document.querySelector('passerelle-portal') as HTMLElement & { session: { token: string } }).session.token);
  const last = (await eventsOn(session, 'alumni-news')).at(-1)!;
  assert.deepEqual([last.channel, last.granted, last.origin.component], ['email', !before, 'passerelle-profile-editor']);
  assert.deepEqual(errors, []);
});
