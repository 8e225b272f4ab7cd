/** French words of the mail.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const mail: CatalogueArea<'mail'> = {
  'mail.preference.kind': () => 'Seuls les rappels et récapitulatifs peuvent être désactivés : offer.digest, offer.expiresSoon ou consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'Ce lien de désinscription est incomplet : ouvrez le lien du message tel quel.',
  'mail.unsubscribe.unknown': () => 'Ce lien de désinscription est inconnu (ou ne l’est plus) : changez vos préférences depuis votre compte.',
  'mail.person.notFound': () => 'Cette personne n’existe pas, ou vous ne pouvez pas la voir.',
  'mail.freshness.months': () => 'Un nombre entier de mois, de 1 à 120.',
  'mail.freshness.notConfigured': () => 'La campagne de mise à jour a besoin de la finalité à laquelle les personnes consentent (settings.freshness.purpose) : demandez à un administrateur de la définir.',
  'mail.branding.name': () => 'Le nom en tête des messages : de 1 à 120 caractères, sur une ligne.',
  'mail.branding.colour': () => 'Une couleur en # suivi de six chiffres hexadécimaux, comme #1f3a93.',
  'mail.branding.contrast': () => 'Cette couleur est trop claire pour se lire sur du blanc (il faut un contraste d’au moins 4,5:1) : choisissez-en une plus foncée.',
  'mail.pages.https': () => 'Une page du site de l’établissement, commençant par https://, comme https://www.univ-exemple.fr/mon-compte.',
  'mail.pages.unregisteredOrigin': ({ origin }) => `${origin} n’est pas une origine enregistrée de l’établissement : le portail de cette page ne pourrait connecter personne. Enregistrez-la d’abord, ou choisissez une page d’une origine enregistrée.`,
};
