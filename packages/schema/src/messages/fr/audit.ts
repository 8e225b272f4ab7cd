/** French words of the audit.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const audit: CatalogueArea<'audit'> = {
  'audit.list.action': () => 'Saisissez une action comme offer.create, ou son début terminé par un point, comme offer.',
  'audit.list.dateOrder': () => 'La date de fin précède la date de début : choisissez une date de fin égale ou postérieure.',
};
