/**
 * What the webhook routes answer: a subscription (never its secret, except
 * where it is created or rotated), a delivery with its attempts, and the
 * keyset pages of both.
 */
import * as v from 'valibot';
import { IdSchema, WebhookMessageIdSchema, type Page, type WebhookDelivery, type WebhookPayload, type WebhookSubscription } from '@passerelle/schema';
import { badCursor, StoredTimeSchema } from '../offers/cursor.ts';
import type { WebhookSubscriptionRow } from './queries/subscriptions.ts';
import type { WebhookAttemptRow, WebhookDeliveryRow } from './queries/deliveries.ts';
import { storedAttemptError } from './categories.ts';

/** A subscription as answered, with its version for the next `If-Match`. */
export interface SubscriptionAnswer {
  subscription: WebhookSubscription;
  etag: string;
}

/** A subscription answered with its signing secret (created, or rotated): the only times it is shown. */
export interface SubscriptionWithSecretAnswer {
  subscription: WebhookSubscription & { secret: string };
  etag: string;
}

/** A subscription's ETag: its id and version. */
export const etagOf = (row: WebhookSubscriptionRow) => `"${row.id}.${row.version}"`;

/** A subscription as answered, with its ETag. */
export const answerOf = (row: WebhookSubscriptionRow): SubscriptionAnswer => ({ subscription: subscriptionView(row), etag: etagOf(row) });

/** A subscription as answered with its secret, with its ETag. */
export const answerWithSecretOf = (row: WebhookSubscriptionRow): SubscriptionWithSecretAnswer => ({ subscription: { ...subscriptionView(row), secret: row.secret }, etag: etagOf(row) });

/** A subscription as the API shows it: never its secrets. */
export function subscriptionView(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    entityId: row.entityId,
    description: row.description,
    enabled: row.enabled,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
  };
}

/** A delivery as the API shows it, with its attempts. */
export function deliveryView(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDelivery {
  const view: WebhookDelivery = {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventType: row.eventType,
    status: row.status,
    attempts: attempts.map((a) => {
      // Older rows may hold a library's message: shown as its category too.
      const error = storedAttemptError(a.error, a.statusCode);
      return { at: a.at, durationMs: a.durationMs, ...(a.statusCode !== null ? { statusCode: a.statusCode } : {}), ...(error !== undefined ? { error } : {}) };
    }),
    createdAt: row.createdAt,
    payload: JSON.parse(row.payload) as WebhookPayload,
  };
  if (row.nextAttemptAt !== null && row.status === 'pending') view.nextAttemptAt = row.nextAttemptAt;
  if (row.deliveredAt !== null) view.deliveredAt = row.deliveredAt;
  return view;
}

/** Keyset cursors over `(createdAt, id)`, opaque to clients. */
const encodeCursor = (row: { createdAt: string; id: string }) => Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');

/**
 * A cursor read back; a validation problem on `cursor` if it is not one of
 * ours: a stored time, and an id of the list's kind (a subscription's UUID,
 * a message's `msg_…`), never compared with typed columns when forged.
 */
export function decodeCursor(cursor: string | undefined, ids: 'subscriptions' | 'messages'): { createdAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const id = ids === 'subscriptions' ? IdSchema : WebhookMessageIdSchema;
  if (Array.isArray(parsed) && parsed.length === 2 && v.is(StoredTimeSchema, parsed[0]) && v.is(id, parsed[1])) return { createdAt: parsed[0], id: parsed[1] };
  throw badCursor();
}

/** A page of `limit` items from `limit + 1` rows: the extra one says there is more. */
export function page<R extends { createdAt: string; id: string }, T>(rows: R[], limit: number, view: (rows: R[]) => T[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: view(kept), nextCursor: more ? encodeCursor(kept[kept.length - 1]!) : null };
}
