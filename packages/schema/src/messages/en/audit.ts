/** English words of the audit.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const audit: CatalogueArea<'audit'> = {
  'audit.list.action': () => 'Enter an action such as offer.create, or the start of one ending with a dot, such as offer.',
  'audit.list.dateOrder': () => 'The end date comes before the start date: choose an end date on or after it.',
};
