import { createHmac } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors, importSPKI, jwtVerify } from 'jose';
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
/** How far the host's clock may be off ours, for `exp`, `nbf` and `iat`. */
const CLOCK_SKEW_SECONDS = 60;
export const AUDIENCE = 'passerelle';

/** Reads the unverified `iss` and `kid`, to find the tenant and its key. Nothing else is trusted before the signature. */
export function peekToken(token: string): { iss: string; kid: string | undefined; alg: string } {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch (err) {
    throw new HostTokenError(`not a JWT (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof payload.iss !== 'string') throw new HostTokenError('no iss');
  if (typeof header.alg !== 'string') throw new HostTokenError('no alg');
  return { iss: payload.iss, kid: typeof header.kid === 'string' ? header.kid : undefined, alg: header.alg };
}

/** What jose verifies with: the HS256 secret's bytes, or the PEM public key imported for exactly this algorithm. */
function verificationKey(key: HostKey) {
  return key.alg === 'HS256' ? Promise.resolve(new TextEncoder().encode(key.key)) : importSPKI(key.key, key.alg);
}

/** jose's refusal, in the words the log has always used. */
function refusal(err: unknown): HostTokenError {
  if (err instanceof errors.JWSSignatureVerificationFailed) return new HostTokenError('bad signature');
  if (err instanceof errors.JWTExpired) return new HostTokenError('expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return new HostTokenError(`no ${err.claim}`);
    if (err.claim === 'iss') return new HostTokenError('wrong iss');
    if (err.claim === 'aud') return new HostTokenError('wrong aud');
    if (err.claim === 'nbf') return new HostTokenError('not valid yet (nbf in the future)');
    if (err.claim === 'iat') return new HostTokenError('issued in the future');
  }
  return new HostTokenError(err instanceof Error ? `${err instanceof errors.JOSEError ? err.code : err.name}: ${err.message}` : String(err));
}

/**
 * Verifies a host-signed JWT against the tenant's keys, with jose. `kid`
 * chooses the key (a single key needs none); the header's `alg` must be that
 * key's own algorithm (no `none`, no HS256 keyed with a public key); an
 * unknown `crit` header, a future `nbf` or `iat`, and an `exp` in the past
 * are refused (60 s of clock tolerance); `aud`, `exp`, `iat`, `jti`, `sub`
 * are required, `iss` is the tenant's slug, and `exp` is at most ten minutes
 * after `iat`. Replay (`jti`) is checked by the caller, against the database.
 */
export async function verifyHostToken(token: string, keys: readonly HostKey[], expectedIssuer: string, nowSeconds: number): Promise<HostIdentity> {
  // decodeProtectedHeader also reads a JWE's header: only a compact JWS is an identity token.
  if (token.split('.').length !== 3) throw new HostTokenError('not a compact JWS');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new HostTokenError('header is not base64url JSON');
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const candidates = kid === undefined ? (keys.length === 1 ? keys : []) : keys.filter((k) => k.kid === kid);
  const key = candidates[0];
  if (!key) throw new HostTokenError(kid === undefined ? 'no kid and several keys' : `unknown kid ${kid}`);
  if (header.alg !== key.alg) throw new HostTokenError(`alg ${String(header.alg)} does not match key ${key.alg}`);

  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, await verificationKey(key), {
      algorithms: [key.alg],
      issuer: expectedIssuer,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      // Implied by exp - iat ≤ 10 minutes (checked below); set so that jose also refuses an `iat` in the future.
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(nowSeconds * 1000),
    }));
  } catch (err) {
    throw refusal(err);
  }

  const { sub, exp, iat, jti } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw new HostTokenError('bad sub');
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) throw new HostTokenError('no jti');
  if (typeof exp !== 'number' || typeof iat !== 'number') throw new HostTokenError('exp and iat are required');
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new HostTokenError('lifetime over 10 minutes');
  const str = (x: unknown) => (typeof x === 'string' && x.length <= 320 ? x : undefined);
  const identity: HostIdentity = { iss: expectedIssuer, sub, jti, exp, iat };
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
