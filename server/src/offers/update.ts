/**
 * Editing an offer (If-Match). Authors keep their offer until it is
 * published; a published offer changed by someone who may not publish it
 * goes back to moderation.
 */
import { can, closedOfferStatuses, moderationOutcome, type OfferPatch } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { findOffer, replaceOfferTargets, updateOffer } from './queries/offers.ts';
import { effectiveStatus, offerEtag, offerFor, offerResource, offerView, seenOffer, todayOf, type OfferAnswer } from './offer-view.ts';
import { columnsOf, contentErrors, fieldsOf, referenceErrors, throwIfAny, type Fields } from './fields.ts';
import { withTransaction } from '../db/transaction.ts';

export interface OfferEdit {
  id: string;
  patch: OfferPatch;
  /** The `If-Match` the caller sent: the ETag of the version it edited. */
  ifMatch: string | undefined;
}

/** Applies the patch in one transaction: checks, new version, targets, audit entry, webhook event. */
export async function editOffer(deps: Deps, call: Call, { id, patch, ifMatch }: OfferEdit): Promise<OfferAnswer> {
  const { db, clock } = deps;
  const { actor, who } = call;
  const today = todayOf(clock.now());
  const updated = await withTransaction({ db }, async (tx) => {
    const offer = await offerFor(tx, actor, id);
    if (!can(actor, 'offer.read', seenOffer(offer, today))) throw notFound('offer.notFound');
    authorize(actor, 'offer.edit', offerResource(offer));
    if (!ifMatch) throw new ProblemError('preconditionRequired', 'offer.ifMatchRequired');
    if (ifMatch !== offerEtag(offer) && ifMatch !== `W/${offerEtag(offer)}`) {
      throw new ProblemError('preconditionFailed', 'offer.changed');
    }
    const current = effectiveStatus(offer, today);
    if (closedOfferStatuses.includes(current)) throw new ProblemError('conflict', 'offer.closed', { status: current }, { members: { currentStatus: current } });
    const before = fieldsOf(offer);
    const next: Fields = { ...before };
    for (const [key, value] of Object.entries(patch) as [keyof Fields, unknown][]) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    }
    if (patch.targetEntityIds) next.targetEntityIds = [...new Set(patch.targetEntityIds)];
    throwIfAny(await referenceErrors(tx, actor.tenantId, next));
    if (next.companyId !== before.companyId || patch.targetEntityIds) {
      // Moving an offer is posting it anew: the new company and targets must be the editor's to post for.
      authorize(actor, 'offer.create', { kind: 'offer', tenantId: actor.tenantId, companyId: next.companyId, targetEntityIds: next.targetEntityIds });
      authorize(actor, 'offer.edit', offerResource({ ...offer, companyId: next.companyId, targetEntityIds: next.targetEntityIds }));
    }
    throwIfAny(contentErrors(next, today, offer.status !== 'draft', deps.config.parameters.internship));
    const backToModeration = offer.status === 'published' && moderationOutcome(actor, offerResource({ ...offer, companyId: next.companyId, targetEntityIds: next.targetEntityIds })) !== 'published';
    await updateOffer(tx, offer.id, { ...columnsOf(next), version: offer.version + 1, updatedAt: who.at, ...(backToModeration ? { status: 'submitted' as const, submittedAt: who.at } : {}) });
    if (patch.targetEntityIds) await replaceOfferTargets(tx, actor.tenantId, offer.id, next.targetEntityIds);
    await writeAudit(tx, who, {
      action: 'offer.edit',
      objectType: 'offer',
      objectId: offer.id,
      entityIds: next.targetEntityIds,
      subjectId: offer.authorId,
      detail: { fields: Object.keys(patch), ...(backToModeration ? { status: 'submitted' } : {}) },
    });
    if (backToModeration) await recordEvent(tx, who, { type: 'offer.submitted', offerId: offer.id });
    return (await findOffer(tx, actor.tenantId, offer.id))!;
  });
  return { offer: updated, body: offerView(actor, updated, today) };
}
