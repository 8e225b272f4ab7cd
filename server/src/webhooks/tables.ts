import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { webhookDeliveryStatuses, type WebhookEventType } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { entities, institutions, people } from '../tenancy/tables.ts';

/**
 * An administrator's subscription of a URL to events. The subscription reads
 * as staff of `entityId`: each payload carries what such a staff member
 * would get from the API.
 */
export const webhookSubscriptions = sqliteTable(
  'webhook_subscriptions',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    entityId: text('entity_id').notNull().references(() => entities.id),
    url: text('url').notNull(),
    events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    /**
     * `whsec_<base64>`, stored in clear: it must be usable to sign every
     * delivery (a hash could not sign). Never returned after creation or rotation.
     */
    secret: text('secret').notNull(),
    /** The secret before the last rotation: deliveries are signed with both until `previousSecretUntil` (24 h). */
    previousSecret: text('previous_secret'),
    previousSecretUntil: time('previous_secret_until'),
    description: text('description'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: time('created_at').notNull(),
    createdBy: text('created_by').references(() => people.id),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [index('webhook_subscriptions_tenant').on(t.tenantId)],
);

/**
 * The outbox: one row per event and subscription, written in the transaction
 * of the change, so that nothing is announced that did not happen and
 * nothing that happened is lost. `payload` is the exact body sent.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    /** `msg_<uuid>`: the `webhook-id` header. */
    id: text('id').primaryKey(),
    tenantId: tenantId().references(() => institutions.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventType: text('event_type').$type<WebhookEventType>().notNull(),
    payload: text('payload').notNull(),
    createdAt: time('created_at').notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the worker should try next (pending only). */
    nextAttemptAt: time('next_attempt_at'),
    /** Set while a worker is sending it, so that no two deliveries of one message overlap. */
    lockedUntil: time('locked_until'),
    deliveredAt: time('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_subscription').on(t.subscriptionId, t.createdAt)],
);

/** Every attempt to deliver a message, for the administrators' view. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: id(),
    /** The delivery's tenant, repeated so that every row carries its tenant (sharding by institution). */
    tenantId: tenantId().references(() => institutions.id),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: time('at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.at)],
);
