/**
 * The host-signed identity token at `POST /v1/auth/exchange`: every forgery
 * or misuse is 401 problem+json (missing or far `exp`, a future `nbf`, wrong
 * `aud`, an unknown `crit` header, another tenant's key, `alg: none`, HS256
 * signed with an RS256 or ES256 public key, a replayed `jti`, a changed
 * payload), while the genuine token (HS256, RS256, ES256, EdDSA) works once.
 */
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { rowsOf, isProblem, startApi, type Api } from './harness.ts';

// The demo seed's local-only defaults (server/src/seed/demo.ts, documented in the README).
const DEMO_SECRET = 'demo-host-secret-for-local-use-only-0123456789';
const OTHER_SECRET = 'other-host-secret-for-local-use-only-0123456789';

let api: Api;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const rsaPublicPem = pem(rsa.publicKey);
const ecPublicPem = pem(ec.publicKey);

before(async () => {
  api = await startApi();
  // RS256, ES256 and EdDSA keys registered for demo next to its HS256 one, as `pnpm passerelle tenant key add` stores them.
  for (const [kid, alg, key] of [['demo-rsa', 'RS256', rsaPublicPem], ['demo-ec', 'ES256', ecPublicPem], ['demo-ed', 'EdDSA', pem(ed.publicKey)]]) {
    await rowsOf(api.t, 'INSERT INTO host_keys (id, tenant_id, kid, alg, key, created_at) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), api.t.ids.demo.tenantId, kid, alg, key, '2026-03-01T00:00:00.000Z']);
  }
});
after(() => api.close());

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
const now = () => Math.floor(api.t.clock.now().getTime() / 1000);
const claims = (over: Record<string, unknown> = {}) => ({ iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat: now(), exp: now() + 300, jti: randomUUID(), ...over });
const hs = (secret: string, header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const rs = (header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url')}`;
};
/** ES256 as JWS wants it: P-256, SHA-256, the signature as r‖s (IEEE P1363), not DER. */
const es = (header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
};
const eddsa = (header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), ed.privateKey).toString('base64url')}`;
};
const exchange = (token: string) => api.send('POST', '/v1/auth/exchange', { body: { token } });

describe('host identity tokens (JWT)', () => {
  it('the genuine HS256, RS256, ES256 and EdDSA tokens are accepted', async () => {
    assert.equal((await exchange(hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims()))).status, 200);
    assert.equal((await exchange(rs({ alg: 'RS256', kid: 'demo-rsa' }, claims()))).status, 200);
    const ecReply = await exchange(es({ alg: 'ES256', kid: 'demo-ec', typ: 'JWT' }, claims()));
    assert.equal(ecReply.status, 200, ecReply.text);
    assert.match((ecReply.json as { token: string }).token, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal((await exchange(eddsa({ alg: 'EdDSA', kid: 'demo-ed' }, claims()))).status, 200);
  });

  it('an nbf already passed is accepted (only a future one is refused)', async () => {
    assert.equal((await exchange(es({ alg: 'ES256', kid: 'demo-ec' }, claims({ nbf: now() - 10 })))).status, 200);
  });

  const forgeries: [string, () => string][] = [
    ['missing exp', () => { const { exp: _exp, ...c } = claims(); return hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, c); }],
    ['missing iat', () => { const { iat: _iat, ...c } = claims(); return hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, c); }],
    ['far exp (one year)', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ exp: now() + 365 * 86400 }))],
    ['expired', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ iat: now() - 900, exp: now() - 600 }))],
    ['issued in the future', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ iat: now() + 3600, exp: now() + 3900 }))],
    ['not valid before five minutes from now (nbf)', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ nbf: now() + 300 }))],
    ['ES256 not valid yet (nbf)', () => es({ alg: 'ES256', kid: 'demo-ec' }, claims({ nbf: now() + 300 }))],
    ['an unknown critical header (crit), correctly signed', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1', crit: ['https://host.example/acr'], 'https://host.example/acr': 'mfa' }, claims())],
    ['an unknown critical header on ES256', () => es({ alg: 'ES256', kid: 'demo-ec', crit: ['exp'], exp: now() + 60 }, claims())],
    ['wrong aud', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ aud: 'someone-else' }))],
    ['no aud', () => { const { aud: _aud, ...c } = claims(); return hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, c); }],
    ['no jti', () => { const { jti: _jti, ...c } = claims(); return hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, c); }],
    ['another tenant’s key (other’s secret, iss demo)', () => hs(OTHER_SECRET, { alg: 'HS256', kid: 'other-1' }, claims())],
    ['another tenant’s key (other’s secret under demo’s kid)', () => hs(OTHER_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims())],
    ['demo’s key vouching for other (iss other)', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ iss: 'other', sub: 'admin-other' }))],
    ['alg none, no signature', () => `${b64({ alg: 'none', kid: 'demo-1' })}.${b64(claims())}.`],
    ['alg none, kid omitted', () => `${b64({ alg: 'none' })}.${b64(claims())}.`],
    ['HS/RS confusion: HS256 keyed with the RS256 public key', () => hs(rsaPublicPem, { alg: 'HS256', kid: 'demo-rsa' }, claims())],
    ['RS256 header on the HS256 key', () => rs({ alg: 'RS256', kid: 'demo-1' }, claims())],
    ['HS/ES confusion: HS256 keyed with the ES256 public key', () => hs(ecPublicPem, { alg: 'HS256', kid: 'demo-ec' }, claims())],
    ['ES256 header on the RS256 key', () => es({ alg: 'ES256', kid: 'demo-rsa' }, claims())],
    ['RS256 signature under the ES256 key', () => rs({ alg: 'RS256', kid: 'demo-ec' }, claims())],
    ['ES256 signed with another P-256 key', () => { const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }); const input = `${b64({ alg: 'ES256', kid: 'demo-ec' })}.${b64(claims())}`; return `${input}.${sign('sha256', Buffer.from(input), { key: stranger.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`; }],
    ['ES256 signature in DER rather than r‖s', () => { const input = `${b64({ alg: 'ES256', kid: 'demo-ec' })}.${b64(claims())}`; return `${input}.${sign('sha256', Buffer.from(input), ec.privateKey).toString('base64url')}`; }],
    ['EdDSA header on the ES256 key', () => eddsa({ alg: 'EdDSA', kid: 'demo-ec' }, claims())],
    ['payload changed after signing', () => { const [h, , s] = hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims()).split('.'); return `${h}.${b64(claims({ sub: 'admin-demo' }))}.${s}`; }],
    ['unknown kid', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'nope' }, claims())],
    ['unknown tenant', () => hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims({ iss: 'nowhere' }))],
    ['not a JWT', () => 'not.a.jwt'],
  ];
  for (const [name, token] of forgeries) {
    it(`${name} → 401`, async () => {
      const reply = await exchange(token());
      assert.equal(reply.status, 401, reply.text);
      assert.ok(isProblem(reply));
      assert.ok(!/token"\s*:/.test(reply.text), 'no session token in a refusal');
    });
  }

  it('a replayed jti → 401 the second time', async () => {
    const token = hs(DEMO_SECRET, { alg: 'HS256', kid: 'demo-1' }, claims());
    assert.equal((await exchange(token)).status, 200);
    const again = await exchange(token);
    assert.equal(again.status, 401);
    assert.ok(isProblem(again));
  });
});
