/**
 * No cache may keep a copy of personal data or of a session token: every
 * route of route-access.ts, called as a role it allows, answers
 * `Cache-Control: no-store` whenever it answers 2xx with a body — sign-in
 * answers, one's own data, exports and downloads included. Only the public
 * routes listed below may be cached. And there is one pledge export, the
 * audited one: the old unaudited `GET /v1/pledges/export` leads nowhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsOf, declaredRoutes, isProblem, roleNames, type Api } from './harness.ts';
import { startForThisFile, type Fixtures } from './fixtures.ts';
import { callerFor, routeAccess, type Req } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

/** Public, the same for everyone, no personal data: the only answers a cache may keep. */
const cacheable = new Set(['GET /health', 'GET /v1/openapi.json', 'GET /v1/docs/redoc.standalone.js']);

/** Answers that must be checked for the walk to mean anything: sign-in, one's own data, exports and downloads. */
const mustBeSeen = [
  'POST /v1/auth/exchange',
  'POST /v1/auth/verify',
  'GET /v1/me',
  'GET /v1/me/export',
  'GET /v1/profiles/me',
  'GET /v1/profiles',
  'GET /v1/consents/history',
  'GET /v1/consents/export',
  'GET /v1/pledges',
  'GET /v1/exports/people',
  'GET /v1/exports/offers',
  'GET /v1/exports/pledges',
];

describe('Cache-Control on answers with personal data', () => {
  it('every 2xx answer with a body, of every declared route as an allowed role, is no-store (but the public description and health check)', async (t) => {
    const routes = declaredRoutes(api).filter((r) => r.key in routeAccess);
    const ordered = [...routes.filter((r) => !routeAccess[r.key]!.last), ...routes.filter((r) => routeAccess[r.key]!.last)];
    const failures: string[] = [];
    const checked: string[] = [];
    for (const route of ordered) {
      const rule = routeAccess[route.key]!;
      const caller = callerFor(rule);
      const req: Req = rule.sample ? await rule.sample(f, caller) : { path: route.path };
      const reply = await api.send(route.method, req.path, {
        ...(req.token ? { token: req.token } : { as: caller }),
        ...(req.body !== undefined ? { body: req.body } : {}),
        headers: req.headers ?? {},
      });
      if (reply.status < 200 || reply.status > 299 || reply.text.length === 0) continue;
      if (cacheable.has(route.key)) continue;
      checked.push(route.key);
      const cacheControl = reply.headers.get('cache-control');
      if (cacheControl !== 'no-store') failures.push(`${route.key} as ${caller} → ${reply.status} with Cache-Control: ${cacheControl ?? '(none)'}`);
    }
    t.diagnostic(`${checked.length} of ${routes.length} routes answered 2xx with a body and were checked`);
    assert.deepEqual(failures, []);
    assert.deepEqual(mustBeSeen.filter((k) => !checked.includes(k)), [], `these routes did not answer 2xx with a body, so their Cache-Control was not checked (checked: ${checked.join(', ')})`);
  });

  it('refusals are no-store too (a problem document names the caller’s situation)', async () => {
    for (const [path, as] of [['/v1/exports/people', 'student'], ['/v1/me', 'anonymous']] as const) {
      const reply = await api.send('GET', path, { as });
      assert.ok(reply.status === 401 || reply.status === 403, `${path} as ${as} → ${reply.status}`);
      assert.equal(reply.headers.get('cache-control'), 'no-store', `${path} as ${as}`);
    }
  });
});

describe('one pledge export', () => {
  it('GET /v1/pledges/export is gone: 404 problem+json for every signed-in role, 401 without a session, no pledge in any answer', async () => {
    const gift = await f.shared('gift', f.make.gift);
    for (const role of roleNames) {
      const reply = await api.send('GET', '/v1/pledges/export', { as: role });
      assert.equal(reply.status, 404, `${role}: ${reply.status} ${reply.text.slice(0, 200)}`);
      assert.ok(isProblem(reply), role);
      assert.ok(!reply.text.includes(gift), role);
    }
    const anonymous = await api.send('GET', '/v1/pledges/export');
    assert.equal(anonymous.status, 401);
    assert.ok(isProblem(anonymous));
  });

  it('GET /v1/exports/pledges is the export: staff get it as CSV, audited; a student is refused', async () => {
    const audited = async () =>
      Number((await rowsOf(api.t, "SELECT count(*) AS n FROM audit_log WHERE tenant_id = ? AND action = 'records.export' AND object_type = 'pledges'", [api.t.ids.demo.tenantId]))[0]!.n);
    const before = await audited();
    assert.equal((await api.send('GET', '/v1/exports/pledges?format=csv', { as: 'student' })).status, 403);
    assert.equal(await audited(), before);
    const reply = await api.send('GET', '/v1/exports/pledges?format=csv', { as: 'staff' });
    assert.equal(await audited(), before + 1);
    assert.equal(reply.status, 200, reply.text.slice(0, 200));
    assert.match(reply.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(reply.headers.get('content-disposition') ?? '', /^attachment; filename="pledges-/);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
  });
});
