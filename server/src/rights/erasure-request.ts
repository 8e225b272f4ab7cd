/**
 * A person asks to be erased. At once: the directory entry is hidden and
 * every marketing use withdrawn. The rest waits for staff
 * (`erasure-process.ts`). Asking twice answers the pending request.
 */
import type * as v from 'valibot';
import type { ErasureRequestSchema } from '@passerelle/schema';
import type { Language } from '@passerelle/schema/messages';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { recordEvent } from '../webhooks/record.ts';
import { mailErasureRequested } from '../mail/messages/rights.ts';
import { findPendingErasureRequest, insertErasureRequest, listErasureRequestsOfPerson } from './queries/erasure-requests.ts';
import { runErasure } from './erasure-hooks.ts';
import { requireRecentSignIn } from './recent-sign-in.ts';
import { erasureNotice } from './notice.ts';

/** The person's erasure requests, newest first, and what erasure does. */
export async function listMyErasureRequests(deps: Pick<Deps, 'db'>, call: Call, language: Language = 'fr') {
  const { actor } = call;
  const items = await listErasureRequestsOfPerson(deps.db, actor.tenantId, actor.personId);
  return { items, nextCursor: null, notice: erasureNotice(language) };
}

/** Where a request is read (by staff): the `Location` of a new one. */
export function erasureRequestLocation(id: string): string {
  return `/v1/erasure-requests/${id}`;
}

/**
 * Records the request and does at once what must stop right away, its audit
 * entry and webhook event in the same transaction; `created` is false when a
 * pending request already existed (and is answered). `signedInAt` is when
 * the session opened (a recent sign-in is required), `origin` the request's
 * Origin as the server checked it (`checkedOrigin`), for the consent withdrawals.
 */
export async function requestErasure(
  deps: Pick<Deps, 'db' | 'clock'>,
  call: Call,
  input: v.InferOutput<typeof ErasureRequestSchema> & { signedInAt: Date; origin: string | null; language?: Language },
) {
  const { db, clock } = deps;
  const { actor, who } = call;
  authorize(actor, 'data.export', await personResource(db, actor.tenantId, actor.personId));
  requireRecentSignIn(clock, input.signedInAt, 'erase');
  const now = clock.now();
  const result = await withTransaction({ db }, async (tx) => {
    const existing = await findPendingErasureRequest(tx, actor.tenantId, actor.personId);
    if (existing) return { created: false, request: existing };
    const outcome = await runErasure(tx, 'atOnce', { tenantId: actor.tenantId, personId: actor.personId, actorId: actor.personId, origin: input.origin, at: who.at, now });
    const request = await insertErasureRequest(tx, { tenantId: actor.tenantId, personId: actor.personId, status: 'pending', note: input.note ?? null, requestedAt: who.at, outcome });
    const entityIds = (await personResource(tx, actor.tenantId, actor.personId)).entityIds;
    await writeAudit(tx, who, { action: 'erasure.request', objectType: 'erasure_request', objectId: request.id, entityIds: [...entityIds], subjectId: actor.personId, detail: { atOnce: outcome } });
    await recordEvent(tx, who, { type: 'erasure.requested', requestId: request.id });
    await mailErasureRequested(tx, who, actor.personId);
    return { created: true, request };
  });
  return { created: result.created, request: { ...result.request, notice: erasureNotice(input.language ?? 'fr') } };
}
