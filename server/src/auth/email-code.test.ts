import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { LONG_CODE_ALPHABET, normalizeSignInCode } from '@passerelle/schema';
import { memoryDatabase } from '../db/open.ts';
import { emailCodes, signInFailures } from '../db/tables/index.ts';
import { seedDemo } from '../seed/demo.ts';
import { consumeCode, issueCode, WRONG_CODES_PER_ADDRESS } from './email-code.ts';

const HOUR = 3_600_000;

function setup() {
  const db = memoryDatabase();
  let now = new Date('2026-03-02T09:00:00.000Z');
  const tenantId = seedDemo(db, {}, now).demo.tenantId;
  const email = 'someone@example.org';
  return {
    db,
    now: () => now,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    issue: () => issueCode(db, tenantId, email, '203.0.113.5', now),
    check: (code: string, ip = '203.0.113.5') => consumeCode(db, { tenantId, email, ip, code: normalizeSignInCode(code), now }),
    failures: () => db.select().from(signInFailures).where(eq(signInFailures.email, email)).all(),
  };
}

/** A 6-digit code other than `code`. */
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

/** Wrong codes up to the address's budget, the last one pausing 6-digit codes: the long code it mails. */
function pause(s: ReturnType<typeof setup>, guess = '123456') {
  for (let i = 0; i < WRONG_CODES_PER_ADDRESS - 1; i++) expect(s.check(guess)).toEqual({ accepted: false });
  const last = s.check(guess);
  if (last.accepted || !last.paused) throw new Error('the budget did not pause 6-digit codes');
  return last.paused;
}

describe('email codes', () => {
  it('stores only a salted hash of a 6-digit code', () => {
    const s = setup();
    const code = s.issue();
    expect(code).toMatchObject({ kind: 'short', display: expect.stringMatching(/^\d{6}$/) });
    const rows = s.db.select().from(emailCodes).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('short');
    expect(JSON.stringify(rows)).not.toContain(code.display);
  });

  it('counts every wrong code for the address, whether or not a code was ever sent', () => {
    const s = setup();
    expect(s.check('654321')).toEqual({ accepted: false });
    expect(s.check('K7QF-M2XP-9DHR')).toEqual({ accepted: false });
    expect(s.failures()).toHaveLength(2);
  });

  it('after the 10th wrong code: live 6-digit codes die, the mail gets a long code, and every code sent is long', () => {
    const s = setup();
    const short = s.issue();
    const long = pause(s, wrong(short.display));
    expect(long).toMatchObject({ kind: 'long', display: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    for (const c of long.display.replace(/-/g, '')) expect(LONG_CODE_ALPHABET).toContain(c);
    expect(s.check(short.display)).toEqual({ accepted: false });
    const next = s.issue();
    expect(next.kind).toBe('long');
    expect(JSON.stringify(s.db.select().from(emailCodes).all())).not.toContain(long.display.replace(/-/g, ''));
    // Any live long code signs in, typed with or without dashes, in any case; once.
    expect(s.check(long.display.toLowerCase())).toEqual({ accepted: true });
    expect(s.check(next.display.replace(/-/g, ''))).toEqual({ accepted: true });
    expect(s.check(next.display)).toEqual({ accepted: false });
  });

  it('never kills a long code with wrong guesses (it cannot be guessed), though each one is counted', () => {
    const s = setup();
    const long = pause(s);
    for (let i = 0; i < 40; i++) expect(s.check('AAAA-BBBB-CCCC')).toEqual({ accepted: false });
    expect(s.failures()).toHaveLength(WRONG_CODES_PER_ADDRESS + 40);
    expect(s.check(long.display)).toEqual({ accepted: true });
  });

  it('lets 6-digit codes back once fewer than 10 wrong codes remain in the last 24 hours', () => {
    const s = setup();
    pause(s);
    s.advance(23 * HOUR);
    expect(s.issue().kind).toBe('long');
    s.advance(1 * HOUR + 1);
    const short = s.issue();
    expect(short.kind).toBe('short');
    expect(s.check(short.display)).toEqual({ accepted: true });
  });

  it('a long code lives 15 minutes', () => {
    const s = setup();
    const long = pause(s);
    s.advance(15 * 60_000);
    expect(s.check(long.display)).toEqual({ accepted: false });
  });
});
