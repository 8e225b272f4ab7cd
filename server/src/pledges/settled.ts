/**
 * What follows a pledge's status change, in the same transaction, whichever
 * way it came (staff's verbs, the SOLTéA transfer report, the payment
 * callback, which all go through here): a gift received gets its tax
 * receipt (`receipts/issue.ts`), and a gift received or cancelled after its
 * donor's erasure was processed loses the donor identity it kept for it.
 */
import type { PaymentMethod } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import type { PledgeRow } from './project.ts';
import { issueReceiptIfDue } from '../receipts/issue.ts';
import { anonymiseIfErased } from '../rights/parts/pledges.ts';

/** Answers the pledge row as it is after these steps. */
export async function afterStatusChange(tx: DbOrTx, who: AuditOrigin, row: PledgeRow, o: { paymentMethod?: PaymentMethod } = {}): Promise<PledgeRow> {
  if (row.status === 'received') await issueReceiptIfDue(tx, who, row, o);
  return anonymiseIfErased(tx, row);
}
