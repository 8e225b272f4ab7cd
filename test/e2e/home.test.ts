import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, visit, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('the home page renders with its landmarks and no console error', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Votre espace, vos données');
  assert.equal(await page.getByRole('banner').count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('contentinfo').count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href'), '#main');
  await h.screenshot(page, 'home');
  assert.deepEqual(errors, []);
});

test('the language switch sets <html lang> and the page speaks English', async () => {
  const { page, errors } = await h.newPage();
  await visit(page, h.site, '/');
  await page.getByRole('button', { name: /EN/ }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your space, your data');
  assert.match(await page.title(), /Home/);
  // Remembered on the next page.
  await visit(page, h.site, '/profile.html');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await h.screenshot(page, 'profile-en');
  assert.deepEqual(errors, []);
});
