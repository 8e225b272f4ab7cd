import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isValidUai, normaliseUai, UAI_MESSAGE, UaiSchema, uaiCheckLetter } from './uai.ts';

/** Computes the check letter independently of the code under test. */
const letterOf = (digits: string): string => 'ABCDEFGHJKLMNPRSTUVWXYZ'.charAt(Number(digits) % 23);
const uai = (digits: string): string => digits + letterOf(digits);

describe('isValidUai', () => {
  it('0751717 mod 23 = 8, so its letter is J', () => {
    expect(751717 % 23).toBe(8);
    expect(uaiCheckLetter('0751717')).toBe('J');
    expect(isValidUai('0751717J')).toBe(true);
  });

  it.each(['0692437', '0133774', '0311382', '0590343', '9710001', '0000000'].map(uai))('accepts the computed UAI %s', (code) => {
    expect(isValidUai(code)).toBe(true);
  });

  it('never uses I, O or Q', () => {
    const letters = new Set<string>();
    for (let n = 0; n < 23; n += 1) letters.add(letterOf(String(n).padStart(7, '0')));
    expect(letters.size).toBe(23);
    expect([...letters].some((l) => 'IOQ'.includes(l))).toBe(false);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidUai(' 0751717j ')).toBe(true);
    expect(normaliseUai(' 0751717j ')).toBe('0751717J');
  });

  it.each([
    ['0751717K', 'wrong letter'],
    ['0751717I', 'a letter that is never used'],
    ['0751771J', 'two digits swapped'],
    ['751717J', '6 digits'],
    ['00751717J', '8 digits'],
    ['07517170', 'no letter'],
    ['J0751717', 'letter first'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidUai(code)).toBe(false);
  });
});

describe('UaiSchema', () => {
  it('outputs the normalised UAI', () => {
    expect(v.parse(UaiSchema, '0751717j')).toBe('0751717J');
  });
  it('explains a refusal', () => {
    const result = v.safeParse(UaiSchema, '0751717K');
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(UAI_MESSAGE);
  });
});
