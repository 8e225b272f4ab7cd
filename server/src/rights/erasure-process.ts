/**
 * Staff and administrators: the erasure requests of the people in their
 * scope, and their processing (profile deleted, pledges anonymised with the
 * tax data kept, identity removed).
 */
import type { Actor } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { findErasureRequest, findErasureRequestById, insertErasureRequest, markErasureRequestProcessed } from './queries/erasure-requests.ts';
import { runErasure } from './erasure-hooks.ts';
import { recordEvent } from '../webhooks/record.ts';
import { mailErasureDone, recipientBeforeErasure } from '../mail/messages/rights.ts';

/** Loads a request of the tenant that the staff member may handle (404 otherwise, 403 for the wrong scope). */
async function requestForStaff(db: DbOrTx, actor: Actor, id: string) {
  const request = await findErasureRequest(db, actor.tenantId, id);
  if (!request) throw notFound('erasure.notFound');
  authorize(actor, 'erasure.process', await personResource(db, actor.tenantId, request.personId));
  return request;
}

/** One request the caller may process. */
export async function readErasureRequest(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }) {
  return requestForStaff(deps.db, call.actor, input.id);
}

type ErasureRequestRow = NonNullable<Awaited<ReturnType<typeof findErasureRequest>>>;

/**
 * Carries out a recorded request, in the caller's transaction: every area's
 * `onProcess`, the request marked processed and the audit entry
 * (`erasure.process`, with `detail` beside the outcome). The one way an
 * erasure is done, whoever asked for it.
 */
async function carryOut(tx: DbOrTx, call: Call, request: ErasureRequestRow, input: { origin: string | null; now: Date; entityIds: readonly string[]; detail?: Record<string, unknown> }): Promise<void> {
  const { actor, who } = call;
  const ctx = { tenantId: actor.tenantId, personId: request.personId, actorId: actor.personId, origin: input.origin, at: who.at, now: input.now };
  const outcome = { ...request.outcome, ...(await runErasure(tx, 'onProcess', ctx)) };
  await markErasureRequestProcessed(tx, actor.tenantId, request.id, { processedAt: who.at, processedBy: actor.personId, outcome });
  await writeAudit(tx, who, { action: 'erasure.process', objectType: 'erasure_request', objectId: request.id, entityIds: [...input.entityIds], subjectId: request.personId, detail: { outcome, ...input.detail } });
  const reason = input.detail?.reason === 'retention' ? 'retention' : 'request';
  await recordEvent(tx, who, { type: 'person.erased', personId: request.personId, erasureRequestId: request.id, reason, entityIds: input.entityIds });
}

/**
 * Carries out the erasure (409 if already processed): every area's
 * `onProcess`, the request marked processed and the audit entry, in one
 * transaction. `origin` is the request's Origin as the server checked it.
 */
export async function processErasureRequest(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { id: string; origin: string | null }) {
  const { db, clock } = deps;
  const { actor, who } = call;
  const now = clock.now();
  return withTransaction({ db }, async (tx) => {
    const request = await requestForStaff(tx, actor, input.id);
    if (request.status === 'processed') throw new ProblemError('conflict', 'erasure.processed');
    const entityIds = (await personResource(tx, actor.tenantId, request.personId)).entityIds;
    const recipient = await recipientBeforeErasure(tx, actor.tenantId, request.personId);
    await carryOut(tx, call, request, { origin: input.origin, now, entityIds });
    await mailErasureDone(tx, who, request.personId, recipient);
    return (await findErasureRequestById(tx, request.id))!;
  });
}

/**
 * Erases someone who did not ask, in the caller's transaction: the retention
 * rule's anonymisation of a person inactive for years. A request is recorded
 * on their behalf (`note` says why), what an erasure does at once runs, then
 * it is carried out as any request is (`carryOut`, with `detail` in its audit
 * entry). No message is sent: the person did not ask. The caller has checked
 * that the actor may (policy `erasure.process`, on `entityIds`).
 */
export async function eraseWithoutRequest(tx: DbOrTx, call: Call, input: { personId: string; note: string; origin: string | null; now: Date; entityIds: readonly string[]; detail: Record<string, unknown> }) {
  const { actor, who } = call;
  const ctx = { tenantId: actor.tenantId, personId: input.personId, actorId: actor.personId, origin: input.origin, at: who.at, now: input.now };
  const atOnce = await runErasure(tx, 'atOnce', ctx);
  const request = await insertErasureRequest(tx, { tenantId: actor.tenantId, personId: input.personId, status: 'pending', note: input.note, requestedAt: who.at, outcome: atOnce });
  await carryOut(tx, call, request, input);
  return (await findErasureRequestById(tx, request.id))!;
}
