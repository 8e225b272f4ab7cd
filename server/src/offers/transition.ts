/**
 * The moderation and lifecycle verbs of an offer (submit, publish, reject,
 * request changes, withdraw, fill): one guarded state change each.
 */
import type { Context } from 'hono';
import { offerTransitionTarget, offerTransitions, type OfferVerb } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { findOffer, updateOffer, type LoadedOffer } from './queries/offers.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { rememberReply } from '../http/idempotency.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { effectiveStatus, offerEtag, offerFor, offerResource, offerView, todayOf } from './offer-view.ts';
import { recordEvent } from '../webhooks/record.ts';

/**
 * A moderation or lifecycle verb: checks the policy and the current status
 * (the schema's `offerTransitions`), moves the offer, writes the audit entry,
 * all in one transaction.
 */
export function transition(
  c: Context<AppEnv>,
  options: { audit: string; verb: OfferVerb; reason?: string; check?: (offer: LoadedOffer, today: string) => void; remember?: boolean },
) {
  const rule = offerTransitions[options.verb];
  const { db, clock } = c.var.deps;
  const { actor } = c.var.auth;
  const id = (c.req.param() as { id: string }).id;
  const who = auditOrigin(c);
  const today = todayOf(clock.now());
  const result = db.transaction((tx) => {
    const offer = offerFor(tx, actor, id);
    const current = effectiveStatus(offer, today);
    authorize(actor, rule.action, offerResource({ ...offer, status: offer.status }));
    if (!rule.from.includes(current)) {
      throw new ProblemError('conflict', 'offer.wrongStatus', { status: current, verb: options.verb }, { members: { currentStatus: current } });
    }
    options.check?.(offer, today);
    const to = offerTransitionTarget(actor, options.verb, offerResource(offer));
    const now = who.at;
    updateOffer(tx, offer.id, {
      status: to,
      version: offer.version + 1,
      updatedAt: now,
      moderationReason: options.reason ?? (to === 'published' ? null : offer.moderationReason),
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'published' ? { publishedAt: now, submittedAt: offer.submittedAt ?? now } : {}),
    });
    writeAudit(tx, who, {
      action: options.audit,
      objectType: 'offer',
      objectId: offer.id,
      entityIds: offer.targetEntityIds,
      subjectId: offer.authorId,
      detail: { from: current, to, ...(options.reason ? { reason: options.reason } : {}) },
    });
    if (to === 'submitted' || to === 'published') recordEvent(tx, who, { type: to === 'published' ? 'offer.published' : 'offer.submitted', offerId: offer.id });
    const updated = findOffer(tx, actor.tenantId, offer.id)!;
    const body = offerView(actor, updated, today);
    if (options.remember) rememberReply(tx, c, 200, body);
    return { updated, body };
  });
  c.header('etag', offerEtag(result.updated));
  return c.json(result.body, 200);
}
