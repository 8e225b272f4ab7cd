import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature } from 'node:crypto';
import type { HostKeyAlgorithm } from '@passerelle/schema';

/** The identity a host site vouches for. */
export interface HostIdentity {
  iss: string;
  sub: string;
  jti: string;
  exp: number;
  iat: number;
  email?: string;
  name?: string;
  affiliation?: string;
}

export interface HostKey {
  kid: string;
  alg: HostKeyAlgorithm;
  key: string;
}

/** Why a token was refused; the detail goes to the log, the client gets a plain 401. */
export class HostTokenError extends Error {}

/** Identity tokens live at most this long (`exp - iat`). */
export const MAX_TOKEN_LIFETIME_SECONDS = 10 * 60;
const CLOCK_SKEW_SECONDS = 60;
export const AUDIENCE = 'passerelle';

function decodePart(part: string | undefined, what: string): Record<string, unknown> {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) throw new HostTokenError(`${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new HostTokenError(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HostTokenError(`${what} is not an object`);
  return value as Record<string, unknown>;
}

/** Reads the unverified `iss` and `kid`, to find the tenant and its key. Nothing else is trusted before the signature. */
export function peekToken(token: string): { iss: string; kid: string | undefined; alg: string } {
  const [h, p] = token.split('.');
  const header = decodePart(h, 'header');
  const payload = decodePart(p, 'payload');
  if (typeof payload.iss !== 'string') throw new HostTokenError('no iss');
  if (typeof header.alg !== 'string') throw new HostTokenError('no alg');
  return { iss: payload.iss, kid: typeof header.kid === 'string' ? header.kid : undefined, alg: header.alg };
}

function signatureValid(key: HostKey, signingInput: string, signature: Buffer): boolean {
  const data = Buffer.from(signingInput);
  switch (key.alg) {
    case 'HS256': {
      const expected = createHmac('sha256', key.key).update(data).digest();
      return expected.length === signature.length && timingSafeEqual(expected, signature);
    }
    case 'EdDSA':
      return verifySignature(null, data, createPublicKey(key.key), signature);
    case 'RS256':
      return verifySignature('sha256', data, createPublicKey(key.key), signature);
  }
}

/**
 * Verifies a host-signed JWT against the tenant's keys. The header's `alg`
 * must be the key's own algorithm (no `none`, no HS256-with-a-public-key
 * confusion); `aud`, `exp`, `iat`, `jti`, `sub` are required and `exp` is at
 * most ten minutes after `iat`. Replay (`jti`) is checked by the caller,
 * against the database.
 */
export function verifyHostToken(token: string, keys: readonly HostKey[], expectedIssuer: string, nowSeconds: number): HostIdentity {
  const parts = token.split('.');
  if (parts.length !== 3) throw new HostTokenError('not a compact JWS');
  const [h, p, s] = parts as [string, string, string];
  const header = decodePart(h, 'header');
  const payload = decodePart(p, 'payload');
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const candidates = kid === undefined ? (keys.length === 1 ? keys : []) : keys.filter((k) => k.kid === kid);
  const key = candidates[0];
  if (!key) throw new HostTokenError(kid === undefined ? 'no kid and several keys' : `unknown kid ${kid}`);
  if (header.alg !== key.alg) throw new HostTokenError(`alg ${String(header.alg)} does not match key ${key.alg}`);
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new HostTokenError('signature is not base64url');
  let valid: boolean;
  try {
    valid = signatureValid(key, `${h}.${p}`, Buffer.from(s, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) throw new HostTokenError('bad signature');

  const { iss, sub, aud, exp, iat, jti } = payload;
  if (iss !== expectedIssuer) throw new HostTokenError('wrong iss');
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(AUDIENCE)) throw new HostTokenError('wrong aud');
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new HostTokenError('bad sub');
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) throw new HostTokenError('no jti');
  if (typeof exp !== 'number' || typeof iat !== 'number') throw new HostTokenError('exp and iat are required');
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new HostTokenError('lifetime over 10 minutes');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new HostTokenError('issued in the future');
  if (exp <= nowSeconds - CLOCK_SKEW_SECONDS) throw new HostTokenError('expired');
  const str = (x: unknown) => (typeof x === 'string' && x.length <= 320 ? x : undefined);
  const identity: HostIdentity = { iss, sub, jti, exp, iat };
  const email = str(payload.email);
  const name = str(payload.name);
  const affiliation = str(payload.affiliation);
  if (email) identity.email = email;
  if (name) identity.name = name;
  if (affiliation) identity.affiliation = affiliation;
  return identity;
}

/** Signs an HS256 identity token, as a host site does (demo host, CLI and tests). */
export function signHostToken(secret: string, kid: string, claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
