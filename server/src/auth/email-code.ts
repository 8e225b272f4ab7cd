import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open.ts';
import { countCodesForAddressSince, countCodesForIpSince, findNewestLiveCode, insertEmailCode, markCodeUsed, setCodeAttempts } from '../db/auth/email-codes.ts';

export const CODE_LIFETIME_MINUTES = 15;
export const MAX_ATTEMPTS = 5;
/** Codes asked for one address, and from one IP, per window. */
export const RATE_WINDOW_MINUTES = 15;
export const MAX_PER_ADDRESS = 5;
export const MAX_PER_IP = 30;

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/** Whether this address or IP asked for too many codes recently (counted in the database, so every instance agrees). */
export function rateLimited(db: Db, tenantId: string, email: string, ip: string, now: Date): boolean {
  const since = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
  const perAddress = countCodesForAddressSince(db, tenantId, email, since);
  const perIp = countCodesForIpSince(db, ip, since);
  return perAddress >= MAX_PER_ADDRESS || perIp >= MAX_PER_IP;
}

/** Creates a 6-digit code; only its salted hash is stored. */
export function issueCode(db: Db, tenantId: string, email: string, ip: string, now: Date): string {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = crypto.randomUUID();
  insertEmailCode(db, {
    id,
    tenantId,
    email,
    ip,
    codeHash: hashCode(id, code),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MINUTES * 60_000).toISOString(),
  });
  return code;
}

/**
 * Consumes the newest live code for the address if it matches. Each wrong
 * guess counts; after MAX_ATTEMPTS the code is dead. Single use.
 */
export function consumeCode(db: Db, tenantId: string, email: string, code: string, now: Date): boolean {
  return db.transaction((tx) => {
    const row = findNewestLiveCode(tx, tenantId, email, now.toISOString());
    if (!row || row.attempts >= MAX_ATTEMPTS) return false;
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(hashCode(row.id, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      setCodeAttempts(tx, row.id, row.attempts + 1);
      return false;
    }
    markCodeUsed(tx, row.id, now.toISOString());
    return true;
  });
}
