/** French words of the purpose.*, consent.*, erasure.* and rights.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const consents: CatalogueArea<'consents'> = {
  'consent.messagesPerMonth.range': () => 'Indiquez un nombre entier de messages par mois, de 0 à 30.',

  'purpose.notFound': () => 'Cette finalité n’existe pas, ou vous ne pouvez pas la voir.',
  'purpose.entity': () => 'Choisissez l’une des entités de votre établissement.',
  'purpose.keyExists': ({ key }) => `Une finalité de clé ${key} existe déjà. Modifiez-la plutôt, ou choisissez une autre clé.`,
  'purpose.ifMatchRequired': () => 'Envoyez l’ETag lu dans If-Match, pour que personne ne perde sa modification.',
  'purpose.changed': () => 'Cette finalité a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'purpose.key.format': () => 'Une clé de finalité compte de 1 à 40 lettres minuscules, chiffres ou tirets, par exemple alumni-news.',
  'purpose.key.reserved': () => 'Cette clé est réservée ; choisissez-en une autre.',
  'purpose.channels.unique': () => 'Chaque canal ne doit apparaître qu’une fois.',
  'consent.channelUnused': ({ channel, channels }) => `Cette finalité n’utilise pas le canal ${channel} ; ses canaux sont ${channels.join(', ')}.`,
  'consent.textChanged': () => 'Le texte de cette finalité a changé depuis votre lecture. Lisez le nouveau texte, puis choisissez à nouveau.',
  'consent.channels.atLeastOne': () => 'Choisissez au moins un canal.',
  'consent.version.format': () => 'La version est l’empreinte du texte, en 64 caractères.',
  'erasure.notFound': () => 'Cette demande d’effacement n’existe pas, ou vous ne pouvez pas la voir.',
  'erasure.processed': () => 'Cette demande d’effacement a déjà été traitée.',
  'erasure.confirm': () => 'Cochez la case pour confirmer la suppression de votre compte.',
  'rights.recentSignIn': ({ task, minutes }) =>
    `Reconnectez-vous pour ${task === 'export' ? 'télécharger vos données' : 'supprimer votre compte'} : par sécurité, il faut une connexion de moins de ${minutes} minutes.`,
};
