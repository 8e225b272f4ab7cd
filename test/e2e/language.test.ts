/**
 * Issue 16: every form, driven with each class of invalid input as each role
 * that can use it, shows no English or technical text on a French page, and
 * no French or technical text on an English page — client-side refusals and
 * the server's (a wrong code, a stale version, a policy refusal) alike.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { codeFromOutbox, portalSettled, startHarness, switchPerson, visit, type Harness } from './harness.ts';
import { componentText, leaks, settled, type Lang } from './language-leaks.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const LONG = 'x'.repeat(5000);
const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

/** One component on one page, in one language, as one person; `check` reads it after each input class. */
interface Visit {
  page: Page;
  c: Locator;
  check(input: string): Promise<void>;
}

/** Opens `path` in `lang` as `person` and reports every leak of `tag`'s text into `found`. */
async function open(path: string, tag: string, person: string, lang: Lang, found: string[], exclude = ''): Promise<Visit> {
  const { page } = await h.newPage();
  await page.context().addInitScript((l) => localStorage.setItem('demo-lang', l), lang);
  // tsx keeps function names with a `__name` helper that the page does not have; componentText's inner functions need it.
  await page.context().addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await visit(page, h.site, path);
  await switchPerson(page, person);
  await portalSettled(page, person === 'anonymous' ? 'signed-out' : 'signed-in');
  const c = page.locator(tag);
  return {
    page,
    c,
    async check(input) {
      await settled(page, tag);
      const text = await componentText(page, tag, exclude);
      for (const leak of leaks(text, lang)) found.push(`<${tag}> as ${person}, ${lang}, ${input}: ${leak}`);
    },
  };
}

/** Types `value` into the field named `name` as a paste would (so a maxlength does not cut it). */
async function set(c: Locator, name: string, value: string): Promise<void> {
  await c.locator(`[name="${name}"]`).first().evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, value);
}

/** Clicks the submit button of the form that holds the field `name`. */
async function submit(c: Locator, name: string, button = 'button[type=submit]'): Promise<void> {
  await c.locator('form', { has: c.page().locator(`[name="${name}"]`) }).locator(button).last().click();
}

const summary = (c: Locator) => c.locator('[part~="error-summary"]').first().waitFor();

/** Runs `scenario` in French and in English (side by side, each in its own browser context, unless `inTurn`), then reports every leak. */
async function bothLanguages(scenario: (lang: Lang, found: string[]) => Promise<void>, { inTurn = false } = {}): Promise<void> {
  const found: string[] = [];
  if (inTurn) for (const lang of ['fr', 'en'] as const) await scenario(lang, found);
  else await Promise.all((['fr', 'en'] as const).map((lang) => scenario(lang, found)));
  assert.deepEqual(found, [], `\n${found.join('\n')}`);
}

async function apiJson(path: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${h.api}${path}`, { ...init, headers });
  return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>) };
}

/** A session for `email` by email code, straight from the API (a visitor who is not on the page). */
async function emailSession(email: string): Promise<string> {
  await apiJson('/v1/auth/email', { method: 'POST', body: JSON.stringify({ tenant: 'demo', email }) });
  const code = await codeFromOutbox(h.api, email);
  const { body } = await apiJson('/v1/auth/verify', { method: 'POST', body: JSON.stringify({ tenant: 'demo', email, code }) });
  return String(body.token);
}

test(`the portal's email sign-in`, () =>
  bothLanguages(async (lang, found) => {
    const v = await open('/', 'passerelle-portal', 'anonymous', lang, found);
    await submit(v.c, 'email');
    await summary(v.c);
    await v.check('empty email');
    await set(v.c, 'email', 'pas-une-adresse@');
    await submit(v.c, 'email');
    await v.check('malformed email');
    await set(v.c, 'email', `${LONG}@example.org`);
    await submit(v.c, 'email');
    await v.check('too long email');
    const email = `visiteur-${lang}@example.org`;
    await set(v.c, 'email', email);
    await submit(v.c, 'email');
    await v.c.locator('[name="code"]').waitFor();
    await v.check('code step');
    await submit(v.c, 'code');
    await summary(v.c);
    await v.check('empty code');
    await set(v.c, 'code', 'abc!');
    await submit(v.c, 'code');
    await v.check('malformed code');
    const code = await codeFromOutbox(h.api, email);
    const wrong = code === '000000' ? '111111' : '000000';
    // Wrong until the code is spent (and the address's wrong tries are counted): each refusal in words.
    for (let i = 1; i <= 6; i++) {
      await set(v.c, 'code', wrong);
      await submit(v.c, 'code');
      await v.check(`wrong code #${i}`);
    }
  }),
);

