/**
 * Emission: `recordEvent` writes one outbox message per subscription that
 * listens to the event, inside the transaction of the change — a rolled-back
 * change leaves no message, a committed one cannot lose it.
 *
 * Each subscription reads as a staff member of its entity: its payload is
 * what such a staff member gets from the API for the object, through the
 * same projections, and a subscription whose staff could not read the
 * object gets no message at all.
 */
import type { Actor, SolicitationView, WebhookEventType, WebhookPayload } from '@passerelle/schema';
import { can, decide, profileAudience } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { entityParents } from '../auth/session.ts';
import { insertDeliveries } from './queries/deliveries.ts';
import { sendWithNext } from '../db/transaction.ts';
import { listEnabledSubscriptions, type WebhookSubscriptionRow } from './queries/subscriptions.ts';
import { findProfile } from '../profiles/queries/profiles.ts';
import { entityIdsOf, entityNames } from '../profiles/queries/people.ts';
import { reviewFlagsOf } from '../profiles/queries/duplicates.ts';
import { viewFor } from '../profiles/document.ts';
import { personResource } from '../consents/people.ts';
import { consentOverview } from '../consents/state.ts';
import { findOffer } from '../offers/queries/offers.ts';
import { offerView, seenOffer, todayOf } from '../offers/offer-view.ts';
import { findPledgeJoined } from '../pledges/queries/joined.ts';
import { pledgeResource } from '../pledges/access.ts';
import { projectPledge } from '../pledges/project.ts';
import { findErasureRequest } from '../rights/queries/erasure-requests.ts';
import { announceDeliveriesQueued } from './wake.ts';
import { allowanceOf } from '../solicitations/allowance.ts';

/** What happened, named by ids; the payload is read from the database in the same transaction. */
export type WebhookEvent =
  | { type: 'profile.updated'; personId: string }
  | { type: 'consent.changed'; personId: string; changes: readonly { purposeKey: string; channels: readonly string[] }[] }
  /** A purpose's new text: the person's consent on these channels was given to an older one. */
  | { type: 'consent.renewal_needed'; personId: string; renewal: { purposeKey: string; version: string; channels: readonly string[] } }
  /** These consents of the person reached the end of their retention. */
  | { type: 'consent.lapsed'; personId: string; lapsed: readonly { purposeKey: string; channel: string; expiredAt: string }[] }
  | { type: 'offer.submitted' | 'offer.published'; offerId: string }
  | { type: 'pledge.created' | 'pledge.status_changed'; pledgeId: string }
  | { type: 'erasure.requested'; requestId: string }
  /** The person as they were before the erasure (their entities decide who hears of it); the payload names ids only. */
  | { type: 'person.erased'; personId: string; erasureRequestId: string; reason: 'request' | 'retention'; entityIds: readonly string[] }
  /** A message of the solicitation ledger, as recorded. */
  | { type: 'solicitation.recorded'; solicitation: SolicitationView };

/** The reader a subscription stands for: staff of its entity, nobody in person. */
export function subscriptionReader(subscription: Pick<WebhookSubscriptionRow, 'id' | 'tenantId' | 'entityId'>, parents: Actor['entityParents']): Actor {
  return { personId: `webhook:${subscription.id}`, tenantId: subscription.tenantId, memberships: [{ role: 'staff', entityId: subscription.entityId }], entityParents: parents };
}

/** Given a reader, the event's `data` as the API would show it to them, or null when they could not see it. */
type Projector = (reader: Actor) => unknown;

