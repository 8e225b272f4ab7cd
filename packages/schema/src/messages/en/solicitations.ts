/** English words of the solicitation.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const solicitations: CatalogueArea<'solicitations'> = {
  'solicitation.people.range': () => `List from 1 to 10,000 people to check.`,
  'solicitation.month.format': () => 'Give the month as YYYY-MM, such as 2026-12.',
  'solicitation.entity': () => 'Choose an entity of this institution as the sender.',
  'solicitation.refused.unknownPerson': () => 'This person does not exist in this institution.',
  'solicitation.refused.outOfScope': () => 'This person is not a member of the entities you look after.',
  'solicitation.refused.erased': () => 'This person asked for their account to be erased: contact them no more.',
  'solicitation.refused.objected': () => 'This person objected to being contacted for this purpose on this channel.',
  'solicitation.refused.notGranted': () => 'This person has not agreed to be contacted for this purpose on this channel, or their consent was withdrawn or has expired.',
  'solicitation.refused.renewalNeeded': () => 'This person agreed to an older text of this purpose: ask them to renew their consent first.',
  'solicitation.refused.capReached': () => 'This person has received every message they accept this month, all services together.',
};
