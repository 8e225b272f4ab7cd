/**
 * Links that sign in (issue 17 item 3), end to end: the demo site's page
 * opened from a message's link signs the person in once and the address bar
 * is cleaned; the same link again says it was used and, in one click, sends
 * a fresh one, which arrives (dev outbox) and signs in.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';
import type { Page } from 'playwright-core';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../../server');
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** A link for a demo person as a message carries it (server/scripts/sign-in-link.ts). */
const freshLink = (sub: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', 'scripts/sign-in-link.ts', 'demo', sub], { cwd: serverDir, env: { ...process.env, DATABASE_URL: h.database } }, (err, stdout, stderr) =>
      err ? reject(new Error(`${stderr}${stdout}`)) : resolve((JSON.parse(stdout) as { token: string }).token),
    ),
  );

/** A visitor the host site has not signed in (the demo's switcher: nobody), then the page the link opens. */
async function openLink(page: Page, path: string): Promise<void> {
  await visit(page, h.site, '/');
  await switchPerson(page, 'anonymous');
  await visit(page, h.site, path);
}

async function mailsTo(email: string): Promise<Array<{ subject: string; body: string }>> {
  const { items } = (await (await fetch(`${h.api}/v1/dev/outbox`)).json()) as { items: Array<{ to: string; subject: string; body: string }> };
  return items.filter((m) => m.to === email);
}

test('a link signs in once and leaves the address bar; used again it offers a fresh link, which arrives and signs in', async () => {
  const token = await freshLink('student-ines');
  const { page, errors } = await h.newPage();
  await openLink(page, `/?onglet=profil&passerelle-link=${token}#mes-infos`);
  await portalSettled(page, 'signed-in');
  await page.locator('passerelle-portal').getByText('Inès Martin').waitFor();
  await page.waitForURL((u) => !u.search.includes('passerelle-link'));
  const url = new URL(page.url());
  assert.equal(url.search, '?onglet=profil');
  assert.equal(url.hash, '#mes-infos');

  const second = await h.newPage();
  await openLink(second.page, `/?passerelle-link=${token}`);
  const portal = second.page.locator('passerelle-portal');
  await portal.getByText('Ce lien a déjà servi. Nous pouvons en envoyer un nouveau à i•••@etu.demo.test.').waitFor();
  assert.ok(!second.page.url().includes('passerelle-link'));
  assert.deepEqual(await axeViolations(second.page), []);
  const before = (await mailsTo('ines.martin@etu.demo.test')).length;
  const [resent] = await Promise.all([
    second.page.waitForResponse((r) => r.url().endsWith('/v1/mail/links/resend')),
    portal.getByRole('button', { name: 'Recevoir un nouveau lien' }).click(),
  ]);
  assert.equal(resent.status(), 202);
  await portal.getByText('Un nouveau lien vient d’être envoyé à i•••@etu.demo.test.', { exact: false }).waitFor();

  let fresh: string | undefined;
  const deadline = Date.now() + 20_000;
  while (!fresh && Date.now() < deadline) {
    const mails = await mailsTo('ines.martin@etu.demo.test');
    fresh = mails.length > before ? /passerelle-link=([\w-]{43})/.exec(mails.find((m) => m.subject.includes('nouveau lien'))?.body ?? '')?.[1] : undefined;
    if (!fresh) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(fresh, 'the fresh link in the outbox');
  const third = await h.newPage();
  await openLink(third.page, `/?passerelle-link=${fresh}`);
  await portalSettled(third.page, 'signed-in');
  assert.ok(!third.page.url().includes('passerelle-link'));
  assert.deepEqual([...errors, ...second.errors.filter((e) => !e.includes('401')), ...third.errors], []);
});