test(`the profile editor, with invalid fields and then a stale version`, () =>
  bothLanguages(async (lang, found) => {
    const tag = 'passerelle-profile-editor';
    const v = await open('/profile.html', tag, 'alumna-claire', lang, found, '.readonly .value');
    await v.c.locator('[name="givenName"]').waitFor();
    await set(v.c, 'givenName', '');
    await submit(v.c, 'givenName');
    await summary(v.c);
    await v.check('empty required field');
    await set(v.c, 'bio', LONG);
    await submit(v.c, 'givenName');
    await v.check('too long text');
    await set(v.c, 'linkedinUrl', 'pas une adresse web');
    await submit(v.c, 'givenName');
    await v.check('malformed URL');
    await set(v.c, 'emails.0.address', 'claire@');
    await submit(v.c, 'givenName');
    await v.check('malformed email');

    // Someone saves the profile in another tab; this tab's save is then on a stale version.
    const fresh = await open('/profile.html', tag, 'alumna-claire', lang, []);
    await v.page.reload();
    await v.page.waitForFunction(() => document.documentElement.dataset.demoReady === 'true');
    await v.c.locator('[name="usageName"]').waitFor();
    await fresh.c.locator('[name="usageName"]').waitFor();
    await set(fresh.c, 'usageName', `Autre ${lang}`);
    await submit(fresh.c, 'usageName');
    await settled(fresh.page, tag);
    await fresh.c.locator('[part~="status"]').filter({ hasText: /.+/ }).waitFor();
    await set(v.c, 'usageName', `Mienne ${lang}`);
    await submit(v.c, 'usageName');
    await v.c.locator('#conflict-title, [part~="conflicts"], [part~="conflict"]').first().waitFor();
    await v.check('stale version (412)');
  }, { inTurn: true }), // one person's profile: the other language's save would make this one's "other tab" stale too
);

for (const person of ['rep-acme', 'student-ines'] as const) {
  test(`the offer form as ${person}`, () =>
    bothLanguages(async (lang, found) => {
      const v = await open('/offers.html', 'passerelle-offer-form', person, lang, found);
      await v.c.locator('[name="title"]').waitFor();
      await submit(v.c, 'title');
      await summary(v.c);
      await v.check('empty required fields');
      await set(v.c, 'title', LONG);
      await submit(v.c, 'title');
      await v.check('too long title');
      await set(v.c, 'apply', 'pas une adresse');
      await submit(v.c, 'title');
      await v.check('malformed URL or email');
      await set(v.c, 'expiresOn', day(-400));
      await set(v.c, 'startDate', day(-400));
      await submit(v.c, 'title');
      await v.check('dates in the past');
      await set(v.c, 'durationAmount', '-3');
      await set(v.c, 'stipendEuros', '99999999999');
      await set(v.c, 'weeklyHours', '500');
      await submit(v.c, 'title');
      await v.check('out-of-range numbers');
    }),
  );
}

/** A pledge's reference in "My gifts and pledges" is its id, which a person quotes to the institution: data, not wording. */
const pledgeReferences = '[part~="history-item"] dd > code';

test(`the pledge form as a company representative (donation, then apprenticeship tax)`, () =>
  bothLanguages(async (lang, found) => {
    const v = await open('/pledge.html', 'passerelle-pledge', 'rep-acme', lang, found, pledgeReferences);
    await v.c.locator('[name="amountCents"]').waitFor();
    await submit(v.c, 'amountCents');
    await summary(v.c);
    await v.check('empty required fields');
    await set(v.c, 'amountCents', '-50');
    await submit(v.c, 'amountCents');
    await v.check('negative amount');
    await set(v.c, 'amountCents', '99999999999999');
    await submit(v.c, 'amountCents');
    await v.check('huge amount');
    await set(v.c, 'donor.kind', 'individual');
    await set(v.c, 'donor.fullName', LONG);
    await set(v.c, 'donor.address.postalCode', 'ABCDE');
    await submit(v.c, 'amountCents');
    await v.check('too long name, malformed postal code');

    await v.c.locator('input[name="mode"][value="tax"]').check();
    await v.c.locator('[name="sharePercent"]').waitFor();
    await submit(v.c, 'sharePercent');
    await summary(v.c);
    await v.check('tax: empty required fields');
    await set(v.c, 'employerSiret', '123');
    await set(v.c, 'contact.email', 'compta@');
    await set(v.c, 'sharePercent', '150');
    await set(v.c, 'estimatedAmountCents', '-1');
    await submit(v.c, 'sharePercent');
    await v.check('tax: malformed SIRET and email, out-of-range share');
  }),
);

