/** French words of the auth.*, session.*, person.* and link.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const auth: CatalogueArea<'auth'> = {
  'auth.required': () => 'Connectez-vous pour continuer.',
  'auth.sessionEnded': () => 'Votre session a expiré ou a été fermée. Reconnectez-vous.',
  'auth.originUnregistered': ({ origin }) => `L’origine ${origin} n’est pas enregistrée pour cet établissement. Demandez à son administrateur de l’ajouter.`,
  'auth.tokenInvalid': () =>
    'Votre identité n’a pas pu être vérifiée (jeton expiré, déjà utilisé ou signé par une clé inconnue). Connectez-vous par e-mail ou rechargez la page.',
  'auth.personUnknown': () => 'Vous n’êtes pas encore connu·e de Passerelle. L’établissement doit vous ajouter avant que vous puissiez vous connecter.',
  'auth.emailSignInOff': () => 'La connexion par code envoyé par e-mail est désactivée sur ce serveur. Connectez-vous depuis le site de votre établissement.',
  'auth.code.format': () => 'Le code est composé des 6 chiffres, ou des 12 caractères, reçus par e-mail.',
  'auth.code.wrong': () => 'Ce code est erroné ou a expiré. Demandez-en un nouveau.',
  'auth.code.tooManyAsked': ({ minutes }) => `Trop de codes ont été demandés. Patientez ${minutes} minutes et réessayez.`,
  'auth.code.tooManyWrong': ({ minutes }) => `Trop de codes erronés ont été saisis depuis votre réseau. Patientez ${minutes} minutes et réessayez.`,
  'session.notFound': () => 'Cette session n’existe pas, ou vous ne pouvez pas la voir.',
  'person.notFound': () => 'Cette personne n’existe pas, ou vous ne pouvez pas la voir.',
  'person.address.taken': () => 'Cette adresse appartient à quelqu’un d’autre dans l’établissement. Utilisez-en une autre, ou adressez-vous à son personnel.',
  'person.address.yours': () => 'Cette adresse est déjà la vôtre : vous pouvez vous connecter avec elle.',
  'person.address.notFound': () => 'Cette adresse ne fait pas partie des vôtres.',
  'link.token': () => 'Ce lien est incomplet : ouvrez-le depuis le message tel quel.',
  'link.unknown': () => 'Ce lien ne fonctionne pas (ou plus) : connectez-vous autrement.',
  'link.used': ({ address }) => `Ce lien a déjà servi. Nous pouvons en envoyer un nouveau à ${address}.`,
  'link.expired': ({ address }) => `Ce lien a expiré (un lien vaut 7 jours). Nous pouvons en envoyer un nouveau à ${address}.`,
};
