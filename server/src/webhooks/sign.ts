/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret
 * is `whsec_` + base64 of random bytes; the signature is
 * `v1,` + base64(HMAC-SHA256(key = the decoded bytes, `${id}.${timestamp}.${body}`)).
 */
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes. */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The `webhook-signature` header value for one attempt. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** After a rotation, the previous secret keeps signing (beside the new one) this long, so receivers can switch without losing a message. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** A subscription's keys: the current secret and, for a day after a rotation, the previous one. */
export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  /** ISO time until which `previousSecret` signs too. */
  previousSecretUntil: string | null;
}

/** The secrets that sign an attempt at `now`: the current one first, then the previous one while its overlap lasts. */
export function signingSecrets(keys: SigningKeys, now: Date): string[] {
  const overlapping = keys.previousSecret !== null && keys.previousSecretUntil !== null && Date.parse(keys.previousSecretUntil) > now.getTime();
  return overlapping ? [keys.secret, keys.previousSecret!] : [keys.secret];
}

/** The headers of a delivery attempt at `now`: one `v1,` signature per secret, space-separated (Standard Webhooks). */
export function signedHeaders(secrets: readonly string[], id: string, now: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
}
