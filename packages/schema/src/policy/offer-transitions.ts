/**
 * The offer's state machine as one table: which verb moves an offer from
 * which statuses to which, and which policy action it needs. The server's
 * routes and the offer form both read it, so the form never offers a verb
 * the server would refuse for the status.
 */
import { can } from './policy.ts';
import type { Actor, OfferStatus, Resource } from './types.ts';

export const offerVerbs = ['submit', 'publish', 'reject', 'requestChanges', 'withdraw', 'fill'] as const;
export type OfferVerb = (typeof offerVerbs)[number];

interface OfferTransition {
  /** The policy action the verb needs on the offer. */
  readonly action: 'offer.edit' | 'offer.moderate';
  /** The statuses (as the reader sees them) the verb applies to. */
  readonly from: readonly OfferStatus[];
  /** Where it goes; `moderation` is `published` for who may publish directly (`offer.publishDirectly`), else `submitted`. */
  readonly to: OfferStatus | 'moderation';
}

export const offerTransitions: Readonly<Record<OfferVerb, OfferTransition>> = {
  // A draft, or an offer sent back, goes (back) to moderation.
  submit: { action: 'offer.edit', from: ['draft', 'changes_requested', 'rejected'], to: 'moderation' },
  publish: { action: 'offer.moderate', from: ['submitted'], to: 'published' },
  reject: { action: 'offer.moderate', from: ['submitted', 'published'], to: 'rejected' },
  requestChanges: { action: 'offer.moderate', from: ['submitted', 'published'], to: 'changes_requested' },
  withdraw: { action: 'offer.edit', from: ['draft', 'submitted', 'changes_requested', 'rejected', 'published'], to: 'withdrawn' },
  // The position is filled: the offer leaves the listings.
  fill: { action: 'offer.edit', from: ['published'], to: 'filled' },
};

/**
 * Renewing an offer pushes its expiry date back (`POST /v1/offers/:id/renew`)
 * without changing its status or its text, so it needs no new moderation: who
 * may edit the offer (`offer.edit`) renews it while it is live or has just
 * expired (the statuses as the reader sees them).
 */
export const offerRenewal = { action: 'offer.edit', from: ['submitted', 'changes_requested', 'published', 'expired'] } as const satisfies {
  readonly action: 'offer.edit';
  readonly from: readonly OfferStatus[];
};

/** Statuses in which an offer can no longer be edited by anyone. */
export const closedOfferStatuses: readonly OfferStatus[] = ['withdrawn', 'filled'];

/** Where an offer sent to moderation by `actor` lands: published at once for who may publish it directly. */
export function moderationOutcome(actor: Actor, offer: Extract<Resource, { kind: 'offer' }>): 'published' | 'submitted' {
  return can(actor, 'offer.publishDirectly', offer) ? 'published' : 'submitted';
}

/** The status `verb` moves the offer to, for this actor. */
export function offerTransitionTarget(actor: Actor, verb: OfferVerb, offer: Extract<Resource, { kind: 'offer' }>): OfferStatus {
  const to = offerTransitions[verb].to;
  return to === 'moderation' ? moderationOutcome(actor, offer) : to;
}
