/** French words of the offer.* codes: an area of ../fr.ts (../areas.ts). */
import type { OfferStatus } from '../../policy/types.ts';
import { euros } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

const offerStatuses: Record<OfferStatus, string> = {
  draft: 'un brouillon',
  submitted: 'en relecture',
  changes_requested: 'à modifier',
  published: 'publiée',
  rejected: 'refusée',
  filled: 'pourvue',
  expired: 'expirée',
  withdrawn: 'retirée',
};

const offerVerbs = {
  submit: 'envoyée en relecture',
  publish: 'publiée',
  reject: 'refusée',
  requestChanges: 'renvoyée pour modification',
  withdraw: 'retirée',
  fill: 'marquée pourvue',
  renew: 'prolongée',
} as const;

const submissionNeeds = {
  description: 'Une description est nécessaire pour envoyer l’offre.',
  location: 'Un lieu est nécessaire pour envoyer l’offre.',
  remote: 'Choisissez sur site, hybride ou à distance pour envoyer l’offre.',
  startDate: 'Une date de début est nécessaire pour envoyer l’offre.',
  duration: 'Une durée est nécessaire pour envoyer l’offre.',
  weeklyHours: 'Les heures par semaine sont nécessaires pour envoyer l’offre.',
  apply: 'Indiquez comment postuler pour envoyer l’offre.',
  expiresOn: 'Une date d’expiration est nécessaire pour envoyer l’offre.',
} as const;

const offerIs = (status: OfferStatus) => `Cette offre est ${offerStatuses[status]}`;

export const offers: CatalogueArea<'offers'> = {
  'offer.kind.choice': () => 'Choisissez le type de contrat.',
  'offer.remote.choice': () => 'Choisissez sur site, hybride ou à distance.',
  'offer.duration.unit': () => 'Choisissez des mois ou des semaines.',
  'offer.targets.atLeastOne': () => 'Choisissez au moins une école ou formation.',

  'offer.notFound': () => 'Cette offre n’existe pas, ou vous ne pouvez pas la voir.',
  'offer.ifMatchRequired': () => 'Envoyez If-Match avec l’ETag lu, pour que personne ne perde sa modification.',
  'offer.changed': () => 'Cette offre a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'offer.closed': ({ status }) => `${offerIs(status)} ; elle ne peut plus être modifiée.`,
  'offer.wrongStatus': ({ status, verb }) => `${offerIs(status)} ; elle ne peut pas être ${offerVerbs[verb]} maintenant.`,
  'offer.company.fromList': () => 'Choisissez une entreprise dans la liste : tapez son nom, son SIRET ou son SIREN, puis sélectionnez une proposition.',
  'offer.company.pickOrAsk': () =>
    'Choisissez une entreprise dans la liste. Si la vôtre manque, demandez à votre service des relations entreprises de l’ajouter.',
  'offer.company.pending': () =>
    'Cette entreprise attend la vérification du service des relations entreprises ; vous pourrez publier pour elle une fois vérifiée.',
  'offer.targets.fromList': () => 'Choisissez des écoles ou des formations dans la liste.',
  'offer.apply.format': () => 'Saisissez une adresse web commençant par https:// ou une adresse e-mail.',
  'offer.list.mineOrQueue': () => 'Demandez mine ou queue, pas les deux.',
  'offer.submit.required': ({ field }) => submissionNeeds[field],
  'offer.duration.tooLong': ({ months }) => `Un stage dure au plus ${months} mois.`,
  'offer.stipend.owed': ({ minimumMonthlyCents, hourlyRateCents, rateYear, givenCents }) =>
    `Une gratification d’au moins ${euros('fr', minimumMonthlyCents)} par mois est due pour cette durée (${euros('fr', hourlyRateCents)} de l’heure en ${rateYear}, au-delà de 2 mois de présence). ${
      givenCents === 0 ? 'Saisissez une gratification mensuelle.' : `${euros('fr', givenCents)} est en dessous.`
    }`,
  'offer.expiry.tooFar': ({ latest }) => `Une offre expire au plus tard un an après aujourd’hui : choisissez le ${latest} ou une date antérieure.`,
  'offer.expiry.past': () => 'La date d’expiration est passée : choisissez aujourd’hui ou plus tard.',
};
