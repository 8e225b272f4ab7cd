import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isValidSiren, normaliseSiren, SIREN_MESSAGE, SirenSchema } from './siren.ts';
import { withCheckDigit } from './luhn-fixture.ts';


describe('isValidSiren', () => {
  it.each([
    ['356000000', 'La Poste'],
    ['552081317', 'EDF'],
    ['542051180', 'TotalEnergies'],
    [withCheckDigit('12345678'), 'computed'],
    [withCheckDigit('80000000'), 'computed'],
  ])('accepts %s (%s)', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it('accepts the grouped form people type', () => {
    expect(isValidSiren('356 000 000')).toBe(true);
    expect(normaliseSiren(' 552 081 317 ')).toBe('552081317');
  });

  it.each([
    ['356000001', 'wrong check digit'],
    ['552081371', 'two digits swapped'],
    ['35600000', '8 digits'],
    ['3560000000', '10 digits'],
    ['35600000A', 'a letter'],
    ['356-000-000', 'dashes'],
    ['', 'empty'],
  ])('refuses %s (%s)', (siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });
});

describe('SirenSchema', () => {
  it('outputs the normalised SIREN', () => {
    expect(v.parse(SirenSchema, '356 000 000')).toBe('356000000');
  });
  it('explains a refusal', () => {
    const result = v.safeParse(SirenSchema, '356000001');
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(SIREN_MESSAGE);
  });
});
