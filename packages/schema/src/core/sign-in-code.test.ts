import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { en } from '../messages/en.ts';
import { inWords, issueMessage } from '../messages/index.ts';
import { VerifyCodeSchema } from './auth.ts';
import { groupLongCode, isLongSignInCode, LONG_CODE_ALPHABET, normalizeSignInCode } from './sign-in-code.ts';

const code = (typed: string) => v.safeParse(VerifyCodeSchema, { tenant: 'demo', email: 'a@example.org', code: typed });

describe('sign-in codes', () => {
  it('accepts 6 digits, with spaces around or inside', () => {
    expect(code('123456').output).toMatchObject({ code: '123456' });
    expect(code(' 123 456 ').output).toMatchObject({ code: '123456' });
  });

  it('accepts a long code with or without dashes, in any case, and reads O, I, L as 0, 1, 1', () => {
    for (const typed of ['K7QF-M2XP-9DHR', 'k7qfm2xp9dhr', ' k7qf m2xp 9dhr ', 'K7QF-M2XP-9DHR'.toLowerCase()]) {
      expect(code(typed).output).toMatchObject({ code: 'K7QFM2XP9DHR' });
    }
    expect(normalizeSignInCode('oIl0-AAAA-BBBB')).toBe('0110AAAABBBB');
    expect(isLongSignInCode('0110AAAABBBB')).toBe(true);
  });

  it('refuses anything else with one message', () => {
    for (const typed of ['12345', '1234567', 'abcdef', 'K7QF-M2XP-9DH', 'K7QF-M2XP-9DHU', '', 'x'.repeat(41)]) {
      const result = code(typed);
      expect(result.success, typed).toBe(false);
      expect(issueMessage(result.issues![0]!)).toMatchObject({ code: 'auth.code.format' });
      expect(inWords(en, issueMessage(result.issues![0]!))).toBe('The code is the 6 digits, or the 12 characters, from the email.');
    }
  });

  it('has 32 unambiguous symbols and shows long codes in groups of four', () => {
    expect(new Set(LONG_CODE_ALPHABET).size).toBe(32);
    expect(LONG_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(groupLongCode('K7QFM2XP9DHR')).toBe('K7QF-M2XP-9DHR');
  });
});
