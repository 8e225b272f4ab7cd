/**
 * What the API says of itself holds, over real HTTP: every route of
 * route-access.ts, called as every role (allowed or refused), answers a
 * status its description declares, with a body its declared valibot schema
 * parses — the schema `/v1/openapi.json` is made from — or a Problem
 * document. A new field, a new refusal or a new status must be declared,
 * or generated clients would be wrong about it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswer } from '@passerelle/server/answer-check';
import { declaredRoutes, roleNames, type Api, type Caller } from './harness.ts';
import { startForThisFile, type Fixtures } from './fixtures.ts';
import { routeAccess, type Req } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

const callers: readonly Caller[] = ['anonymous', ...roleNames];

describe('answers as described', () => {
  it('every route, as every role, answers a declared status with a body its declared schema parses', async (t) => {
    const routes = declaredRoutes(api).filter((r) => r.key in routeAccess);
    const ordered = [...routes.filter((r) => !routeAccess[r.key]!.last), ...routes.filter((r) => routeAccess[r.key]!.last)];
    const failures: string[] = [];
    const successes = new Set<string>();
    for (const route of ordered) {
      const rule = routeAccess[route.key]!;
      for (const caller of callers) {
        const req: Req = rule.sample ? await rule.sample(f, caller) : { path: route.path };
        const reply = await api.send(route.method, req.path, {
          ...(req.token ? { token: req.token } : { as: caller }),
          ...(req.body !== undefined ? { body: req.body } : {}),
          headers: req.headers ?? {},
        });
        if (reply.status < 300) successes.add(route.key);
        const found = checkAnswer(api.t.app.routes, route.method, route.path, { status: reply.status, contentType: reply.headers.get('content-type'), text: reply.text });
        failures.push(...found.map((failure) => `${failure} (as ${caller}: ${reply.text.slice(0, 200)})`));
      }
    }
    t.diagnostic(`${successes.size} of ${routes.length} routes answered 2xx to some role, and were checked against their success schema`);
    assert.deepEqual(failures, []);
    // The walk means something only if nearly every route succeeded for someone (the rest: sign-in samples that are refused on purpose).
    assert.ok(successes.size >= routes.length - 3, `only ${successes.size} of ${routes.length} routes answered 2xx: ${routes.filter((r) => !successes.has(r.key)).map((r) => r.key).join(', ')}`);
  });
});
