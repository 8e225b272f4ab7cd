import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { groupLongCode, isLongSignInCode, LONG_CODE_ALPHABET, LONG_CODE_LENGTH } from '@passerelle/schema';
import type { Db, DbOrTx } from '../db/open.ts';
import {
  countCodesForAddressSince,
  countCodesForIpSince,
  expireLiveShortCodes,
  findNewestLiveShortCode,
  insertEmailCode,
  listLiveLongCodes,
  markCodeUsed,
  setCodeAttempts,
  type CodeKind,
} from './queries/email-codes.ts';
import { countFailuresForAddressSince, countFailuresFromIpSince, insertSignInFailure } from './queries/sign-in-failures.ts';
import { withTransaction } from '../db/transaction.ts';

export const CODE_LIFETIME_MINUTES = 15;
/** Wrong guesses a 6-digit code survives. */
export const MAX_ATTEMPTS = 5;
/**
 * Codes sent to one address, and asked for from one IP, per sliding window:
 * a code is counted for 15 minutes after it was sent, and a refused request
 * is not counted, so the limit holds nobody back more than 15 minutes after
 * the last code sent (which went to the address's owner).
 */
export const RATE_WINDOW_MINUTES = 15;
export const MAX_PER_ADDRESS = 5;
export const MAX_PER_IP = 30;
/**
 * Wrong codes an address may receive per sliding 24 hours, whatever codes
 * were asked for. The one that reaches it pauses 6-digit codes for the
 * address: its live ones die, and every code sent to it is a long code
 * until fewer than this many wrong codes remain in the last 24 hours.
 */
export const WRONG_CODES_PER_ADDRESS = 10;
export const WRONG_CODES_WINDOW_HOURS = 24;
/** Wrong codes one client address may enter per sliding 15 minutes (any tenant, any address). */
export const WRONG_CODES_PER_IP = 30;
export const WRONG_CODES_IP_WINDOW_MINUTES = 15;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/** A code just stored (as its salted hash) for the address: what to mail. */
export interface IssuedCode {
  kind: CodeKind;
  /** As the email shows it: `123456`, or `K7QF-M2XP-9DHR`. */
  display: string;
}

/** Whether this address or IP asked for too many codes recently (counted in the database, so every instance agrees). */
export async function rateLimited(db: Db, tenantId: string, email: string, ip: string, now: Date): Promise<boolean> {
  const since = minutesBefore(now, RATE_WINDOW_MINUTES);
  const perAddress = await countCodesForAddressSince(db, tenantId, email, since);
  const perIp = await countCodesForIpSince(db, ip, since);
  return perAddress >= MAX_PER_ADDRESS || perIp >= MAX_PER_IP;
}

/** Whether this client address entered too many wrong codes in the last 15 minutes. */
export async function tooManyWrongCodesFrom(db: Db, ip: string, now: Date): Promise<boolean> {
  return (await countFailuresFromIpSince(db, ip, minutesBefore(now, WRONG_CODES_IP_WINDOW_MINUTES))) >= WRONG_CODES_PER_IP;
}

const wrongCodesForAddress = (db: DbOrTx, tenantId: string, email: string, now: Date) =>
  countFailuresForAddressSince(db, tenantId, email, minutesBefore(now, WRONG_CODES_WINDOW_HOURS * 60));

function newCode(kind: CodeKind): { stored: string; display: string } {
  if (kind === 'short') {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    return { stored: code, display: code };
  }
  const code = Array.from({ length: LONG_CODE_LENGTH }, () => LONG_CODE_ALPHABET[randomInt(0, LONG_CODE_ALPHABET.length)]).join('');
  return { stored: code, display: groupLongCode(code) };
}

async function storeCode(db: DbOrTx, kind: CodeKind, tenantId: string, email: string, ip: string, now: Date): Promise<IssuedCode> {
  const { stored, display } = newCode(kind);
  const id = crypto.randomUUID();
  await insertEmailCode(db, {
    id,
    tenantId,
    email,
    kind,
    ip,
    codeHash: hashCode(id, stored),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MINUTES * 60_000).toISOString(),
  });
  return { kind, display };
}

/**
 * Creates a code for the address: 6 digits, or a long code while 6-digit
 * codes are paused for it. Only its salted hash is stored.
 */
export function issueCode(db: Db, tenantId: string, email: string, ip: string, now: Date): Promise<IssuedCode> {
  return withTransaction({ db }, async (tx) => {
    const paused = (await wrongCodesForAddress(tx, tenantId, email, now)) >= WRONG_CODES_PER_ADDRESS;
    return storeCode(tx, paused ? 'long' : 'short', tenantId, email, ip, now);
  });
}

function matches(row: { id: string; codeHash: string }, code: string): boolean {
  return timingSafeEqual(Buffer.from(row.codeHash, 'hex'), Buffer.from(hashCode(row.id, code), 'hex'));
}

export type CodeCheck =
  | { accepted: true }
  /** `paused`: this wrong code paused 6-digit codes for the address; mail it this long code. */
  | { accepted: false; paused?: IssuedCode };

/**
 * Consumes a code for the address if it matches one sent to it: the newest
 * live 6-digit code (dead after MAX_ATTEMPTS wrong guesses, or once the
 * address is paused), or any live long code (too many to guess, so a wrong
 * guess does not kill it and nobody can lock its owner out). Single use.
 * Every wrong code is recorded for the address and the client address.
 */
export function consumeCode(db: Db, input: { tenantId: string; email: string; ip: string; code: string; now: Date }): Promise<CodeCheck> {
  const { tenantId, email, ip, code, now } = input;
  const at = now.toISOString();
  return withTransaction({ db }, async (tx): Promise<CodeCheck> => {
    const wrongSoFar = await wrongCodesForAddress(tx, tenantId, email, now);
    if (isLongSignInCode(code)) {
      const row = (await listLiveLongCodes(tx, tenantId, email, at)).find((r) => matches(r, code));
      if (row) {
        await markCodeUsed(tx, row.id, at);
        return { accepted: true };
      }
    } else if (wrongSoFar < WRONG_CODES_PER_ADDRESS) {
      const row = await findNewestLiveShortCode(tx, tenantId, email, at);
      if (row && row.attempts < MAX_ATTEMPTS) {
        if (matches(row, code)) {
          await markCodeUsed(tx, row.id, at);
          return { accepted: true };
        }
        await setCodeAttempts(tx, row.id, row.attempts + 1);
      }
    }
    await insertSignInFailure(tx, { tenantId, email, ip, at });
    if (wrongSoFar + 1 < WRONG_CODES_PER_ADDRESS || wrongSoFar >= WRONG_CODES_PER_ADDRESS) return { accepted: false };
    // This wrong code used up the address's budget: 6-digit codes die, and its owner gets a long code.
    await expireLiveShortCodes(tx, tenantId, email, at);
    return { accepted: false, paused: await storeCode(tx, 'long', tenantId, email, ip, now) };
  });
}
