/** French words of the profile.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const profiles: CatalogueArea<'profiles'> = {
  'profile.language.choice': () => 'Choisissez le français ou l’anglais.',

  'profile.notFound': () => 'Ce profil n’existe pas, ou vous ne pouvez pas le voir.',
  'profile.ifMatchRequired': () => 'Envoyez l’ETag du profil modifié dans un en-tête If-Match, pour que personne ne perde ses modifications.',
  'profile.changed': () =>
    'Ce profil a changé depuis votre lecture. Rien n’a été enregistré : comparez avec la version actuelle, puis renvoyez vos modifications avec son ETag.',
  'profile.changedWhileSaving': () => 'Ce profil a changé pendant l’enregistrement. Rien n’a été enregistré : rechargez-le et réessayez.',
  'profile.educationEntity': () => 'Choisissez une école de cet établissement.',
  'profile.reviewFlag.notFound': () => 'Ce signalement n’existe pas, ou vous ne pouvez pas le voir.',
  'profile.reviewFlag.resolved': () => 'Ce doublon possible a déjà été traité.',
  'profile.linkedin': () => 'Saisissez l’adresse de votre profil LinkedIn, par exemple https://www.linkedin.com/in/votre-nom.',
  'profile.emails.onePrimary': () => 'Choisissez une seule adresse principale.',
  'profile.emails.unique': () => 'Chaque adresse e-mail ne doit apparaître qu’une fois.',
  'profile.field.notEditable': () => 'Ce champ du profil ne peut pas être modifié.',
  'profile.visibility.fieldsOnly': () => 'Seuls les champs du profil ont une visibilité.',
};
