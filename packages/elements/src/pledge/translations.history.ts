import type { PledgeKind } from '@passerelle/schema';

/** Words of "My gifts and pledges" (src/pledge/history.ts), fetched with it. English: `enHistory` in translations.en.ts. */
export const frHistory = {
  title: 'Mes dons et promesses',
  loading: 'Chargement de vos dons et promesses…',
  none: 'Vous n’avez encore fait aucun don ni aucune promesse.',
  count: (n: number, more: boolean) => (more ? `${n} dons et promesses affichés ; il y en a d’autres.` : n === 1 ? '1 don ou promesse.' : `${n} dons et promesses.`),
  list: 'Vos dons et promesses, du plus récent au plus ancien',
  kinds: { donation: 'Don', apprenticeship_tax: 'Taxe d’apprentissage' } satisfies Record<PledgeKind, string>,
  amount: 'Montant',
  estimated: 'Montant estimé',
  share: 'Part du solde',
  received: 'Montant reçu',
  campaign: 'Campagne',
  pledgedOn: 'Promis le',
  receivedOn: 'Reçu le',
  byOther: 'Enregistrée par une autre personne, pour l’entreprise.',
  noTaxReceipt: 'La taxe d’apprentissage ne donne lieu à aucun reçu fiscal : elle relève de SOLTéA.',
  receipt: (n: string) => `Télécharger le reçu fiscal n° ${n} (PDF)`,
  more: 'Afficher plus de dons et promesses',
  retry: 'Réessayer',
};
