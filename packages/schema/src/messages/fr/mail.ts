/** French words of the mail.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const mail: CatalogueArea<'mail'> = {
  'mail.preference.kind': () => 'Seuls les rappels et récapitulatifs peuvent être désactivés : offer.digest, offer.expiresSoon ou consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'Ce lien de désinscription est incomplet : ouvrez le lien du message tel quel.',
  'mail.unsubscribe.unknown': () => 'Ce lien de désinscription est inconnu (ou ne l’est plus) : changez vos préférences depuis votre compte.',
  'mail.person.notFound': () => 'Cette personne n’existe pas, ou vous ne pouvez pas la voir.',
  'mail.freshness.months': () => 'Un nombre entier de mois, de 1 à 120.',
  'mail.freshness.notConfigured': () => 'La campagne de mise à jour a besoin de la finalité à laquelle les personnes consentent (settings.freshness.purpose) : demandez à un administrateur de la définir.',
};
