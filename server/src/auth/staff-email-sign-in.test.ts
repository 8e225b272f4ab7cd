import { describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog } from '../db/tables/index.ts';
import { setStaffEmailSignIn, staffEmailSignInAllowed } from './staff-email-sign-in.ts';

const SOPHIE = 'sophie.bernard@demo.test'; // staff, École d'ingénieurs
const NADIA = 'nadia.haddad@demo.test'; // admin

/** The refusal of a withheld role, as the person reads it (tests ask in English). */
const WITHHELD = {
  status: 403,
  code: 'policy.emailSessionWithholdsStaff',
  detail: 'This session was opened with an email code, which does not carry staff or administrator rights. Sign in through your institution’s website to act as staff.',
};

const company = () => ({ name: `Société ${crypto.randomUUID().slice(0, 6)}`, siret: '55212022200013' });

async function refusal(t: TestApp, method: string, path: string, token: string, body?: unknown) {
  const res = await t.call(method, path, { token, ...(body === undefined ? {} : { body }) });
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const { code, detail } = (await res.json()) as { code: string; detail: string };
  return { status: res.status, code, detail };
}

describe('staff and admin actions in a session opened by email code', () => {
  it('are refused with 403 saying to sign in through the institution, on policy and role-checked routes alike', async () => {
    const t = testApp();
    const staff = await t.emailSignIn(SOPHIE);
    const admin = await t.emailSignIn(NADIA);
    const expected = WITHHELD;
    expect(await refusal(t, 'POST', '/v1/companies', staff, company())).toEqual(expected);
    expect(await refusal(t, 'GET', '/v1/offers?queue=true', staff)).toEqual(expected);
    expect(await refusal(t, 'GET', '/v1/pledges/totals', staff)).toEqual(expected);
    expect(await refusal(t, 'GET', '/v1/webhooks', admin)).toEqual(expected);
    expect(await refusal(t, 'GET', '/v1/consents/export?purpose=alumni-news', admin)).toEqual(expected);
    expect(await refusal(t, 'GET', '/v1/exports/people', admin)).toEqual(expected);
  });

  it('someone who never held the role still gets the usual reason', async () => {
    const t = testApp();
    const student = await t.emailSignIn('ines.martin@etu.demo.test');
    expect(await refusal(t, 'POST', '/v1/companies', student, company())).toEqual({
      status: 403,
      code: 'policy.refused',
      detail: 'Only careers-office staff and administrators can add a company. Ask your careers office to add it, then post your offer for it.',
    });
  });

  it('the same people signed in through the institution act as staff and admin', async () => {
    const t = testApp();
    expect((await t.call('POST', '/v1/companies', { token: await t.signIn('staff-eng'), body: company() })).status).toBe(201);
    expect((await t.call('GET', '/v1/webhooks', { token: await t.signIn('admin-demo') })).status).toBe(200);
  });

  it('keep their powers where the institution turned staff email sign-in on, and lose them again when it is turned off', async () => {
    const t = testApp();
    const staff = await t.emailSignIn(SOPHIE);
    expect(await staffEmailSignInAllowed(t.db, t.ids.demo.tenantId)).toBe(false);
    await setStaffEmailSignIn(t.db, t.ids.other.tenantId, true, t.clock.now());
    expect((await refusal(t, 'POST', '/v1/companies', staff, company())).status).toBe(403);

    expect(await setStaffEmailSignIn(t.db, t.ids.demo.tenantId, true, t.clock.now())).toEqual({ before: false, after: true });
    expect((await t.call('POST', '/v1/companies', { token: staff, body: company() })).status).toBe(201);

    await setStaffEmailSignIn(t.db, t.ids.demo.tenantId, false, t.clock.now());
    expect(await refusal(t, 'POST', '/v1/companies', staff, company())).toEqual(WITHHELD);
    const entries = (await t.db.select().from(auditLog).all()).filter((e) => e.action === 'institution.staffEmailSignIn');
    expect(entries.map((e) => [e.tenantId, e.origin, e.detail])).toEqual([
      [t.ids.other.tenantId, 'cli:institution', { staffEmailSignIn: { from: false, to: true } }],
      [t.ids.demo.tenantId, 'cli:institution', { staffEmailSignIn: { from: false, to: true } }],
      [t.ids.demo.tenantId, 'cli:institution', { staffEmailSignIn: { from: true, to: false } }],
    ]);
  });
});
