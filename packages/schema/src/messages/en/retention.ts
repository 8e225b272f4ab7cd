/** English words of the retention.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

/** A calendar day (YYYY-MM-DD, UTC) in words. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const retention: CatalogueArea<'retention'> = {
  'retention.years.range': () => 'Give a whole number of years from 1 to 10, or null for the default (3 years).',
  'retention.active': ({ since }) => `This person showed a sign of life on ${day(since)}, within the rule’s years: they are not anonymised.`,
  'retention.excluded': ({ reason }) =>
    reason === 'institutionAccount'
      ? 'Staff, administrator and data protection officer accounts are not handled by the retention rule.'
      : 'This person asked to be erased: process their request in the erasure requests instead.',
};
