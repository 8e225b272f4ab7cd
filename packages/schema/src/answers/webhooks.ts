import * as v from 'valibot';
import { webhookAttemptErrors, webhookDeliveryStatuses, webhookEventTypes, type WebhookAttemptError, type WebhookDelivery, type WebhookSubscription } from '../webhooks/webhook.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

const EventTypeSchema = v.picklist(webhookEventTypes);

/** A subscription as administrators read it: never its secret. */
export const WebhookSubscriptionSchema = v.object({
  id: AnswerIdSchema,
  url: v.string(),
  events: v.array(EventTypeSchema),
  /** Payloads are what a staff member of this entity reads through the API. */
  entityId: AnswerIdSchema,
  description: v.nullable(v.string()),
  enabled: v.boolean(),
  createdAt: AnswerTimeSchema,
  createdBy: v.nullable(AnswerIdSchema),
  updatedAt: AnswerTimeSchema,
});
type _WebhookSubscription = Assert<Same<v.InferOutput<typeof WebhookSubscriptionSchema>, WebhookSubscription>>;

/** At creation and rotation only: the signing secret (`whsec_…`), shown this once. */
export const WebhookSubscriptionWithSecretSchema = v.object({ ...WebhookSubscriptionSchema.entries, secret: v.pipe(v.string(), v.startsWith('whsec_')) });

export const WebhookSubscriptionPageSchema = pageOf(WebhookSubscriptionSchema);

/** Why an attempt failed: a category, or `http-<status>` for an answer outside 2xx. */
const AttemptErrorSchema = v.union([
  v.picklist(webhookAttemptErrors),
  v.pipe(
    v.string(),
    v.regex(/^http-\d{3}$/),
    v.transform((s) => s as `http-${number}`),
  ),
]);
type _AttemptError = Assert<Same<v.InferOutput<typeof AttemptErrorSchema>, WebhookAttemptError>>;

/** One message to one subscription, with every attempt to deliver it. */
export const WebhookDeliverySchema = v.object({
  /** Also the `webhook-id` header: `msg_` and a UUID. */
  id: v.pipe(v.string(), v.startsWith('msg_')),
  subscriptionId: AnswerIdSchema,
  eventType: EventTypeSchema,
  status: v.picklist(webhookDeliveryStatuses),
  attempts: v.array(v.object({ at: AnswerTimeSchema, statusCode: v.optional(v.pipe(v.number(), v.integer())), error: v.optional(AttemptErrorSchema), durationMs: v.number() })),
  createdAt: AnswerTimeSchema,
  nextAttemptAt: v.optional(AnswerTimeSchema),
  deliveredAt: v.optional(AnswerTimeSchema),
  /** The body sent: `{ type, timestamp, data }`. */
  payload: v.object({ type: EventTypeSchema, timestamp: AnswerTimeSchema, data: v.unknown() }),
});
type _WebhookDelivery = Assert<Same<v.InferOutput<typeof WebhookDeliverySchema>, WebhookDelivery>>;

export const WebhookDeliveryPageSchema = pageOf(WebhookDeliverySchema);
