/** French words of the retention.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

/** A calendar day (YYYY-MM-DD, UTC) in words. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const retention: CatalogueArea<'retention'> = {
  'retention.years.range': () => 'Indiquez un nombre entier d’années de 1 à 10, ou null pour la durée par défaut (3 ans).',
  'retention.active': ({ since }) => `Cette personne a donné signe de vie le ${day(since)}, dans la durée de la règle : elle n’est pas anonymisée.`,
  'retention.excluded': ({ reason }) =>
    reason === 'institutionAccount'
      ? 'Les comptes du personnel, des administrateurs et du délégué à la protection des données ne relèvent pas de la règle de conservation.'
      : 'Cette personne a demandé son effacement : traitez plutôt sa demande parmi les demandes d’effacement.',
};
