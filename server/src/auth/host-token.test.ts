import { describe, expect, it } from 'vitest';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { HostTokenError, verifyHostToken, type HostKey } from './host-token.ts';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = 1_780_000_000;
const claims = { iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: 'j-1' };

function signAsymmetric(alg: 'EdDSA' | 'RS256', kid: string, privateKey: Parameters<typeof sign>[2], payload = claims) {
  const input = `${b64({ alg, kid, typ: 'JWT' })}.${b64(payload)}`;
  const signature = sign(alg === 'EdDSA' ? null : 'sha256', Buffer.from(input), privateKey).toString('base64url');
  return `${input}.${signature}`;
}

describe('verifyHostToken with public keys', () => {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys: HostKey[] = [
    { kid: 'ed-2026', alg: 'EdDSA', key: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    { kid: 'rsa-2026', alg: 'RS256', key: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  ];

  it('accepts Ed25519 and RS256 signatures, choosing the key by kid', () => {
    expect(verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey), keys, 'demo', now).sub).toBe('alumna-claire');
    expect(verifyHostToken(signAsymmetric('RS256', 'rsa-2026', rsa.privateKey), keys, 'demo', now).sub).toBe('alumna-claire');
  });

  it('refuses a token whose alg is not the key’s (algorithm confusion)', () => {
    // An HS256 MAC keyed with the public PEM: the classic confusion attack.
    const pem = keys[1]!.key;
    const input = `${b64({ alg: 'HS256', kid: 'rsa-2026' })}.${b64(claims)}`;
    const forged = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    expect(() => verifyHostToken(forged, keys, 'demo', now)).toThrow(HostTokenError);
  });

  it('refuses a signature made with another key under a known kid', () => {
    const stranger = generateKeyPairSync('ed25519');
    expect(() => verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', stranger.privateKey), keys, 'demo', now)).toThrow(/bad signature/);
  });

  it('refuses an unknown kid, and a missing kid when the tenant has several keys', () => {
    expect(() => verifyHostToken(signAsymmetric('EdDSA', 'old', ed.privateKey), keys, 'demo', now)).toThrow(/unknown kid/);
    const input = `${b64({ alg: 'EdDSA' })}.${b64(claims)}`;
    const token = `${input}.${sign(null, Buffer.from(input), ed.privateKey).toString('base64url')}`;
    expect(() => verifyHostToken(token, keys, 'demo', now)).toThrow(/several keys/);
  });

  it('refuses a token issued for another tenant', () => {
    expect(() => verifyHostToken(signAsymmetric('EdDSA', 'ed-2026', ed.privateKey, { ...claims, iss: 'other' }), keys, 'demo', now)).toThrow(/wrong iss/);
  });
});
