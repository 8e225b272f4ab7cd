import { createHmac, randomUUID } from 'node:crypto';

/** The demo tenant's host key, as registered in Passerelle by `seed --demo`. */
export const HOST_KID = 'demo-1';
export const HOST_ISSUER = 'demo';
const DEFAULT_SECRET = 'demo-host-secret-for-local-use-only-0123456789';

export const hostSecret = (): string => process.env.PASSERELLE_DEMO_HOST_SECRET || DEFAULT_SECRET;

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Signs a short-lived HS256 identity token for Passerelle, as the
 * institution's back end does after its own single sign-on. This is
 * deliberately not imported from the server: the host is another system
 * and only shares the secret.
 */
export function signIdentityToken(claims: { sub: string; email?: string; name?: string; affiliation?: string }, secret = hostSecret(), now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const header = b64url({ alg: 'HS256', typ: 'JWT', kid: HOST_KID });
  // Two minutes is plenty: the token is traded at once for a Passerelle session.
  const payload = b64url({ iss: HOST_ISSUER, aud: 'passerelle', iat, exp: iat + 120, jti: randomUUID(), ...claims });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
