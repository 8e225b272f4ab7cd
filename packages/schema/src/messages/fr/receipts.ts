/** French words of the receipt.* codes: an area of ../fr.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const receipts: CatalogueArea<'receipts'> = {
  'receipt.issuer.status': () =>
    'Choisissez la qualité de l’organisme : d’intérêt général, reconnu d’utilité publique, ou établissement d’enseignement supérieur.',
  'receipt.paymentMethod.choice': () => 'Choisissez le mode de versement : virement, carte bancaire, chèque, prélèvement ou espèces.',
  'receipt.notFound': () => 'Ce reçu fiscal n’existe pas, ou vous ne pouvez pas le voir.',
  'receipt.cancelled': () => 'Ce reçu fiscal a déjà été annulé : corrigez plutôt le reçu qui l’a remplacé.',
  'receipt.noIssuer': () =>
    'L’établissement n’est pas réglé pour émettre des reçus fiscaux : un administrateur doit d’abord renseigner sa dénomination, son adresse, son objet, sa qualité, son SIREN et son signataire.',
};
