import { describe, expect, it } from 'vitest';
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { HostTokenError, verifyHostToken, type HostKey } from './host-token.ts';

// Tokens are built here with node:crypto, not with jose: an implementation independent of the one under test.
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = 1_780_000_000;
const claims = { iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: 'j-1' };
type Alg = 'EdDSA' | 'RS256' | 'ES256';

function signAsymmetric(alg: Alg, kid: string, privateKey: KeyObject, payload: Record<string, unknown> = claims, header: Record<string, unknown> = {}) {
  const input = `${b64({ alg, kid, typ: 'JWT', ...header })}.${b64(payload)}`;
  // JWS wants ES256 signatures as r‖s (IEEE P1363), not DER.
  const key = alg === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' as const } : privateKey;
  const signature = sign(alg === 'EdDSA' ? null : 'sha256', Buffer.from(input), key).toString('base64url');
  return `${input}.${signature}`;
}

const hs256 = (secret: string, header: Record<string, unknown>, payload: Record<string, unknown> = claims) => {
  const input = `${b64({ alg: 'HS256', ...header })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

describe('verifyHostToken with public keys', () => {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = (k: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }) => k.export({ type: 'spki', format: 'pem' }).toString();
  const keys: HostKey[] = [
    { kid: 'ed-2026', alg: 'EdDSA', key: pem(ed.publicKey) },
    { kid: 'rsa-2026', alg: 'RS256', key: pem(rsa.publicKey) },
    { kid: 'ec-2026', alg: 'ES256', key: pem(ec.publicKey) },
  ];

  it('accepts Ed25519, RS256 and ES256 (P-256) signatures, choosing the key by kid', async () => {
    expect((await verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey), keys, 'demo', now)).sub).toBe('alumna-claire');
    expect((await verifyHostToken(signAsymmetric('RS256', 'rsa-2026', rsa.privateKey), keys, 'demo', now)).sub).toBe('alumna-claire');
    expect(await verifyHostToken(signAsymmetric('ES256', 'ec-2026', ec.privateKey), keys, 'demo', now)).toMatchObject({ iss: 'demo', sub: 'alumna-claire', jti: 'j-1' });
  });

  it('refuses an ES256 signature in DER form, and one made with another P-256 key', async () => {
    const input = `${b64({ alg: 'ES256', kid: 'ec-2026' })}.${b64(claims)}`;
    const der = `${input}.${sign('sha256', Buffer.from(input), ec.privateKey).toString('base64url')}`;
    await expect(verifyHostToken(der, keys, 'demo', now)).rejects.toThrow(HostTokenError);
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(verifyHostToken(signAsymmetric('ES256', 'ec-2026', stranger.privateKey), keys, 'demo', now)).rejects.toThrow(/bad signature/);
  });

  it('refuses a token whose alg is not the key’s (algorithm confusion)', async () => {
    // An HS256 MAC keyed with the public PEM: the classic confusion attack.
    await expect(verifyHostToken(hs256(keys[1]!.key, { kid: 'rsa-2026' }), keys, 'demo', now)).rejects.toThrow(/does not match/);
    await expect(verifyHostToken(hs256(keys[2]!.key, { kid: 'ec-2026' }), keys, 'demo', now)).rejects.toThrow(/does not match/);
    // An RS256 signature presented under the ES256 key's kid.
    await expect(verifyHostToken(signAsymmetric('RS256', 'ec-2026', rsa.privateKey), keys, 'demo', now)).rejects.toThrow(/does not match/);
    await expect(verifyHostToken(`${b64({ alg: 'none', kid: 'ed-2026' })}.${b64(claims)}.`, keys, 'demo', now)).rejects.toThrow(/does not match/);
  });

  it('refuses a signature made with another key under a known kid', async () => {
    const stranger = generateKeyPairSync('ed25519');
    await expect(verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', stranger.privateKey), keys, 'demo', now)).rejects.toThrow(/bad signature/);
  });

  it('refuses an unknown kid, and a missing kid when the tenant has several keys', async () => {
    await expect(verifyHostToken(signAsymmetric('EdDSA', 'old', ed.privateKey), keys, 'demo', now)).rejects.toThrow(/unknown kid/);
    const input = `${b64({ alg: 'EdDSA' })}.${b64(claims)}`;
    const token = `${input}.${sign(null, Buffer.from(input), ed.privateKey).toString('base64url')}`;
    await expect(verifyHostToken(token, keys, 'demo', now)).rejects.toThrow(/several keys/);
  });

  it('refuses a token issued for another tenant', async () => {
    await expect(verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey, { ...claims, iss: 'other' }), keys, 'demo', now)).rejects.toThrow(/wrong iss/);
  });

  it('refuses a critical header it does not understand, even correctly signed', async () => {
    const token = signAsymmetric('ES256', 'ec-2026', ec.privateKey, claims, { crit: ['https://host.example/policy'], 'https://host.example/policy': 'staff-only' });
    await expect(verifyHostToken(token, keys, 'demo', now)).rejects.toThrow(/"https:\/\/host.example\/policy" is not recognized/);
  });

  it('honours nbf: a token not valid before a minute and a half from now is refused, one within the 60 s tolerance is accepted', async () => {
    await expect(verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey, { ...claims, nbf: now + 90 }), keys, 'demo', now)).rejects.toThrow(/nbf/);
    expect((await verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey, { ...claims, nbf: now + 30 }), keys, 'demo', now)).sub).toBe('alumna-claire');
  });
});

describe('verifyHostToken with an HS256 secret: the claims', () => {
  const secret = 'a-host-secret-of-at-least-thirty-two-characters';
  const keys: HostKey[] = [{ kid: 'h-1', alg: 'HS256', key: secret }];
  const token = (over: Record<string, unknown>) => hs256(secret, { kid: 'h-1' }, { ...claims, ...over });

  it('accepts the genuine token, with or without kid when the tenant has one key', async () => {
    expect((await verifyHostToken(token({ email: 'claire@example.org' }), keys, 'demo', now)).email).toBe('claire@example.org');
    expect((await verifyHostToken(hs256(secret, {}), keys, 'demo', now)).sub).toBe('alumna-claire');
  });

  it('keeps the clock tolerance of 60 s on exp and iat, and the 10-minute lifetime', async () => {
    expect((await verifyHostToken(token({ iat: now - 330, exp: now - 30 }), keys, 'demo', now)).sub).toBe('alumna-claire');
    await expect(verifyHostToken(token({ iat: now - 400, exp: now - 61 }), keys, 'demo', now)).rejects.toThrow(/expired/);
    expect((await verifyHostToken(token({ iat: now + 30, exp: now + 300 }), keys, 'demo', now)).sub).toBe('alumna-claire');
    await expect(verifyHostToken(token({ iat: now + 120, exp: now + 300 }), keys, 'demo', now)).rejects.toThrow(/issued in the future/);
    await expect(verifyHostToken(token({ exp: now + 601 }), keys, 'demo', now)).rejects.toThrow(/lifetime over 10 minutes/);
  });

  it('requires aud, exp, iat, jti and sub', async () => {
    await expect(verifyHostToken(token({ aud: 'someone-else' }), keys, 'demo', now)).rejects.toThrow(/wrong aud/);
    for (const claim of ['aud', 'exp', 'iat', 'jti', 'sub']) {
      const { [claim]: _gone, ...rest } = claims as Record<string, unknown>;
      await expect(verifyHostToken(hs256(secret, { kid: 'h-1' }, rest), keys, 'demo', now)).rejects.toThrow(HostTokenError);
    }
  });
});
