/**
 * What follows a pledge's status change, in the same transaction, whichever
 * way it came (staff's verbs, the SOLTéA transfer report, the payment
 * callback, which all go through here): a gift received gets its tax
 * receipt (`receipts/issue.ts`), then its author the thank-you naming that
 * receipt (`pledge.received`); and a gift received or cancelled after its
 * donor's erasure was processed loses the donor identity it kept for it.
 */
import type { PaymentMethod } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import type { PledgeRow } from './project.ts';
import { issueReceiptIfDue } from '../receipts/issue.ts';
import { anonymiseIfErased } from '../rights/parts/pledges.ts';
import { mailPledgeReceived } from '../mail/messages/pledges.ts';
import { findPledgeJoined } from './queries/joined.ts';

/** Answers the pledge row as it is after these steps. */
export async function afterStatusChange(tx: DbOrTx, who: AuditOrigin, row: PledgeRow, o: { paymentMethod?: PaymentMethod } = {}): Promise<PledgeRow> {
  if (row.status === 'received') {
    const receipt = await issueReceiptIfDue(tx, who, row, o);
    const joined = await findPledgeJoined(tx, row.tenantId, row.id);
    if (joined) await mailPledgeReceived(tx, who, { ...joined, pledge: row }, receipt ?? null);
  }
  return anonymiseIfErased(tx, row);
}
