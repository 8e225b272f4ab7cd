/**
 * Property-based fuzzing of every write route's body (fast-check): valid
 * bodies with one member changed, removed or added, any JSON value, and raw
 * text that is mostly not JSON. `FUZZ_RUNS` cases per route (1,000 by
 * default, 10,000 in the long run). Whatever comes in: no 5xx, a JSON or
 * problem+json answer, no stack trace or SQL in it, and /health still green.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_RUNS, declaredRoutes, type Api, type Reply } from './harness.ts';
import { startForThisFile, type Fixtures, type Json } from './fixtures.ts';
import { callerFor, routeAccess } from './route-access.ts';

let api: Api;
let f: Fixtures;
startForThisFile((started, fx) => ((api = started), (f = fx)));

/** Values that have broken parsers, validators and query builders before. */
const nasty = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  0,
  -1,
  1.5,
  1e21,
  -1e21,
  2 ** 53 + 2,
  '\u0000',
  '\ud800',
  '%s%n',
  "' OR 1=1 --",
  '"; DROP TABLE people; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'a'.repeat(5000),
  '2026-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  [],
  {},
  [[[[[]]]]],
  true,
  { $gt: '' },
  { __proto__: null },
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer(), fc.double());

/** Every path to a member of `body` (nested objects included). */
function pathsOf(body: unknown, prefix: string[] = []): string[][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body as Json).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function setAt(body: Json, path: string[], op: 'set' | 'delete', v: unknown): Json {
  const copy = structuredClone(body);
  let node: Json = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    // An earlier mutation replaced this parent with a non-object: nothing to change below it.
    if (next === null || typeof next !== 'object' || Array.isArray(next)) return copy;
    node = next as Json;
  }
  const last = path.at(-1)!;
  if (op === 'delete') delete node[last];
  else node[last] = v;
  return copy;
}

/** A request body: a string is sent as is (raw), anything else JSON-encoded. */
function bodies(base: Json | undefined): fc.Arbitrary<string> {
  const paths = pathsOf(base ?? {});
  const arbitraries: fc.Arbitrary<string>[] = [
    fc.jsonValue().map((x) => JSON.stringify(x)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '{"a":', '[', 'null', '""', '{"__proto__":{"polluted":1}}', '['.repeat(20_000) + ']'.repeat(20_000), '{"a":1,"a":2}', '\ufeff{}'),
  ];
  if (base) {
    arbitraries.push(fc.dictionary(fc.string({ maxLength: 20 }), value, { maxKeys: 3 }).map((extra) => JSON.stringify({ ...base, ...extra })));
    if (paths.length) {
      const mutation = fc.record({ path: fc.constantFrom(...paths), op: fc.constantFrom('set' as const, 'set' as const, 'delete' as const), v: value });
      arbitraries.push(mutation.map(({ path, op, v }) => JSON.stringify(setAt(base, path, op, v))));
      arbitraries.push(fc.array(mutation, { minLength: 2, maxLength: 4 }).map((ms) => JSON.stringify(ms.reduce((b, m) => setAt(b, m.path, m.op, m.v), base))));
      arbitraries.push(fc.constant(JSON.stringify(base)));
    }
  }
  return fc.oneof(...arbitraries);
}

const STACK = /\n\s+at |\.ts:\d+|node_modules|\bat (?:async )?\w+ \(/;
// Statements as drizzle and SQLite spell them. Not a bare keyword: an English sentence may say "then select a suggestion".
const SQL = /\bselect\s.+\sfrom\s|\binsert into\s|\bupdate\s+\S+\s+set\s|\bdelete from\s|failed query|sqlite|SQLITE_|drizzle/i;

/** Why an answer is wrong, or null. Patterns the request itself carried (echoed fields) do not count. */
function wrong(reply: Reply, sent: string): string | null {
  if (reply.status >= 500) return `status ${reply.status}`;
  const type = reply.headers.get('content-type') ?? '';
  if (reply.status !== 204 && !/^application\/(problem\+)?json/.test(type)) return `content-type ${type}`;
  if (reply.status !== 204 && reply.json === undefined) return 'body is not JSON';
  for (const pattern of [STACK, SQL]) {
    const m = reply.text.match(pattern);
    if (m && !sent.includes(m[0])) return `body shows ${JSON.stringify(m[0])}`;
  }
  return null;
}


describe(`fuzzing every write route’s body (${FUZZ_RUNS} cases each)`, () => {
  it('covers every write route that takes a body', () => {
    const writes = declaredRoutes(api).filter((r) => r.method !== 'GET');
    assert.ok(writes.length >= 30);
  });

  // One test per route, generated from the router table (read when the suite is declared).
  const routes = [...Object.entries(routeAccess)].filter(([key, rule]) => !key.startsWith('GET ') && rule.sample);
  for (const [key, rule] of routes) {
    it(key, async () => {
      const [method, path] = key.split(' ') as [string, string];
      assert.ok(declaredRoutes(api).some((r) => r.key === key), `${key} is not a route any more`);
      const caller = callerFor(rule);
      const sample = await rule.sample!(f, caller);
      if (sample.body === undefined && method === 'DELETE') return;
      const send = (body: string) => api.send(method, sample.path, { ...(sample.token ? { token: sample.token } : { as: caller }), body, headers: sample.headers ?? {} });
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(bodies(sample.body), async (body) => {
          cases++;
          const reply = await send(body);
          const why = wrong(reply, body);
          if (why) throw new Error(`${key}: ${why}\n→ ${reply.status} ${reply.text.slice(0, 300)}`);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      assert.equal(cases, FUZZ_RUNS);
      const health = await api.send('GET', '/health');
      assert.equal(health.status, 200, `/health after fuzzing ${key}: ${health.status}`);
      // Fuzzed codes are wrong codes from this client address (at most 30 per 15 minutes): let them age out, so that the next routes' fixtures can still sign in by email.
      if (key === 'POST /v1/auth/verify') api.t.clock.advance(15 * 60_000);
      void path;
    });
  }
});