test(`the pledge form as a student`, () =>
  bothLanguages(async (lang, found) => {
    const v = await open('/pledge.html', 'passerelle-pledge', 'student-ines', lang, found, pledgeReferences);
    await v.c.locator('[name="amountCents"]').waitFor();
    await set(v.c, 'donor.fullName', '');
    await submit(v.c, 'amountCents');
    await summary(v.c);
    await v.check('empty required fields');
    await set(v.c, 'amountCents', '-50');
    await set(v.c, 'taxableIncomeCents', '-1');
    await submit(v.c, 'amountCents');
    await v.check('negative amounts');
  }),
);

test(`the consent centre's solicitation cap and erasure request`, () =>
  bothLanguages(async (lang, found) => {
    const v = await open('/consents.html', 'passerelle-consent-centre', 'student-ines', lang, found);
    await v.c.locator('[name="perMonth"]').waitFor();
    await set(v.c, 'perMonth', '');
    await submit(v.c, 'perMonth');
    await summary(v.c);
    await v.check('empty cap');
    await set(v.c, 'perMonth', '-1');
    await submit(v.c, 'perMonth');
    await v.check('negative cap');
    await set(v.c, 'perMonth', '9999');
    await submit(v.c, 'perMonth');
    await v.check('huge cap');
    await submit(v.c, 'confirm');
    await v.check('erasure without confirming');
    await set(v.c, 'note', LONG);
    await submit(v.c, 'confirm');
    await v.check('too long erasure note');
  }),
);

  test(`offer moderation's reason as staff, and the refusal a student reads`, () =>
  bothLanguages(async (lang, found) => {
    const tag = 'passerelle-offer-moderation';
    // Offers' own titles, summaries and descriptions are people's content, in the language they wrote them in.
    const content = 'li[part~="offer"] > h3, .meta, dd, .preview, h4';
    const v = await open('/moderation.html', tag, 'staff-eng', lang, found, content);
    await v.c.locator('button[data-open]').first().click();
    await v.c.locator('[name="reason"]').waitFor();
    await submit(v.c, 'reason', 'button[data-verdict="reject"]');
    await settled(v.page, tag);
    await v.check('reject with an empty reason');
    await set(v.c, 'reason', LONG);
    await submit(v.c, 'reason', 'button[data-verdict="reject"]');
    await settled(v.page, tag);
    await v.check('reject with a too long reason');
    await submit(v.c, 'reason', 'button[data-verdict="request-changes"]');
    await v.check('request changes with a too long reason');

    const student = await open('/moderation.html', tag, 'student-ines', lang, found, content);
    await student.c.locator('p:not(.fallback)').first().waitFor();
    await student.check('policy refusal (student)');
  }),
);

  test(`company requests' refusal reason as staff, a request decided in another tab, and the refusal a student reads`, () =>
  bothLanguages(async (lang, found) => {
    const tag = 'passerelle-company-requests';
    const token = await emailSession(`recruteur-${lang}@globex-conseil.fr`);
    const { body: companies } = await apiJson('/v1/companies?q=Globex', { token });
    const globex = (companies.items as Array<{ id: string }>)[0]!.id;
    const created = await apiJson('/v1/companies/requests', { method: 'POST', token, body: JSON.stringify({ companyId: globex, message: 'Je recrute nos stagiaires.' }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const requestId = String(created.body.id);

    const content = 'h3, dd, blockquote';
    const v = await open('/moderation.html', tag, 'admin-demo', lang, found, content);
    const item = v.c.locator(`[data-request="${requestId}"]`);
    await item.locator('button[data-refuse]').click();
    await item.locator('[name="reason"]').waitFor();
    await submit(item, 'reason');
    await summary(item);
    await v.check('refuse with an empty reason');
    await set(item, 'reason', LONG);
    await submit(item, 'reason');
    await v.check('refuse with a too long reason');

    // Approved in another tab meanwhile: refusing it now is refused by the API (409).
    const other = await open('/moderation.html', tag, 'admin-demo', lang, []);
    await other.c.locator(`[data-request="${requestId}"] button[data-approve]`).click();
    await other.c.locator(`[data-request="${requestId}"]`).waitFor({ state: 'detached' });
    await set(item, 'reason', 'Nous ne connaissons pas ce recruteur.');
    await submit(item, 'reason');
    await settled(v.page, tag);
    await v.c.locator('[role="alert"] p, [part~="error-summary"]').first().waitFor();
    await v.check('refuse a request already decided (409)');

    const student = await open('/moderation.html', tag, 'student-ines', lang, found, content);
    await student.c.locator('[data-not-allowed]').waitFor();
    await student.check('policy refusal (student)');
  }),
);
