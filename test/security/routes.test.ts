/**
 * The route × method × role matrix, generated from the router table: every
 * route has a declared policy; every pair the role table refuses is 401
 * (no session), 403 or 404 with a problem document; every allowed pair is
 * neither 401 nor 403; undeclared methods and guessed paths lead nowhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declaredRoutes, isProblem, rawRequest, roleNames, type Api, type Caller } from './harness.ts';
import { startForThisFile, type Fixtures } from './fixtures.ts';
import { guessedPaths, routeAccess, type Req } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

const callers: readonly Caller[] = ['anonymous', ...roleNames];

function allowed(access: (typeof routeAccess)[string]['access'], caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  return access === 'signed-in' || access.includes(caller);
}

/** A path with its parameters filled with a well-formed id, for checks that need no real object. */
const filled = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('route × role matrix', () => {
  it('every route of the router table has a policy in route-access.ts, and every entry is a route', () => {
    const routes = declaredRoutes(api);
    const undeclared = routes.filter((r) => !(r.key in routeAccess)).map((r) => r.key);
    assert.deepEqual(undeclared, [], `Declare who may call these routes in test/security/route-access/ (the resource’s file):\n${undeclared.join('\n')}`);
    const stale = Object.keys(routeAccess).filter((k) => !routes.some((r) => r.key === k));
    assert.deepEqual(stale, [], `These entries of route-access.ts match no route: ${stale.join(', ')}`);
  });

  it('refuses every pair the role table does not allow, and lets through every pair it allows', async () => {
    const routes = declaredRoutes(api).filter((r) => r.key in routeAccess);
    const ordered = [...routes.filter((r) => !routeAccess[r.key]!.last), ...routes.filter((r) => routeAccess[r.key]!.last)];
    const failures: string[] = [];
    let pairs = 0;
    for (const route of ordered) {
      const rule = routeAccess[route.key]!;
      // Refused callers first: an allowed call may move the sample object on.
      const order = [...callers.filter((c) => !allowed(rule.access, c)), ...callers.filter((c) => allowed(rule.access, c))];
      for (const caller of order) {
        const req: Req = rule.sample ? await rule.sample(f, caller) : { path: route.path };
        const reply = await api.send(route.method, req.path, {
          ...(req.token ? { token: req.token } : { as: caller }),
          ...(req.body !== undefined ? { body: req.body } : {}),
          headers: req.headers ?? {},
        });
        pairs++;
        const where = `${route.key} as ${caller} → ${reply.status} ${reply.text.slice(0, 160)}`;
        if (reply.status >= 500) failures.push(`server error: ${where}`);
        else if (/problem\+json/.test(reply.headers.get('content-type') ?? '') && !isProblem(reply)) failures.push(`malformed problem document: ${where}`);
        else if (allowed(rule.access, caller)) {
          if (reply.status === 401 || reply.status === 403) failures.push(`refused but allowed (${rule.rule}): ${where}`);
        } else if (caller === 'anonymous') {
          if (reply.status !== 401 || !isProblem(reply) || !/^Bearer/.test(reply.headers.get('www-authenticate') ?? '')) failures.push(`not 401 + WWW-Authenticate without a session: ${where}`);
        } else if (![403, 404].includes(reply.status) || !isProblem(reply)) {
          failures.push(`not refused (${rule.rule}): ${where}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(pairs >= routes.length * callers.length);
  });

  it('a method a path does not declare is 404 or 405 problem+json (401 without a session), never handled', async () => {
    const routes = declaredRoutes(api);
    const failures: string[] = [];
    for (const path of new Set(routes.map((r) => r.path))) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (routes.some((r) => r.path === path && r.method === method)) continue;
        for (const caller of ['anonymous', 'admin'] as const) {
          const reply = await api.send(method, filled(path), { as: caller, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
          const expected = caller === 'anonymous' ? [401, 404, 405] : [404, 405];
          if (!expected.includes(reply.status) || !isProblem(reply)) failures.push(`${method} ${path} as ${caller} → ${reply.status}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('guessed paths are 404 problem+json, signed in or not', async () => {
    const failures: string[] = [];
    for (const path of guessedPaths) {
      for (const caller of ['anonymous', 'admin'] as const) {
        for (const method of ['GET', 'POST']) {
          const headers: Record<string, string> = caller === 'admin' ? { authorization: `Bearer ${api.tokens.admin}` } : {};
          const reply = await rawRequest(api.base, { method, path, headers });
          if (reply.status !== 404 || !isProblem(reply)) failures.push(`${method} ${path} as ${caller} → ${reply.status} ${reply.text.slice(0, 100)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
