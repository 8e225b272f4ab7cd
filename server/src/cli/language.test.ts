import { describe, expect, it } from 'vitest';
import { cliLanguage } from './language.ts';

describe('the language of the CLI', () => {
  it('is PASSERELLE_LANG when it says fr or en', () => {
    expect(cliLanguage({ PASSERELLE_LANG: 'en', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(cliLanguage({ PASSERELLE_LANG: 'FR', LC_ALL: 'en_GB.UTF-8' })).toBe('fr');
  });

  it('else the locale: LC_ALL, then LC_MESSAGES, then LANG, the first one set deciding', () => {
    expect(cliLanguage({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(cliLanguage({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: '', LANG: 'en' })).toBe('en');
    expect(cliLanguage({ PASSERELLE_LANG: 'de', LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('else French, the product’s language, also for a locale that names another language', () => {
    expect(cliLanguage({})).toBe('fr');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('fr');
    expect(cliLanguage({ LC_ALL: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
  });
});
