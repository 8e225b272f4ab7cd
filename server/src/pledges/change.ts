/**
 * Changing a pledge after it was made: who may, what an edit may touch, and
 * the one optimistic-locking update (version bump and audit entry in the
 * same transaction) shared by edits and state verbs.
 */
import type { Message } from '@passerelle/schema/messages';
import type { PaymentMethod, Pledge, PledgePatch } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { updatePledgeAtVersion } from './queries/write.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { canReadAmount } from './access.ts';
import { etagOf, projectPledge, type PledgeJoined, type PledgeRow } from './project.ts';
import { loadForChange, paymentUrlOf } from './load.ts';
import { estimateGift } from './create.ts';
import { recordEvent } from '../webhooks/record.ts';
import { withTransaction } from '../db/transaction.ts';
import { afterStatusChange } from './settled.ts';
import { receiptOf } from '../receipts/of-pledges.ts';

export const CHANGE_REASON: Message = { code: 'policy.pledgeChange', params: {} };
export const RECEIVE_REASON: Message = { code: 'policy.pledgeReceive', params: {} };

/** A pledge as the caller now sees it, and its version for the next `If-Match`. */
export interface ChangedPledge {
  pledge: Pledge;
  etag: string;
}

/**
 * The columns an edit sets, after checking the fields apply to the pledge's
 * kind and that an amount changes only while the pledge is promised.
 */
export function editedColumns(deps: Pick<Deps, 'clock' | 'config'>, p: PledgeRow, input: PledgePatch): Partial<PledgeRow> {
  const donation = p.kind === 'donation';
  const wrongKind = (donation ? ['estimatedAmountCents', 'sharePercent', 'programme', 'contact', 'viaAccountant'] : ['amountCents', 'frequency', 'publicThanks', 'address']).filter((k) => k in input);
  if (wrongKind.length) throw validationProblem(wrongKind.map((k) => ({ path: k, code: 'pledge.fieldNotForKind', params: { kind: p.kind } })));
  if (p.status === 'cancelled') throw new ProblemError('conflict', 'pledge.cancelled');
  const newAmount = donation ? input.amountCents : input.estimatedAmountCents;
  const amountChanges =
    (newAmount !== undefined && newAmount !== p.amountCents) ||
    (input.sharePercent !== undefined && Math.round(input.sharePercent * 100) !== p.shareBasisPoints) ||
    (input.frequency !== undefined && input.frequency !== p.frequency);
  if (amountChanges && p.status !== 'promised') {
    throw new ProblemError('conflict', 'pledge.amountLocked', { status: p.status });
  }
  const set: Partial<PledgeRow> = {};
  if (newAmount !== undefined) Object.assign(set, { amountCents: newAmount, sortAmountCents: newAmount });
  if (input.sharePercent !== undefined) set.shareBasisPoints = Math.round(input.sharePercent * 100);
  if (input.frequency !== undefined) set.frequency = input.frequency;
  if (input.publicThanks !== undefined) set.publicThanks = input.publicThanks;
  if (input.programme !== undefined) set.programme = input.programme || null;
  if (input.contact !== undefined) set.contact = input.contact;
  if (input.address !== undefined) set.donorAddress = input.address;
  if (input.viaAccountant !== undefined) set.viaAccountant = input.viaAccountant;
  if (donation && (set.amountCents !== undefined || set.frequency !== undefined)) {
    set.taxEstimate = estimateGift(deps, { donorKind: p.donorKind ?? 'individual', amountCents: set.amountCents ?? p.amountCents ?? 0, frequency: set.frequency ?? p.frequency ?? 'once' });
  }
  return set;
}

/**
 * Applies a change inside a transaction: bumps the version, writes the audit
 * entry, and on a new status what follows it (`settled.ts`: a received gift's
 * tax receipt, paid by `paymentMethod`); answers the new state.
 */
export async function changePledge(deps: Deps, call: Call, joined: PledgeJoined, set: Partial<PledgeRow>, action: string, detail: Record<string, unknown>, expectedVersion?: number, options: { paymentMethod?: PaymentMethod } = {}): Promise<ChangedPledge> {
  const { actor, who } = call;
  const p = joined.pledge;
  const updated = await withTransaction({ db: deps.db }, async (tx) => {
    const row = await updatePledgeAtVersion(tx, actor.tenantId, p.id, expectedVersion ?? p.version, { ...set, version: p.version + 1, updatedAt: who.at });
    if (!row) throw new ProblemError('preconditionFailed', 'pledge.changed');
    await writeAudit(tx, who, { action, objectType: 'pledge', objectId: p.id, entityIds: [p.entityId], subjectId: p.authorId, detail });
    if (set.status === undefined || set.status === p.status) return row;
    await recordEvent(tx, who, { type: 'pledge.status_changed', pledgeId: p.id });
    return afterStatusChange(tx, who, row, options);
  });
  return {
    pledge: projectPledge(actor, { ...joined, pledge: updated }, { paymentUrl: await paymentUrlOf(deps, actor.tenantId, call.tenantSlug), receipt: await receiptOf(deps.db, actor, updated) }),
    etag: etagOf(updated),
  };
}

/**
 * Edits a pledge known at version `ifMatch` (its ETag): 404 if unseen, 403
 * if not theirs to change, 412 if it changed since. Amounts change only while
 * it is promised.
 */
export async function editPledge(deps: Deps, call: Call, input: { id: string; ifMatch: string; patch: PledgePatch }): Promise<ChangedPledge> {
  const { actor } = call;
  const joined = await loadForChange(deps.db, actor, input.id, (p) => canReadAmount(actor, p), CHANGE_REASON);
  const p = joined.pledge;
  if (input.ifMatch !== etagOf(p)) throw new ProblemError('preconditionFailed', 'pledge.changed');
  const set = editedColumns(deps, p, input.patch);
  return changePledge(deps, call, joined, set, 'pledge.edit', { fields: Object.keys(input.patch) }, p.version);
}
