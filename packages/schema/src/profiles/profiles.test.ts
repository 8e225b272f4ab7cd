import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { completeness, completenessFields, freshness } from './scores.ts';
import { searchKey } from './normalise.ts';
import { ProfilePatchSchema } from './schema.ts';

describe('searchKey', () => {
  it.each([
    ['Élodie  LE GALL', 'elodie le gall'],
    ['Inès', 'ines'],
    ['Lefèvre', 'lefevre'],
    ['D’Artagnan', "d'artagnan"],
  ])('%s → %s', (input, key) => expect(searchKey(input)).toBe(key));
});

describe('scores', () => {
  it('completeness is the share of counted fields that hold a value', () => {
    expect(completeness({})).toBe(0);
    const all = Object.fromEntries(completenessFields.map((k) => [k, 'x']));
    expect(completeness(all)).toBe(100);
    expect(completeness({ givenName: 'A', familyName: '', emails: [] })).toBe(Math.round(100 / completenessFields.length));
  });
  it('freshness is 100 right after, 50 after a year, 0 after two years or never', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(freshness(at, new Date(at))).toBe(100);
    expect(freshness(at, new Date('2027-01-01T00:00:00.000Z'))).toBe(50);
    expect(freshness(at, new Date('2028-06-01T00:00:00.000Z'))).toBe(0);
    expect(freshness(null, new Date(at))).toBe(0);
  });
});

describe('ProfilePatchSchema', () => {
  it('refuses keys that are not profile fields', () => {
    const result = v.safeParse(ProfilePatchSchema, { roles: ['admin'], bio: 'x' });
    expect(result.success).toBe(false);
  });
  it('requires exactly one primary email', () => {
    const two = [
      { address: 'a@example.org', primary: true },
      { address: 'b@example.org', primary: true },
    ];
    expect(v.safeParse(ProfilePatchSchema, { emails: two }).success).toBe(false);
    expect(v.safeParse(ProfilePatchSchema, { emails: [two[0]] }).success).toBe(true);
  });
});
