import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isValidSiret, normaliseSiret, SIRET_MESSAGE, SiretSchema, sirenOfSiret } from './siret.ts';
import { withCheckDigit } from './luhn-fixture.ts';


const digitSum = (s: string): number => [...s].reduce((total, c) => total + Number(c), 0);
const luhnValid = (s: string): boolean => withCheckDigit(s.slice(0, 13)) === s;

describe('isValidSiret', () => {
  it('accepts La Poste’s head office, 356 000 000 00048', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('356 000 000 00048')).toBe(true);
    expect(isValidSiret('356\u202f000\u202f000\u202f00048')).toBe(true);
  });

  it.each([withCheckDigit('5520813170001'), withCheckDigit('1234567890001'), withCheckDigit('8000000000012')])(
    'accepts the computed SIRET %s',
    (siret) => {
      expect(isValidSiret(siret)).toBe(true);
    },
  );

  it.each([
    ['35600000000084', 'La Poste head office with two digits swapped'],
    ['35600000000049', 'La Poste head office with a typo'],
    ['3560000000004', '13 digits'],
    ['356000000000480', '15 digits'],
    ['3560000000004A', 'a letter'],
    ['356-000-000-00048', 'dashes'],
    ['', 'empty'],
  ])('refuses %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  it('refuses a computed SIRET with a wrong check digit', () => {
    const valid = withCheckDigit('5520813170001');
    const wrong = valid.slice(0, 13) + String((Number(valid.slice(13)) + 1) % 10);
    expect(isValidSiret(wrong)).toBe(false);
  });

  describe('La Poste establishments: digits add up to a multiple of 5', () => {
    // 3+5+6 = 14 for the SIREN, so the NIC digits must add up to 1, 6, 11, 16, 21…
    const establishments = ['35600000000001', '35600000000100', '35600000001230', '35600000099995'];
    it.each(establishments)('accepts %s although it fails Luhn', (siret) => {
      expect(digitSum(siret) % 5).toBe(0);
      expect(luhnValid(siret)).toBe(false);
      expect(isValidSiret(siret)).toBe(true);
    });
    it('refuses a La Poste SIRET whose digits do not add up to a multiple of 5 and that fails Luhn', () => {
      const siret = '35600000000101';
      expect(digitSum(siret) % 5).not.toBe(0);
      expect(luhnValid(siret)).toBe(false);
      expect(isValidSiret(siret)).toBe(false);
    });
    it('does not extend the exception to other companies', () => {
      const siret = '55208131700003';
      expect(digitSum(siret) % 5).toBe(0);
      expect(luhnValid(siret)).toBe(false);
      expect(isValidSiret(siret)).toBe(false);
    });
  });

  it('normalises and splits', () => {
    expect(normaliseSiret(' 356 000 000 00048 ')).toBe('35600000000048');
    expect(sirenOfSiret('356 000 000 00048')).toBe('356000000');
  });
});

describe('SiretSchema', () => {
  it('outputs the normalised SIRET', () => {
    expect(v.parse(SiretSchema, '356 000 000 00048')).toBe('35600000000048');
  });
  it('explains a refusal', () => {
    const result = v.safeParse(SiretSchema, '35600000000049');
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(SIRET_MESSAGE);
  });
});
