/**
 * Renewing an offer: its expiry date moves back, nothing else changes, so it
 * keeps its status and needs no new moderation (`offerRenewal` of the schema:
 * who may edit it, while it is live or has just expired).
 */
import { addDays, offerRenewal, offerRuleErrors, type OfferRenew } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findOffer, updateOffer } from './queries/offers.ts';
import { effectiveStatus, offerFor, offerResource, offerView, todayOf, type OfferAnswer } from './offer-view.ts';
import { throwIfAny } from './fields.ts';

/**
 * Sets the expiry date to `expiresOn` (checked by the year's rules: not past,
 * within `maxExpiryDays`), or to the latest the rules allow; audited as
 * `offer.renew` with both dates, in one transaction.
 */
export function renewOffer(deps: Deps, call: Call, { id, expiresOn }: { id: string } & OfferRenew): Promise<OfferAnswer> {
  const { actor, who } = call;
  const today = todayOf(deps.clock.now());
  const parameters = deps.config.parameters.internship;
  return withTransaction({ db: deps.db }, async (tx) => {
    const offer = await offerFor(tx, actor, id);
    const current = effectiveStatus(offer, today);
    authorize(actor, offerRenewal.action, offerResource(offer));
    if (!(offerRenewal.from as readonly string[]).includes(current)) {
      throw new ProblemError('conflict', 'offer.wrongStatus', { status: current, verb: 'renew' }, { members: { currentStatus: current } });
    }
    const until = expiresOn ?? addDays(today, parameters.maxExpiryDays);
    throwIfAny(offerRuleErrors({ kind: offer.kind, expiresOn: until }, parameters, today));
    await updateOffer(tx, offer.id, { expiresOn: until, version: offer.version + 1, updatedAt: who.at });
    await writeAudit(tx, who, {
      action: 'offer.renew',
      objectType: 'offer',
      objectId: offer.id,
      entityIds: offer.targetEntityIds,
      subjectId: offer.authorId,
      detail: { from: offer.expiresOn, to: until },
    });
    const updated = (await findOffer(tx, actor.tenantId, offer.id))!;
    return { offer: updated, body: offerView(actor, updated, today) };
  });
}
