/**
 * A pledge's statuses after it is promised: the company allocated its tax on
 * SOLTéA, the money arrived, or the pledge is cancelled. Each verb checks
 * who may and from which status, then goes through the one versioned update.
 */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { PaymentMethod } from '@passerelle/schema';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { canReadAmount, managesBeneficiary } from './access.ts';
import { loadForChange, today } from './load.ts';
import { CHANGE_REASON, RECEIVE_REASON, changePledge, type ChangedPledge } from './change.ts';

/** The company allocated its apprenticeship tax on SOLTéA (a promised tax pledge only). */
export async function allocatePledge(deps: Deps, call: Call, input: { id: string }): Promise<ChangedPledge> {
  const { actor } = call;
  const joined = await loadForChange(deps.db, actor, input.id, (p) => canReadAmount(actor, p), CHANGE_REASON);
  const p = joined.pledge;
  if (p.kind !== 'apprenticeship_tax') throw new ProblemError('conflict', 'pledge.allocate.notTax');
  if (p.status !== 'promised') throw new ProblemError('conflict', 'pledge.allocate.wrongStatus', { status: p.status });
  return changePledge(deps, call, joined, { status: 'allocated' }, 'pledge.allocate', {});
}

/** The money arrived (staff of the beneficiary, administrators): the promised amount unless told otherwise, today unless told when. */
export async function receivePledge(deps: Deps, call: Call, input: { id: string; receivedAmountCents?: number; receivedOn?: string; paymentMethod?: PaymentMethod }): Promise<ChangedPledge> {
  const { actor } = call;
  const joined = await loadForChange(deps.db, actor, input.id, (p) => managesBeneficiary(actor, p.entityId), RECEIVE_REASON);
  const p = joined.pledge;
  if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', 'pledge.receive.wrongStatus', { status: p.status });
  const received = input.receivedAmountCents ?? p.amountCents;
  if (received === null) throw validationProblem([{ path: 'receivedAmountCents', code: 'pledge.receive.amountNeeded', params: {} }]);
  return changePledge(deps, call, joined, { status: 'received', receivedCents: received, receivedOn: input.receivedOn ?? today(deps) }, 'pledge.receive', {}, undefined, { paymentMethod: input.paymentMethod });
}

/** Cancels a promised or allocated pledge, the reason kept in the audit. */
export async function cancelPledge(deps: Deps, call: Call, input: { id: string; reason?: string }): Promise<ChangedPledge> {
  const { actor } = call;
  const joined = await loadForChange(deps.db, actor, input.id, (p) => canReadAmount(actor, p), CHANGE_REASON);
  const p = joined.pledge;
  if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', 'pledge.cancel.wrongStatus', { status: p.status });
  return changePledge(deps, call, joined, { status: 'cancelled' }, 'pledge.cancel', { reason: input.reason ?? null });
}
