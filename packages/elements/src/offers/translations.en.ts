import type { fr } from './translations.ts';

/** The offers' vocabulary in English (see translations.ts). */
export const en = {
  kinds: {
    internship: 'Internship',
    apprenticeship: 'Apprenticeship',
    fixed_term: 'Fixed-term contract',
    permanent: 'Permanent contract',
    international_volunteering: 'International volunteering (VIE)',
  },
  remotes: { onsite: 'On site', hybrid: 'Hybrid', remote: 'Remote' },
  units: { months: 'months', weeks: 'weeks' },
} satisfies typeof fr;
