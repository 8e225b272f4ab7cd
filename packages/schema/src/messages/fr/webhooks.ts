/** French words of the webhook.* codes: an area of ../fr.ts (../areas.ts). */
import type { AddressRange } from '../codes.ts';
import type { CatalogueArea } from '../areas.ts';

const ranges: Record<AddressRange, string> = {
  loopback: 'le serveur lui-même (boucle locale)',
  private: 'une adresse de réseau privé',
  'link-local': 'une adresse de lien local (comme un service de métadonnées cloud)',
  shared: 'une adresse partagée de NAT d’opérateur (100.64.0.0/10)',
  unspecified: 'l’adresse non spécifiée',
  multicast: 'une adresse de multidiffusion',
  reserved: 'une adresse réservée ou à usage spécial',
};

export const webhooks: CatalogueArea<'webhooks'> = {
  'webhook.notFound': () => 'Cet abonnement webhook n’existe pas, ou vous ne pouvez pas le voir.',
  'webhook.entity': () => 'Choisissez une entité de cet établissement.',
  'webhook.ifMatchRequired': () => 'Envoyez l’ETag de l’abonnement modifié dans un en-tête If-Match, pour que personne ne perde sa modification.',
  'webhook.changed': () => 'Cet abonnement a changé depuis votre lecture. Rien n’a été enregistré : rechargez-le, puis refaites votre modification.',
  'webhook.changedWhileSaving': () => 'Cet abonnement a changé pendant l’enregistrement. Rien n’a été enregistré : rechargez-le et réessayez.',
  'webhook.url.format': () => 'Saisissez une adresse https absolue sans identifiants, par exemple https://crm.exemple.fr/hooks/passerelle.',
  'webhook.url.https': ({ localAllowed }) =>
    localAllowed
      ? 'Utilisez une adresse https (le http simple n’est accepté que pour localhost).'
      : 'Utilisez une adresse https : les envois contiennent des données personnelles et ne circulent jamais en clair.',
  'webhook.url.internalHost': ({ host, range }) => `Les webhooks ne vont qu’à des adresses publiques d’Internet : ${host} est ${ranges[range]}.`,
  'webhook.url.internalAnswer': ({ host, address, range }) =>
    `Les webhooks ne vont qu’à des adresses publiques d’Internet : ${host} pointe vers ${address}, ${ranges[range]}.`,
  'webhook.url.unresolvable': ({ host }) =>
    `${host} n’a pas pu être résolu (DNS) : impossible de vérifier où il mène. Corrigez l’adresse, ou réessayez plus tard.`,
  'webhook.events.unique': () => 'Nommez chaque événement une seule fois.',
  'webhook.delivery.notFound': () => 'Cet envoi n’existe pas, ou vous ne pouvez pas le voir.',
  'webhook.delivery.id': () => 'Un identifiant d’envoi commence par msg_ suivi d’un UUID.',
  'webhook.delivery.delivered': () => 'Ce message a déjà été remis ; le destinataire l’a reçu.',
};
