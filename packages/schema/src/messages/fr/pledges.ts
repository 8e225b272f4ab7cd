/** French words of the pledge.*, soltea.* and payment.* codes: an area of ../fr.ts (../areas.ts). */
import type { PledgeStatus } from '../../pledges/pledge.ts';
import { count } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

const pledgeStatuses: Record<PledgeStatus, string> = { promised: 'promise', allocated: 'affectée', received: 'reçue', cancelled: 'annulée' };

export const pledges: CatalogueArea<'pledges'> = {
  'pledge.amount.range': () => `Saisissez un montant en euros, de 0,01 à ${count('fr', 100_000_000)}.`,
  'pledge.figure.range': () => `Saisissez un montant en euros, de 0 à ${count('fr', 1_000_000_000_000)}, ou laissez vide.`,
  'pledge.frequency.choice': () => 'Choisissez une fois, chaque mois ou chaque année.',
  'pledge.donor.kind': () => 'Indiquez au nom de qui vous donnez : vous-même ou votre entreprise.',
  'pledge.designation.kind': () => 'Choisissez l’affectation du don : la fondation, l’un de ses fonds, ou une école ou un service.',
  'pledge.share.range': () => 'La part est un pourcentage de 0,01 à 100.',
  'pledge.share.decimals': () => 'La part a au plus deux décimales.',
  'pledge.campaignYear.range': () => 'Choisissez une année de campagne de 2020 à 2100.',

  'pledge.notFound': () => 'Cette promesse n’existe pas, ou vous ne pouvez pas la voir.',
  'pledge.ifMatchRequired': () => 'Envoyez l’ETag de la promesse modifiée dans un en-tête If-Match, pour que personne ne perde sa modification.',
  'pledge.changed': () => 'Cette promesse a changé depuis votre lecture. Rechargez-la, vérifiez, puis réessayez.',
  'pledge.cancelled': () => 'Cette promesse a été annulée : faites plutôt une nouvelle promesse.',
  'pledge.amountLocked': ({ status }) =>
    `Cette promesse est ${pledgeStatuses[status]} : son montant ne peut plus changer. Annulez-la et faites une nouvelle promesse, ou adressez-vous au service bénéficiaire.`,
  'pledge.fieldNotForKind': ({ kind }) => `Ce champ ne s’applique pas ${kind === 'donation' ? 'à un don' : 'à une promesse de taxe d’apprentissage'}.`,
  'pledge.designation.entity': () => 'Choisissez l’une des écoles ou l’un des services de l’établissement.',
  'pledge.designation.fund': () => 'Choisissez l’un des fonds proposés.',
  'pledge.designation.noFoundation': () => 'Cet établissement n’a pas de fondation : choisissez plutôt une école.',
  'pledge.company.notVerified': () => 'Choisissez une entreprise vérifiée par l’établissement.',
  'pledge.company.noSiret': () => 'Cette entreprise n’a pas de SIRET enregistré, nécessaire au reçu fiscal : demandez à l’établissement de l’ajouter.',
  'pledge.tax.entity': () => 'Choisissez l’une des écoles de l’établissement.',
  'pledge.tax.noUai': () => 'Cette entité n’a pas d’UAI et ne peut donc pas recevoir la taxe d’apprentissage : choisissez une école.',
  'pledge.tax.noCampaign': () => 'Il n’y a pas de campagne de taxe d’apprentissage cette année : choisissez la campagne en cours.',
  'pledge.tax.campaignOver': ({ year }) =>
    `Les périodes de répartition de la campagne ${year} sont terminées : SOLTéA n’accepte plus de répartition pour cette campagne. Choisissez la campagne suivante.`,
  'pledge.tax.employerSiret': () => 'Saisissez le SIRET de l’établissement qui verse la taxe.',
  'pledge.allocate.notTax': () =>
    'Seule une promesse de taxe d’apprentissage s’affecte sur SOLTéA ; un don se règle sur la page de paiement de l’établissement.',
  'pledge.allocate.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : seule une promesse en attente peut être marquée affectée.`,
  'pledge.receive.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : seule une promesse en attente ou affectée peut être marquée reçue.`,
  'pledge.receive.amountNeeded': () => 'Saisissez le montant reçu : cette promesse n’a pas de montant estimé.',
  'pledge.cancel.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : elle ne peut plus être annulée.`,
  'pledge.report.columns': ({ missing }) =>
    `La première ligne doit nommer les colonnes SIRET, UAI, montant (amount) et date ; il manque : ${missing.join(', ')}.`,
  'pledge.report.unreadable': ({ line }) => `Ligne ${line} : une cellule entre guillemets n’est jamais fermée (il manque un ").`,
  'pledge.report.line.siret': () => 'Le SIRET n’est pas valide.',
  'pledge.report.line.uai': () => 'L’UAI n’est pas valide.',
  'pledge.report.line.amount': () => 'Le montant n’est pas un montant positif en euros, comme 1234,56.',
  'pledge.report.line.date': () => 'La date n’est pas une date, comme 2026-06-15 ou 15/06/2026.',
  'pledge.transfer.notFound': () => 'Ce versement ne fait pas partie de ceux conservés pour vos écoles.',
  'pledge.transfer.matched': () => 'Ce versement a déjà été rapproché d’une promesse : rechargez la liste.',
  'pledge.transfer.notCandidate': () => 'Choisissez l’une des promesses ouvertes que ce versement peut solder : même SIRET, même école.',
  'soltea.period.inverted': () => 'Cette période ferme avant d’ouvrir : sa date de fermeture doit suivre sa date d’ouverture.',
  'soltea.period.overlap': ({ previousCloses }) => `Cette période s’ouvre avant la fin de la précédente (${previousCloses}) : les périodes se suivent sans se chevaucher.`,
  'soltea.period.transfersBeforeClose': ({ closes }) => `Les versements d’une période commencent après sa fermeture (${closes}) : choisissez une date postérieure.`,
  'soltea.period.wrongYear': ({ year }) => `Les périodes de la campagne ${year} s’ouvrent et ferment en ${year}.`,
  'soltea.unallocatedTooEarly': ({ closes }) => `Les fonds non affectés sont répartis après la fermeture de la dernière période (${closes}) : choisissez une date postérieure.`,
  'payment.page.placeholder': () =>
    'L’adresse ne peut contenir que les champs {amount} (montant en euros), {amountCents} (en centimes), {reference} (la référence du don) et {currency}.',
  'payment.page.https': () => 'L’adresse de la page de paiement commence par https:// et ne contient ni identifiant ni mot de passe.',
  'payment.page.unknownEntity': () => 'Cette entité n’existe pas dans votre établissement.',
  'payment.page.unknownFund': () => 'Ce fonds n’existe pas : les fonds sont ceux de la configuration des dons.',
  'payment.callback.tenant': () => 'Indiquez l’établissement dans l’adresse : ?tenant=<slug>.',
  'payment.callback.signature': () =>
    'Signature absente ou invalide : signez le corps avec le secret de l’établissement (en-têtes webhook-id, webhook-timestamp, webhook-signature).',
  'payment.callback.expired': ({ seconds }) =>
    `L’horodatage de la signature est à plus de ${seconds} secondes de l’heure du serveur : un message ancien n’est pas rejoué. Signez-le à nouveau.`,
  'payment.callback.unknownReference': () => 'Aucun don promis ne porte cette référence dans cet établissement.',
  'payment.callback.notGift': () => 'Cette référence est celle d’une promesse de taxe d’apprentissage : SOLTéA la verse, pas une page de paiement.',
};
