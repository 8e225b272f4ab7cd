/**
 * What the HTTP layer refuses before any handler: CORS only for registered
 * origins, 415 for writes that are not JSON, 413 for bodies over 100 KiB
 * (with or without Content-Length), 429 with Retry-After from the sign-in
 * code rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProblem, rawRequest, startApi, type Api } from './harness.ts';

let api: Api;
before(async () => {
  api = await startApi();
});
after(() => api.close());

const DEMO_ORIGIN = 'http://localhost:5173';
const OTHER_ORIGIN = 'http://localhost:5174';

describe('CORS origin matrix', () => {
  const cases: [string, string, boolean][] = [
    ['demo’s registered origin', DEMO_ORIGIN, true],
    ['an unregistered origin', 'https://evil.example', false],
    ['a registered origin with another port', 'http://localhost:5175', false],
    ['a registered origin as a prefix', 'http://localhost:5173.evil.example', false],
    ['another scheme', 'https://localhost:5173', false],
    ['null', 'null', false],
  ];
  for (const [name, origin, allowed] of cases) {
    it(`${name}: ${allowed ? 'reflected' : 'no Access-Control-Allow-Origin'} (request and preflight)`, async () => {
      const reply = await api.send('GET', '/v1/me', { as: 'student', headers: { origin } });
      assert.equal(reply.headers.get('access-control-allow-origin'), allowed ? origin : null);
      assert.equal(reply.headers.get('access-control-allow-credentials'), null);
      if (!allowed) assert.notEqual(reply.status, 200, 'a session used from an unregistered origin is refused');
      for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
        const pre = await api.send('OPTIONS', '/v1/offers', { headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' } });
        assert.equal(pre.headers.get('access-control-allow-origin'), allowed ? origin : null, `preflight ${method}`);
        if (allowed) assert.match(pre.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
      }
    });
  }

  it('a demo session used from another tenant’s origin is 403 and answers nothing of demo', async () => {
    const reply = await api.send('GET', '/v1/me', { as: 'student', headers: { origin: OTHER_ORIGIN } });
    assert.equal(reply.status, 403);
    assert.ok(isProblem(reply));
    assert.ok(!reply.text.includes('Inès'));
  });
});

describe('415 for writes that are not JSON', () => {
  const bodies: [string, Record<string, string>][] = [
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['XML', { 'content-type': 'application/xml' }],
    ['no content type', {}],
  ];
  for (const [name, headers] of bodies) {
    it(`${name} → 415 on every kind of write`, async () => {
      for (const [method, path] of [['POST', '/v1/offers'], ['PATCH', `/v1/profiles/${api.personOf.student}`], ['PUT', '/v1/consents/solicitation-cap'], ['POST', '/v1/auth/exchange']] as const) {
        const reply = await rawRequest(api.base, { method, path, headers: { ...headers, authorization: `Bearer ${api.tokens.student}` }, body: '{"perMonth":3}' });
        assert.equal(reply.status, 415, `${method} ${path}: ${reply.status} ${reply.text}`);
        assert.ok(isProblem(reply));
      }
    });
  }
});

describe('413 for large bodies', () => {
  const big = JSON.stringify({ note: 'x'.repeat(200 * 1024), confirm: true });
  it('a 200 KiB JSON body with Content-Length → 413', async () => {
    const reply = await rawRequest(api.base, { method: 'POST', path: '/v1/me/erasure', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.student}` }, body: big });
    assert.equal(reply.status, 413);
    assert.ok(isProblem(reply));
  });
  it('a 200 KiB chunked body without Content-Length → 413', async () => {
    const reply = await rawRequest(api.base, { method: 'POST', path: '/v1/me/erasure', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.student}` }, body: big, chunked: true });
    assert.equal(reply.status, 413);
    assert.ok(isProblem(reply));
  });
  it('a large body to a public route (sign-in) → 413 too, and the erasure was not recorded', async () => {
    const reply = await rawRequest(api.base, { method: 'POST', path: '/v1/auth/exchange', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'x'.repeat(300 * 1024) }), chunked: true, resetIsAnswer: true });
    // Under load the server may close the connection (after answering 413,
    // @hono/node-server drains the rest for at most 500 ms) before this
    // client reads the answer: a refusal either way, and nothing is processed.
    assert.ok(reply.status === 413 || reply.status === 0, `status ${reply.status}`);
    if (reply.status === 413) assert.ok(isProblem(reply));
    assert.equal((await api.send('GET', '/health')).status, 200);
    const erasure = await api.send('GET', '/v1/me/erasure', { as: 'student' });
    assert.deepEqual((erasure.json as { items: unknown[] }).items, []);
  });
});

describe('rate limits', () => {
  it('asking for sign-in codes too often → 429 with Retry-After', async () => {
    const email = 'flood@example.org';
    let reply;
    for (let i = 0; i < 10; i++) {
      reply = await api.send('POST', '/v1/auth/email', { body: { tenant: 'demo', email } });
      if (reply.status === 429) break;
      assert.equal(reply.status, 202);
    }
    assert.equal(reply!.status, 429);
    assert.ok(isProblem(reply!));
    assert.match(reply!.headers.get('retry-after') ?? '', /^\d+$/);
  });
});
