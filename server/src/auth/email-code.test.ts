import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { LONG_CODE_ALPHABET, normalizeSignInCode } from '@passerelle/schema';
import { memoryDatabase } from '../db/open.ts';
import { emailCodes, signInFailures } from '../db/tables/index.ts';
import { seedDemo } from '../seed/demo.ts';
import { consumeCode, issueCode, WRONG_CODES_PER_ADDRESS } from './email-code.ts';

const HOUR = 3_600_000;

async function setup() {
  const db = memoryDatabase();
  let now = new Date('2026-03-02T09:00:00.000Z');
  const tenantId = (await seedDemo(db, {}, now)).demo.tenantId;
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
async function pause(s: Awaited<ReturnType<typeof setup>>, guess = '123456') {
  for (let i = 0; i < WRONG_CODES_PER_ADDRESS - 1; i++) expect(await s.check(guess)).toEqual({ accepted: false });
  const last = await s.check(guess);
  if (last.accepted || !last.paused) throw new Error('the budget did not pause 6-digit codes');
  return last.paused;
}

describe('email codes', () => {
  it('stores only a salted hash of a 6-digit code', async () => {
    const s = await setup();
    const code = await s.issue();
    expect(code).toMatchObject({ kind: 'short', display: expect.stringMatching(/^\d{6}$/) });
    const rows = (await s.db.select().from(emailCodes).all());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('short');
    expect(JSON.stringify(rows)).not.toContain(code.display);
  });

  it('counts every wrong code for the address, whether or not a code was ever sent', async () => {
    const s = await setup();
    expect(await s.check('654321')).toEqual({ accepted: false });
    expect(await s.check('K7QF-M2XP-9DHR')).toEqual({ accepted: false });
    expect((await s.failures())).toHaveLength(2);
  });

  it('after the 10th wrong code: live 6-digit codes die, the mail gets a long code, and every code sent is long', async () => {
    const s = await setup();
    const short = await s.issue();
    const long = await pause(s, wrong(short.display));
    expect(long).toMatchObject({ kind: 'long', display: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    for (const c of long.display.replace(/-/g, '')) expect(LONG_CODE_ALPHABET).toContain(c);
    expect(await s.check(short.display)).toEqual({ accepted: false });
    const next = await s.issue();
    expect(next.kind).toBe('long');
    expect(JSON.stringify((await s.db.select().from(emailCodes).all()))).not.toContain(long.display.replace(/-/g, ''));
    // Any live long code signs in, typed with or without dashes, in any case; once.
    expect(await s.check(long.display.toLowerCase())).toEqual({ accepted: true });
    expect(await s.check(next.display.replace(/-/g, ''))).toEqual({ accepted: true });
    expect(await s.check(next.display)).toEqual({ accepted: false });
  });

  it('never kills a long code with wrong guesses (it cannot be guessed), though each one is counted', async () => {
    const s = await setup();
    const long = await pause(s);
    for (let i = 0; i < 40; i++) expect(await s.check('AAAA-BBBB-CCCC')).toEqual({ accepted: false });
    expect((await s.failures())).toHaveLength(WRONG_CODES_PER_ADDRESS + 40);
    expect(await s.check(long.display)).toEqual({ accepted: true });
  });

  it('lets 6-digit codes back once fewer than 10 wrong codes remain in the last 24 hours', async () => {
    const s = await setup();
    await pause(s);
    s.advance(23 * HOUR);
    expect((await s.issue()).kind).toBe('long');
    s.advance(1 * HOUR + 1);
    const short = await s.issue();
    expect(short.kind).toBe('short');
    expect(await s.check(short.display)).toEqual({ accepted: true });
  });

  it('a long code lives 15 minutes', async () => {
    const s = await setup();
    const long = await pause(s);
    s.advance(15 * 60_000);
    expect(await s.check(long.display)).toEqual({ accepted: false });
  });
});
