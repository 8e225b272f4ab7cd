/**
 * Reading offers: the row with its targets and company, the status as the
 * caller should see it (expired once past its expiry date, with no job), and
 * who may see what.
 */
import { can, type Actor, type Offer, type OfferStatus, type Resource } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findOffer, type LoadedOffer, type OfferRow } from './queries/offers.ts';
import { notFound } from '../http/problem.ts';

/** Statuses that turn into `expired` once the expiry date has passed. */
export const expiring: readonly OfferStatus[] = ['submitted', 'published', 'changes_requested'];

/** The status the caller sees: a live offer past its expiry date is expired. */
export function effectiveStatus(row: Pick<OfferRow, 'status' | 'expiresOn'>, today: string): OfferStatus {
  return expiring.includes(row.status) && row.expiresOn !== null && row.expiresOn < today ? 'expired' : row.status;
}

export function offerEtag(row: Pick<OfferRow, 'id' | 'version'>): string {
  return `"${row.id}.${row.version}"`;
}

export function offerResource(offer: Pick<LoadedOffer, 'tenantId' | 'authorId' | 'companyId' | 'targetEntityIds'> & { status: OfferStatus }): Extract<Resource, { kind: 'offer' }> {
  return { kind: 'offer', tenantId: offer.tenantId, authorId: offer.authorId, companyId: offer.companyId, targetEntityIds: offer.targetEntityIds, status: offer.status };
}

/** The offer as the reader sees it (its effective status), for the policy's `offer.read`. */
export function seenOffer(offer: LoadedOffer, today: string): Extract<Resource, { kind: 'offer' }> {
  return offerResource({ ...offer, status: effectiveStatus(offer, today) });
}

/** The author, the company's representatives, moderators of a target, admins. */
export function isInsider(actor: Actor, offer: LoadedOffer): boolean {
  const resource = offerResource(offer);
  return offer.authorId === actor.personId || can(actor, 'offer.moderate', resource) || can(actor, 'offer.edit', resource);
}

/** Loads the offer for a verb: 404 if the caller cannot know it exists. */
export async function offerFor(db: DbOrTx, actor: Actor, id: string): Promise<LoadedOffer> {
  const offer = await findOffer(db, actor.tenantId, id);
  if (!offer) throw notFound('offer.notFound');
  return offer;
}

/** The API shape: optional fields absent when empty; author and reason only for insiders. */
export function offerView(actor: Actor, offer: LoadedOffer, today: string): Offer {
  const insider = isInsider(actor, offer);
  const view: Offer = {
    id: offer.id,
    company: { id: offer.companyId, name: offer.companyName },
    title: offer.title,
    kind: offer.kind,
    targetEntityIds: offer.targetEntityIds,
    status: effectiveStatus(offer, today),
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
  };
  if (offer.description !== null) view.description = offer.description;
  if (offer.location !== null) view.location = offer.location;
  if (offer.remote !== null) view.remote = offer.remote;
  if (offer.startDate !== null) view.startDate = offer.startDate;
  if (offer.durationAmount !== null && offer.durationUnit !== null) view.duration = { amount: offer.durationAmount, unit: offer.durationUnit };
  if (offer.weeklyHours !== null) view.weeklyHours = offer.weeklyHours;
  if (offer.stipendCents !== null) view.stipend = { amountCents: offer.stipendCents, currency: 'EUR' };
  if (offer.apply !== null) view.apply = offer.apply;
  if (offer.expiresOn !== null) view.expiresOn = offer.expiresOn;
  if (offer.submittedAt !== null) view.submittedAt = offer.submittedAt;
  if (offer.publishedAt !== null) view.publishedAt = offer.publishedAt;
  if (insider) {
    view.authorId = offer.authorId;
    if (offer.moderationReason !== null) view.moderationReason = offer.moderationReason;
  }
  return view;
}

/** What a use case that writes an offer answers: the offer (for its ETag) and its view for the caller. */
export interface OfferAnswer {
  offer: LoadedOffer;
  body: Offer;
}

/** Today's date (UTC) from the request clock, as the rules compare dates. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