async function projectorFor(tx: DbOrTx, tenantId: string, event: WebhookEvent, now: Date): Promise<Projector|null> {
  switch (event.type) {
    case 'profile.updated': {
      const row = await findProfile(tx, tenantId, event.personId);
      if (!row) return null;
      const person = { kind: 'person' as const, tenantId, personId: row.personId, entityIds: (await entityIdsOf(tx, tenantId, [row.personId])).get(row.personId) ?? [] };
      const context = { now, entityNames: await entityNames(tx, tenantId, [row.educationEntityId]), reviewFlags: (await reviewFlagsOf(tx, tenantId, [row.personId])).get(row.personId) };
      // Only the entities the person belongs to hear of their changes: a CRM
      // syncs its own members, not everyone's network-visible fields.
      return (reader) => (profileAudience(reader, person) === 'staff' ? viewFor(row, 'staff', context) : null);
    }
    case 'consent.changed':
    case 'consent.renewal_needed':
    case 'consent.lapsed': {
      const person = await personResource(tx, tenantId, event.personId);
      const overview = await consentOverview(tx, tenantId, event.personId, now);
      // How many more messages the person accepts this month, every service together (the solicitation ledger).
      const solicitationAllowance = await allowanceOf(tx, tenantId, event.personId, now);
      // The person's consents as GET /v1/consents/people/:id shows them, and what the event says of them.
      const { type: _type, personId: _personId, ...what } = event;
      return (reader) => (decide(reader, 'consent.read', person).allowed ? { ...overview, solicitationAllowance, ...what } : null);
    }
    case 'solicitation.recorded': {
      const person = await personResource(tx, tenantId, event.solicitation.personId);
      const allowance = await allowanceOf(tx, tenantId, event.solicitation.personId, now);
      // GET /v1/solicitations/people/:id: staff of the person's entities (the sending entity's staff may look after others).
      return (reader) => (decide(reader, 'solicitation.read', person).allowed ? { ...event.solicitation, allowance } : null);
    }
    case 'offer.submitted':
    case 'offer.published': {
      const offer = await findOffer(tx, tenantId, event.offerId);
      if (!offer) return null;
      const today = todayOf(now);
      return (reader) => (can(reader, 'offer.read', seenOffer(offer, today)) ? offerView(reader, offer, today) : null);
    }
    case 'pledge.created':
    case 'pledge.status_changed': {
      const joined = await findPledgeJoined(tx, tenantId, event.pledgeId);
      if (!joined) return null;
      // GET /v1/pledges/:id for that staff member: 404 if unseen, the amount only for the beneficiary's.
      return (reader) => (can(reader, 'pledge.read', pledgeResource(joined.pledge)) ? projectPledge(reader, joined) : null);
    }
    case 'person.erased': {
      // Staff whose scope covered the person before the erasure removed their memberships: their CRM must forget them too.
      const person = { kind: 'person' as const, tenantId, personId: event.personId, entityIds: [...event.entityIds] };
      const data = { personId: event.personId, erasureRequestId: event.erasureRequestId, reason: event.reason, erasedAt: now.toISOString() };
      return (reader) => (decide(reader, 'profile.edit', person).allowed ? data : null);
    }
    case 'erasure.requested': {
      const request = await findErasureRequest(tx, tenantId, event.requestId);
      if (!request) return null;
      const person = await personResource(tx, tenantId, request.personId);
      // GET /v1/erasure-requests/:id: staff whose scope covers the person.
      return (reader) => (decide(reader, 'profile.edit', person).allowed ? request : null);
    }
  }
}

/**
 * Writes the outbox messages of one event (call it inside the change's
 * transaction, after the change). Returns how many were written.
 */
export async function recordEvent(tx: DbOrTx, who: { tenantId: string; at: string }, event: WebhookEvent): Promise<number> {
  const listening = (await listEnabledSubscriptions(tx, who.tenantId)).filter((s) => s.events.includes(event.type));
  if (listening.length === 0) return 0;
  const project = await projectorFor(tx, who.tenantId, event, new Date(who.at));
  if (!project) return 0;
  const parents = await entityParents(tx, who.tenantId);
  const rows = listening.flatMap((subscription) => {
    const data = project(subscriptionReader(subscription, parents));
    if (data === null) return [];
    const payload: WebhookPayload = { type: event.type as WebhookEventType, timestamp: who.at, data };
    return [
      {
        id: `msg_${crypto.randomUUID()}`,
        tenantId: who.tenantId,
        subscriptionId: subscription.id,
        eventType: event.type,
        payload: JSON.stringify(payload),
        createdAt: who.at,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: who.at,
      },
    ];
  });
  // Nothing in the transaction reads them back: on PostgreSQL they go with its next statement or its COMMIT.
  await sendWithNext(tx, (tx) => insertDeliveries(tx, rows));
  // Wakes this process's delivery runner once the transaction is over.
  if (rows.length > 0) announceDeliveriesQueued();
  return rows.length;
}
