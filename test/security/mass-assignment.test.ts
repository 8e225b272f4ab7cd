/**
 * Mass assignment: every write route that takes a body gets a valid body
 * plus one key a client must never set (role, tenantId, status, verified,
 * id, version, createdBy, __proto__ as an own JSON key). The answer is 400
 * with the database unchanged, or the key is ignored: nothing in the answer
 * or the database takes the injected value, and no prototype is polluted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsOf, tablesOf, declaredRoutes, isProblem, type Api } from './harness.ts';
import { startForThisFile, type Fixtures } from './fixtures.ts';
import { callerFor, routeAccess } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

const INJECTED_ID = '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e';
/** Each forbidden key with a value that would matter if it were taken. */
function injections(api: Api): [string, unknown][] {
  return [
    ['role', 'admin'],
    ['tenantId', api.t.ids.other.tenantId],
    ['status', 'approved'],
    ['verified', true],
    ['id', INJECTED_ID],
    ['version', 999_999],
    ['createdBy', api.t.ids.other.people['admin-other']],
    ['__proto__', { polluted: 'yes', role: 'admin', isAdmin: true }],
    ['constructor', { prototype: { polluted: 'yes' } }],
  ];
}


/** The JSON text of `body` with `key` as an own member (an object literal would set the prototype instead). */
function withKey(body: Record<string, unknown>, key: string, value: unknown): string {
  const rest = JSON.stringify(body);
  return `{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}}`;
}

describe('mass assignment', () => {
  it('every write route refuses (400, nothing written) or ignores a key no client may set', async () => {
    const writes = declaredRoutes(api).filter((r) => r.method !== 'GET' && routeAccess[r.key]?.sample);
    const failures: string[] = [];
    let tried = 0;
    const injectedValues = [INJECTED_ID, api.t.ids.other.tenantId, api.t.ids.other.people['admin-other'], '999999', 'polluted'];
    for (const route of writes) {
      const rule = routeAccess[route.key]!;
      const caller = callerFor(rule);
      for (const [key, value] of injections(api)) {
        const req = await rule.sample!(f, caller);
        if (req.body === undefined) continue;
        const before = await api.snapshot();
        const body = withKey(req.body, key, value);
        // A signed body is signed again once altered, so that what answers is the route's schema, not the signature.
        const reply = await api.send(route.method, req.path, { ...(req.token ? { token: req.token } : { as: caller }), body, headers: req.sign ? req.sign(body) : (req.headers ?? {}) });
        tried++;
        const where = `${route.key} + ${key} as ${caller} → ${reply.status} ${reply.text.slice(0, 140)}`;
        if (({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined) {
          failures.push(`Object.prototype polluted: ${where}`);
          delete (Object.prototype as Record<string, unknown>).polluted;
          delete (Object.prototype as Record<string, unknown>).isAdmin;
        }
        if (reply.status === 400) {
          if (!isProblem(reply)) failures.push(`400 without a problem document: ${where}`);
          const after = await api.snapshot();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`400 but ${changed.join(', ')} changed: ${where}`);
        } else if (reply.status >= 200 && reply.status < 300) {
          // Ignored: the answer must not carry the injected value.
          const leaked = injectedValues.filter((v) => reply.text.includes(v) && !JSON.stringify(req.body).includes(v));
          if (leaked.length || (key === 'role' && /"role":"admin"/.test(reply.text) && caller !== 'admin')) failures.push(`taken: ${where}`);
        } else {
          failures.push(`neither refused as invalid nor ignored: ${where}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(tried >= 100, `only ${tried} cases`);
  });

  it('no row of the database took an injected id, tenant, creator or version', async () => {
    const found: string[] = [];
    for (const name of await tablesOf(api.t)) {
      const text = JSON.stringify(await rowsOf(api.t, `SELECT * FROM "${name}"`));
      if (text.includes(INJECTED_ID) || text.includes('999999')) found.push(name);
    }
    assert.deepEqual(found, []);
  });
});
