/**
 * Correcting a receipt (staff of the beneficiary, administrators): a receipt
 * never changes, so the wrong one is cancelled and a new one, with the next
 * number of the year, states the corrected mentions. The gift's record is
 * corrected with it (donor's name and address, amount, date), in the same
 * transaction, audited.
 */
import type { ReceiptCorrection } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { ProblemError } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { updatePledgeAtVersion } from '../pledges/queries/write.ts';
import type { PledgeRow } from '../pledges/project.ts';
import { receiptIssuerOf } from './issuer.ts';
import { issueReceipt } from './issue.ts';
import { cancelReceiptRow, setReplacedBy } from './queries/receipts.ts';
import { loadReceipt } from './read.ts';
import { hasProcessedErasure } from '../rights/queries/erasure-requests.ts';
import type { ReceiptRow } from './queries/receipts.ts';

/** Cancels receipt `id` and issues its corrected replacement; answers the new receipt. */
export async function correctReceipt(deps: Pick<Deps, 'db'>, call: Call, input: { id: string; correction: ReceiptCorrection }): Promise<ReceiptRow> {
  const { db } = deps;
  const { actor, who } = call;
  const c = input.correction;
  const { receipt, joined } = await loadReceipt(db, actor, input.id, 'receipt.correct');
  if (receipt.status === 'cancelled') throw new ProblemError('conflict', 'receipt.cancelled');
  const issuer = await receiptIssuerOf(db, actor.tenantId);
  if (!issuer) throw new ProblemError('conflict', 'receipt.noIssuer');
  const p = joined.pledge;
  return withTransaction({ db }, async (tx) => {
    // A donor whose erasure was processed keeps their identity in their receipts only, never again on the gift.
    const erased = await hasProcessedErasure(tx, actor.tenantId, p.authorId);
    const set: Partial<PledgeRow> = {};
    if (c.donorName !== undefined && !erased) set.donorName = c.donorName;
    if (c.address !== undefined && !erased) set.donorAddress = c.address;
    if (c.amountCents !== undefined) set.receivedCents = c.amountCents;
    if (c.giftDate !== undefined) set.receivedOn = c.giftDate;
    const gift = await updatePledgeAtVersion(tx, actor.tenantId, p.id, p.version, { ...set, version: p.version + 1, updatedAt: who.at });
    if (!gift) throw new ProblemError('preconditionFailed', 'pledge.changed');
    if (!(await cancelReceiptRow(tx, actor.tenantId, receipt.id, { cancelledAt: who.at, cancelReason: c.reason, replacedById: null }))) throw new ProblemError('conflict', 'receipt.cancelled');
    const was = receipt.mentions.donor;
    const stated: PledgeRow = {
      ...gift,
      donorName: c.donorName ?? gift.donorName ?? was.name,
      donorAddress: c.address ?? gift.donorAddress ?? was.address,
      donorSiret: gift.donorSiret ?? was.siret ?? null,
    };
    const next = await issueReceipt(tx, who, issuer, stated, { paymentMethod: c.paymentMethod ?? receipt.paymentMethod, replaces: receipt });
    // The gift was a received donation with a receipt: it still is one, with the corrected mentions.
    if (!next) throw new ProblemError('conflict', 'receipt.cancelled');
    await setReplacedBy(tx, actor.tenantId, receipt.id, next.id);
    await writeAudit(tx, who, {
      action: 'receipt.correct',
      objectType: 'receipt',
      objectId: receipt.id,
      entityIds: [p.entityId],
      subjectId: p.authorId,
      detail: { cancelled: receipt.number, issued: next.number, fields: Object.keys(c).filter((k) => k !== 'reason'), reason: c.reason },
    });
    return next;
  });
}
