/**
 * The moderation and lifecycle verbs of an offer (submit, publish, reject,
 * request changes, withdraw, fill): one guarded state change each.
 */
import { offerTransitionTarget, offerTransitions, type OfferVerb } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { findOffer, updateOffer } from './queries/offers.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { effectiveStatus, offerFor, offerResource, offerView, todayOf, type OfferAnswer } from './offer-view.ts';
import { contentErrors, fieldsOf, throwIfAny } from './fields.ts';
import { recordEvent } from '../webhooks/record.ts';
import { mailOfferDecision } from '../mail/messages/offers.ts';
import { withTransaction } from '../db/transaction.ts';

/** Each verb's audit action, and whether the offer must be complete and within the rules (what goes to or out of moderation). */
const verbs: Readonly<Record<OfferVerb, { audit: string; complete: boolean }>> = {
  submit: { audit: 'offer.submit', complete: true },
  publish: { audit: 'offer.publish', complete: true },
  reject: { audit: 'offer.reject', complete: false },
  requestChanges: { audit: 'offer.request_changes', complete: false },
  withdraw: { audit: 'offer.withdraw', complete: false },
  fill: { audit: 'offer.fill', complete: false },
};

export interface OfferTransition {
  id: string;
  verb: OfferVerb;
  /** What the author reads: why it was rejected, or what to change. */
  reason?: string;
}

/**
 * A moderation or lifecycle verb: checks the policy and the current status
 * (the schema's `offerTransitions`), moves the offer, writes the audit entry
 * and the webhook event, and remembers the answer where the call asks to,
 * all in one transaction.
 */
export function transitionOffer(deps: Deps, call: Call, { id, verb, reason }: OfferTransition): Promise<OfferAnswer> {
  const rule = offerTransitions[verb];
  const { audit, complete } = verbs[verb];
  const { actor, who } = call;
  const today = todayOf(deps.clock.now());
  return withTransaction({ db: deps.db }, async (tx) => {
    const offer = await offerFor(tx, actor, id);
    const current = effectiveStatus(offer, today);
    authorize(actor, rule.action, offerResource({ ...offer, status: offer.status }));
    if (!rule.from.includes(current)) {
      throw new ProblemError('conflict', 'offer.wrongStatus', { status: current, verb }, { members: { currentStatus: current } });
    }
    if (complete) throwIfAny(contentErrors(fieldsOf(offer), today, true, deps.config.parameters.internship));
    const to = offerTransitionTarget(actor, verb, offerResource(offer));
    const now = who.at;
    await updateOffer(tx, offer.id, {
      status: to,
      version: offer.version + 1,
      updatedAt: now,
      moderationReason: reason ?? (to === 'published' ? null : offer.moderationReason),
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'published' ? { publishedAt: now, submittedAt: offer.submittedAt ?? now } : {}),
    });
    await writeAudit(tx, who, {
      action: audit,
      objectType: 'offer',
      objectId: offer.id,
      entityIds: offer.targetEntityIds,
      subjectId: offer.authorId,
      detail: { from: current, to, ...(reason ? { reason } : {}) },
    });
    await mailOfferDecision(tx, who, offer, to, reason);
    if (to === 'submitted' || to === 'published') await recordEvent(tx, who, { type: to === 'published' ? 'offer.published' : 'offer.submitted', offerId: offer.id });
    const updated = (await findOffer(tx, actor.tenantId, offer.id))!;
    const body = offerView(actor, updated, today);
    await call.remember?.(tx, 200, body);
    return { offer: updated, body };
  });
}
