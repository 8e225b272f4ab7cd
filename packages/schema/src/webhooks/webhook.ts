import * as v from 'valibot';
import { IdSchema, listQueryEntries } from '../core/common.ts';

/**
 * What a subscription can listen to. Each event is written to the outbox in
 * the transaction of the change it announces (see the README, "Webhooks").
 */
export const webhookEventTypes = [
  'profile.updated',
  'consent.changed',
  // A purpose's text changed: one per person whose consent was given to the older text, to be asked again.
  'consent.renewal_needed',
  // A consent's retention ran out (the worker's daily sweep): one per person, with the purposes and channels that lapsed.
  'consent.lapsed',
  'offer.submitted',
  'offer.published',
  'pledge.created',
  'pledge.status_changed',
  'erasure.requested',
  // A person was erased (their request processed, or the retention rule's anonymisation): ids only, never their data.
  'person.erased',
  // A service recorded a message sent to a person (the solicitation ledger), with the person's allowance left this month.
  'solicitation.recorded',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const WebhookEventTypeSchema = v.picklist(webhookEventTypes);

/**
 * Where deliveries go: an absolute http(s) URL without credentials. Whether
 * plain http is allowed (only to localhost, only when the server's
 * configuration says so) and which addresses may be reached (public ones
 * only: the host is resolved) are the server's decisions.
 */
export const WebhookUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(2000),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '' && u.hash === '';
    } catch {
      return false;
    }
  }, 'webhook.url.format'),
);

/** A non-empty set of events (duplicates refused, so that the stored list reads as the admin meant it). */
export const WebhookEventsSchema = v.pipe(
  v.array(WebhookEventTypeSchema),
  v.minLength(1),
  v.check((list) => new Set(list).size === list.length, 'webhook.events.unique'),
);

const DescriptionSchema = v.pipe(v.string(), v.trim(), v.maxLength(500));

/** `POST /v1/webhooks`. `entityId` defaults to the tenant's root entity: the subscription reads as staff of that entity. */
export const WebhookCreateSchema = v.strictObject({
  url: WebhookUrlSchema,
  events: WebhookEventsSchema,
  entityId: v.optional(IdSchema),
  description: v.optional(DescriptionSchema),
  enabled: v.optional(v.boolean()),
});
export type WebhookCreate = v.InferOutput<typeof WebhookCreateSchema>;

/** `PATCH /v1/webhooks/:id` (with `If-Match`): any of the fields, at least one. */
export const WebhookPatchSchema = v.pipe(
  v.strictObject({
    url: v.optional(WebhookUrlSchema),
    events: v.optional(WebhookEventsSchema),
    entityId: v.optional(IdSchema),
    description: v.optional(DescriptionSchema),
    enabled: v.optional(v.boolean()),
  }),
  v.check((p) => Object.values(p).some((x) => x !== undefined), 'validation.emptyChange'),
);
export type WebhookPatch = v.InferOutput<typeof WebhookPatchSchema>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** `GET /v1/webhooks/:id/deliveries`: newest first, optionally one status. */
export const WebhookDeliveryListQuerySchema = v.object({
  ...listQueryEntries(),
  status: v.optional(v.picklist(webhookDeliveryStatuses)),
});

/** A delivery's id is its `webhook-id` header: `msg_` and a UUID. */
export const WebhookMessageIdSchema = v.pipe(v.string(), v.regex(/^msg_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'webhook.delivery.id'));

/** A subscription as administrators read it: never its secret (shown once, at creation and rotation). */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  entityId: string;
  description: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

/** The body of every webhook (Standard Webhooks envelope). */
export interface WebhookPayload<T = unknown> {
  type: WebhookEventType;
  /** When the change happened (ISO 8601, UTC). */
  timestamp: string;
  /** What a staff member of the subscription's entity reads of the object through the API. */
  data: T;
}

/**
 * Why an attempt failed, as a category: never a library's message, which
 * would map the network (`ECONNREFUSED 10.0.0.7:8806`, OpenSSL paths).
 * `blocked-address`: the receiver's host is or resolved to an address
 * webhooks may not reach (loopback, private, link-local…).
 */
export const webhookAttemptErrors = ['connection-refused', 'tls-error', 'timeout', 'dns-error', 'blocked-address', 'network-error'] as const;
/** One of `webhookAttemptErrors`, or `http-<status>` for an answer outside 2xx. */
export type WebhookAttemptError = (typeof webhookAttemptErrors)[number] | `http-${number}`;

export interface WebhookAttempt {
  at: string;
  /** The receiver's HTTP status; absent when no answer came (timeout, refused connection). */
  statusCode?: number;
  error?: WebhookAttemptError;
  durationMs: number;
}

export interface WebhookDelivery {
  /** Also the `webhook-id` header: a receiver uses it to drop duplicates. */
  id: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttempt[];
  createdAt: string;
  nextAttemptAt?: string;
  deliveredAt?: string;
  payload: WebhookPayload;
}
