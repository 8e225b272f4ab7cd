/**
 * Issuing a tax receipt, inside the transaction that marks a gift received
 * (staff's receive verb, the payment callback, a correction): the next order
 * number of the institution's year, and every mention copied from the gift
 * and the institution's settings as they are at that moment.
 *
 * Which gifts: a donation, received, by an institution set up as eligible
 * (`issuer.ts`). Apprenticeship tax never (SOLTéA's domain). A recurring gift
 * (monthly, yearly) gets the yearly summary of the year it was received in.
 */
import { euroAmountInFrenchWords, type PaymentMethod, type ReceiptIssuer, type ReceiptMentions } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import type { PledgeRow } from '../pledges/project.ts';
import { writeAudit } from '../audit/audit.ts';
import { receiptIssuerOf } from './issuer.ts';
import { insertReceipt, pledgeHasReceipt, takeReceiptSequence, type ReceiptRow } from './queries/receipts.ts';

/** The order number as printed: the year and the rank in it, "2026-000042". */
export const receiptNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;

/** The gift a receipt states: a received donation with its donor's identity and address. */
type ReceivableGift = PledgeRow & { donorKind: 'individual' | 'company'; donorName: string; donorAddress: NonNullable<PledgeRow['donorAddress']>; receivedCents: number; receivedOn: string };

function receivable(p: PledgeRow): p is ReceivableGift {
  return p.kind === 'donation' && p.status === 'received' && p.donorKind !== null && !!p.donorName && p.donorAddress !== null && p.receivedCents !== null && p.receivedOn !== null;
}

/** Every mention of the receipt of `gift`, numbered `number`, issued on `issuedOn`. */
export function receiptMentions(issuer: ReceiptIssuer, gift: ReceivableGift, o: { number: string; issuedOn: string; paymentMethod: PaymentMethod; replaces?: string }): ReceiptMentions {
  const company = gift.donorKind === 'company';
  return {
    number: o.number,
    model: company ? 'cerfa_16216' : 'cerfa_11580',
    yearly: gift.frequency === 'monthly' || gift.frequency === 'yearly',
    giftYear: Number(gift.receivedOn.slice(0, 4)),
    issuer,
    donor: { kind: gift.donorKind, name: gift.donorName, ...(company && gift.donorSiret ? { siret: gift.donorSiret } : {}), address: gift.donorAddress },
    amountCents: gift.receivedCents,
    amountInWords: euroAmountInFrenchWords(gift.receivedCents),
    giftDate: gift.receivedOn,
    form: 'manual_gift',
    nature: 'cash',
    paymentMethod: o.paymentMethod,
    articles: company ? ['238 bis'] : ['200', '978'],
    issuedOn: o.issuedOn,
    ...(o.replaces ? { replaces: o.replaces } : {}),
  };
}

/**
 * Issues the receipt of `gift` (already received) in `tx`: takes the next
 * number of the year of `who.at`, copies the mentions, audits. `replaces`:
 * the receipt a correction cancels.
 */
export async function issueReceipt(tx: DbOrTx, who: AuditOrigin, issuer: ReceiptIssuer, gift: PledgeRow, o: { paymentMethod: PaymentMethod; replaces?: ReceiptRow }): Promise<ReceiptRow | undefined> {
  if (!receivable(gift)) return undefined;
  const year = Number(who.at.slice(0, 4));
  const sequence = await takeReceiptSequence(tx, gift.tenantId, year);
  const number = receiptNumber(year, sequence);
  const mentions = receiptMentions(issuer, gift, { number, issuedOn: who.at.slice(0, 10), paymentMethod: o.paymentMethod, replaces: o.replaces?.number });
  const row = await insertReceipt(tx, {
    tenantId: gift.tenantId,
    pledgeId: gift.id,
    entityId: gift.entityId,
    year,
    sequence,
    number,
    model: mentions.model,
    yearly: mentions.yearly,
    status: 'issued',
    donorKind: gift.donorKind,
    donorName: gift.donorName,
    amountCents: gift.receivedCents,
    giftDate: gift.receivedOn,
    paymentMethod: o.paymentMethod,
    mentions,
    issuedAt: who.at,
    replacesId: o.replaces?.id ?? null,
  });
  await writeAudit(tx, who, { action: 'receipt.issue', objectType: 'receipt', objectId: row.id, entityIds: [gift.entityId], subjectId: gift.authorId, detail: { number, pledgeId: gift.id, ...(o.replaces ? { replaces: o.replaces.number } : {}) } });
  return row;
}

/**
 * What every way of marking a gift received calls in its transaction, with
 * the pledge as it now is: issues its receipt if one is due (a received
 * donation without one yet, an eligible institution), else nothing.
 */
export async function issueReceiptIfDue(tx: DbOrTx, who: AuditOrigin, gift: PledgeRow, o: { paymentMethod?: PaymentMethod } = {}): Promise<ReceiptRow | undefined> {
  if (!receivable(gift)) return undefined;
  const issuer = await receiptIssuerOf(tx, gift.tenantId);
  if (!issuer || (await pledgeHasReceipt(tx, gift.tenantId, gift.id))) return undefined;
  return issueReceipt(tx, who, issuer, gift, { paymentMethod: o.paymentMethod ?? 'transfer' });
}
