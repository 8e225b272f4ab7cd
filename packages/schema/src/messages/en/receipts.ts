/** English words of the receipt.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const receipts: CatalogueArea<'receipts'> = {
  'receipt.issuer.status': () => 'Choose the organisation’s status: of general interest, recognised as of public utility, or a higher-education institution.',
  'receipt.paymentMethod.choice': () => 'Choose how the money came: transfer, card, cheque, direct debit or cash.',
  'receipt.notFound': () => 'This tax receipt does not exist, or you cannot see it.',
  'receipt.cancelled': () => 'This tax receipt was already cancelled: correct the receipt that replaced it instead.',
  'receipt.noIssuer': () =>
    'The institution is not set up to issue tax receipts: an administrator must first enter its legal name, address, object, status, SIREN and signatory.',
};
