import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../messages/index.ts';
import { DEFAULT_MAIL_COLOURS, InstitutionPagesInputSchema, MailBrandingInputSchema, contrastRatio } from './settings.ts';

const codes = (schema: v.GenericSchema, input: unknown) => {
  const r = v.safeParse(schema, input);
  return r.success ? [] : r.issues.map((i) => [v.getDotPath(i), issueMessage(i).code]);
};

describe('what messages read from the institution’s settings', () => {
  it('contrast as WCAG 2 computes it; the defaults read, a pale colour does not', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio(DEFAULT_MAIL_COLOURS.primaryColor, '#ffffff')).toBeGreaterThan(4.5);
    expect(codes(MailBrandingInputSchema, { ...DEFAULT_MAIL_COLOURS, name: 'Université Exemple' })).toEqual([]);
    expect(codes(MailBrandingInputSchema, { primaryColor: '#777777', textColor: '#767676' })).toEqual([['primaryColor', 'mail.branding.contrast']]);
    expect(codes(MailBrandingInputSchema, { backgroundColor: 'red', name: 'Une\nautre ligne' })).toEqual([
      ['name', 'mail.branding.name'],
      ['backgroundColor', 'mail.branding.colour'],
    ]);
  });
  it('pages: https without credentials, only the places a link may open', () => {
    expect(codes(InstitutionPagesInputSchema, { profile: 'https://www.univ.fr/compte?onglet=profil#moi' })).toEqual([]);
    expect(codes(InstitutionPagesInputSchema, { profile: 'http://www.univ.fr/', consents: 'https://u:p@www.univ.fr/', offers: 'javascript:alert(1)' })).toEqual([
      ['profile', 'mail.pages.https'],
      ['consents', 'mail.pages.https'],
      ['offers', 'mail.pages.https'],
    ]);
    expect(codes(InstitutionPagesInputSchema, { home: 'https://www.univ.fr/' })).toEqual([['home', 'validation.unknownKey']]);
  });
});
