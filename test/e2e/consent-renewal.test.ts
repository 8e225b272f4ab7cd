/**
 * The consent reminder's one-click renewal (issue 17), end to end: 30 days
 * before Claire's consent to event invitations lapses, the daily sweep's
 * reminder reaches her mailbox (the dev outbox, by the running server's mail
 * worker) with a link; the demo site's consents page opened from it signs her
 * in, renews the consent with the proof of the page it was opened on, and
 * the consent centre says so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';

/** What `GET /v1/consents/history` says of each choice (the schema's ConsentEventView, as far as read here). */
interface ConsentEventView {
  purposeKey: string;
  granted: boolean;
  origin: { checked: string | null; claimedPage: string | null; component: string | null };
  version: { hash: string };
}

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../../server');
const address = 'claire.dubois@alumni.demo.test';
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Claire's consent to `events` ends in 20 days; the sweep queues the reminder (server/scripts/consent-reminder.ts). */
const remind = () =>
  new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', 'scripts/consent-reminder.ts', 'demo', 'alumna-claire', 'events', 'https://www.demo.test/consents.html'], { cwd: serverDir, env: { ...process.env, DATABASE_URL: h.database } }, (err, stdout, stderr) =>
      err ? reject(new Error(`${stderr}${stdout}`)) : resolve(),
    ),
  );

/** The reminder as it arrived in the dev outbox (the worker looks every 5 seconds). */
async function reminder(): Promise<{ subject: string; body: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { items } = (await (await fetch(`${h.api}/v1/dev/outbox`)).json()) as { items: Array<{ to: string; subject: string; body: string }> };
    const found = items.find((m) => m.to === address && m.subject.includes('prend fin bientôt'));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no reminder for ${address} in the dev outbox`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('the reminder’s link opens the consents page signed in, renews the consent with the page as proof, and the centre says so', async () => {
  await remind();
  const mail = await reminder();
  assert.match(mail.subject, /Votre accord « Invitations aux événements » prend fin bientôt/);
  const token = /Renouveler mon accord: https:\/\/www\.demo\.test\/consents\.html\?passerelle-link=([\w-]{43})/.exec(mail.body)?.[1];
  assert.ok(token, mail.body);

  const { page, errors } = await h.newPage();
  // A visitor the host site has not signed in, on the page the link names (the demo site's, not www.demo.test).
  await visit(page, h.site, '/');
  await switchPerson(page, 'anonymous');
  await visit(page, h.site, `/consents.html?passerelle-link=${token}`);
  await portalSettled(page, 'signed-in');
  await page.waitForURL((u) => !u.search.includes('passerelle-link'));
  const centre = page.locator('passerelle-consent-centre');
  const events = centre.locator('[data-purpose="events"]');
  const renewed = events.locator('[part="renewed"]');
  await renewed.waitFor();
  assert.match((await renewed.textContent()) ?? '', /^Renouvelé par le lien de votre message : votre accord court désormais jusqu’au .+\.$/);
  assert.equal(await events.getByText('Votre accord prend fin le', { exact: false }).count(), 0);
  assert.equal(await events.getByRole('switch', { name: /E-mail/i }).isChecked(), true);
  assert.deepEqual(await axeViolations(page), []);
  await h.screenshot(page, 'consent-renewed-by-link');

  // What the API recorded: the renewal, with the checked Origin of the page, the page and the component it names, the current text.
  const session = await page.evaluate(() => (document.querySelector('passerelle-portal') as HTMLElement & { session: { token: string } }).session.token);
  const history = (await (await fetch(`${h.api}/v1/consents/history?limit=100`, { headers: { authorization: `Bearer ${session}` } })).json()) as { items: ConsentEventView[] };
  const last = history.items.filter((e) => e.purposeKey === 'events').at(-1)!;
  assert.equal(last.granted, true);
  assert.equal(last.origin.checked, h.site);
  assert.equal(last.origin.claimedPage, `${h.site}/consents.html`);
  assert.equal(last.origin.component, 'passerelle-portal');
  const purposes = (await (await fetch(`${h.api}/v1/purposes`, { headers: { authorization: `Bearer ${session}` } })).json()) as { items: Array<{ key: string; version: { hash: string } }> };
  assert.equal(last.version.hash, purposes.items.find((p) => p.key === 'events')!.version.hash);
  assert.deepEqual(errors, []);
});
