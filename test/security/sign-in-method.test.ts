/**
 * An email code proves access to a mailbox, not the institution's single
 * sign-on and its second factor: someone who reads (or guesses their way
 * into) an administrator's or a staff member's mail and signs in with a code
 * for that address gets no staff or admin power. Every route only staff and
 * administrators may call answers 403 with the sentence that says to sign in
 * through the institution, and nothing is written; `/v1/me` shows no admin role.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declaredRoutes, isProblem, type Api, type RoleName } from './harness.ts';
import { startForThisFile, type Fixtures } from './fixtures.ts';
import { routeAccess, type Req } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

const WITHHELD =
  'This session was opened with an email code, which does not carry staff or administrator rights. Sign in through your institution’s website to act as staff.';

/** The attacker's way in: a code sent to that address, read from the mail, traded for a session. */
async function emailCodeSession(email: string): Promise<string> {
  const asked = await api.send('POST', '/v1/auth/email', { body: { tenant: 'demo', email } });
  assert.equal(asked.status, 202);
  const code = [...api.t.mail].reverse().find((m) => m.to === email)?.text.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, `no code mailed to ${email}`);
  const verified = await api.send('POST', '/v1/auth/verify', { body: { tenant: 'demo', email, code } });
  assert.equal(verified.status, 200, verified.text);
  return (verified.json as { token: string }).token;
}

const staffRoles: readonly RoleName[] = ['staff', 'staff_elsewhere', 'admin'];
/** Routes that only staff and administrators may call (as route-access.ts declares them), and that `role` may. */
const staffOnlyRoutes = (role: RoleName) =>
  declaredRoutes(api).filter((r) => {
    const access = routeAccess[r.key]?.access;
    return Array.isArray(access) && access.includes(role) && access.every((a) => staffRoles.includes(a));
  });

/** Calls each route as the given session with the route's own sample; lists every answer that is not 403 with the sentence, or that wrote something. */
async function notWithheld(routes: ReturnType<typeof staffOnlyRoutes>, token: string, sampleAs: RoleName): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const rule = routeAccess[route.key]!;
    const req: Req = rule.sample ? await rule.sample(f, sampleAs) : { path: route.path };
    const before = await api.snapshot();
    const reply = await api.send(route.method, req.path, { token, ...(req.body !== undefined ? { body: req.body } : {}), headers: req.headers ?? {} });
    const { detail, code } = (reply.json ?? {}) as { detail?: string; code?: string };
    if (reply.status !== 403 || !isProblem(reply) || detail !== WITHHELD || code !== 'policy.emailSessionWithholdsStaff') failures.push(`${route.key} → ${reply.status} ${reply.text.slice(0, 200)}`);
    else if (JSON.stringify(await api.snapshot()) !== JSON.stringify(before)) failures.push(`${route.key} → 403 but the database changed`);
  }
  return failures;
}

describe('an email code for a staff or admin address', () => {
  it('gives a session whose /v1/me shows no admin role, says it was opened by email and what it withholds', async () => {
    const token = await emailCodeSession('nadia.haddad@demo.test');
    const me = await api.send('GET', '/v1/me', { token });
    assert.equal(me.status, 200);
    const body = me.json as { signInMethod: string; withheldRoles: string[]; memberships: { role: string }[]; can: Record<string, boolean> };
    assert.equal(body.signInMethod, 'email');
    assert.deepEqual(body.withheldRoles, ['admin']);
    assert.ok(!body.memberships.some((m) => m.role === 'admin' || m.role === 'staff'), JSON.stringify(body.memberships));
    assert.ok(!body.can['webhook.manage'] && !body.can['records.export'] && !body.can['company.moderate'], JSON.stringify(body.can));
    const host = (await api.send('GET', '/v1/me', { as: 'admin' })).json as { signInMethod: string; withheldRoles: string[]; memberships: { role: string }[] };
    assert.deepEqual([host.signInMethod, host.withheldRoles, host.memberships.map((m) => m.role)], ['host', [], ['admin']]);
  });

  it('the administrator’s address: every route for staff and administrators only answers 403 with the sentence, nothing written', async () => {
    const routes = staffOnlyRoutes('admin');
    assert.ok(routes.length >= 25, `only ${routes.length} staff and admin routes`);
    assert.deepEqual(await notWithheld(routes, await emailCodeSession('nadia.haddad@demo.test'), 'admin'), []);
  });

  it('a staff member’s address: every staff route of their school answers 403 with the sentence, nothing written', async () => {
    const routes = staffOnlyRoutes('staff');
    assert.ok(routes.length >= 10, `only ${routes.length} staff routes`);
    assert.deepEqual(await notWithheld(routes, await emailCodeSession('sophie.bernard@demo.test'), 'staff'), []);
  });
});
