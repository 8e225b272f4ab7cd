import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CompanyRequestCreateSchema, emailMatchesWebsite, foldForSearch } from './directory.ts';

describe('foldForSearch', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldForSearch("École d'Ingénieurs")).toBe('ecole d ingenieurs');
    expect(foldForSearch('ÉLECTRICITÉ-GÉNÉRALE')).toBe('electricite generale');
    expect(foldForSearch('  ')).toBe('');
  });
});

describe('emailMatchesWebsite', () => {
  it('matches the website’s domain, with or without www, and subdomains', () => {
    expect(emailMatchesWebsite('anne@acme-robotique.fr', 'https://www.acme-robotique.fr')).toBe(true);
    expect(emailMatchesWebsite('anne@rh.acme-robotique.fr', 'https://acme-robotique.fr/jobs')).toBe(true);
    expect(emailMatchesWebsite('anne@acme-robotique.fr.evil.com', 'https://acme-robotique.fr')).toBe(false);
    expect(emailMatchesWebsite('anne@gmail.com', 'https://acme-robotique.fr')).toBe(false);
    expect(emailMatchesWebsite('anne@acme.fr', null)).toBe(false);
  });
});

describe('CompanyRequestCreateSchema', () => {
  it('takes an existing company or a new one, not both, and refuses unknown keys', () => {
    const id = '0b5f8f5e-6a2a-4c43-9d55-2f0c4d1a7a11';
    expect(v.safeParse(CompanyRequestCreateSchema, { companyId: id }).success).toBe(true);
    expect(v.safeParse(CompanyRequestCreateSchema, { company: { name: 'X', siret: '81234567600017' } }).success).toBe(true);
    expect(v.safeParse(CompanyRequestCreateSchema, { companyId: id, company: { name: 'X', siret: '81234567600017' } }).success).toBe(false);
    expect(v.safeParse(CompanyRequestCreateSchema, { company: { name: 'X', siret: '81234567600018' } }).success).toBe(false);
  });
});
