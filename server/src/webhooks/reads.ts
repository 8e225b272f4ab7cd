/**
 * Reading webhook subscriptions and their deliveries (administrators):
 * never a secret, newest first, by keyset pages.
 */
import type * as v from 'valibot';
import type { ListQuerySchema, Page, WebhookDelivery, WebhookDeliveryListQuerySchema, WebhookSubscription } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { listSubscriptions } from './queries/subscriptions.ts';
import { attemptsOf, listDeliveriesOf } from './queries/deliveries.ts';
import { authorizeTenant, loadSubscription } from './access.ts';
import { answerOf, decodeCursor, deliveryView, page, subscriptionView, type SubscriptionAnswer } from './view.ts';

/** The institution's subscriptions, a page at a time. */
export async function listWebhooks(deps: Pick<Deps, 'db'>, call: Call, input: v.InferOutput<typeof ListQuerySchema>): Promise<Page<WebhookSubscription>> {
  const { db } = deps;
  const { actor } = call;
  await authorizeTenant(db, actor);
  const rows = await listSubscriptions(db, actor.tenantId, { limit: input.limit + 1, after: decodeCursor(input.cursor, 'subscriptions') });
  return page(rows, input.limit, (kept) => kept.map(subscriptionView));
}

/** One subscription, with its ETag. */
export async function readWebhook(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<SubscriptionAnswer> {
  return answerOf(await loadSubscription(deps.db, call.actor, input.id));
}

/** A subscription's messages, newest first (optionally of one status), each with its attempts. */
export async function listWebhookDeliveries(deps: Pick<Deps, 'db'>, call: Call, input: { id: string } & v.InferOutput<typeof WebhookDeliveryListQuerySchema>): Promise<Page<WebhookDelivery>> {
  const { db } = deps;
  const subscription = await loadSubscription(db, call.actor, input.id);
  const { limit, cursor, status } = input;
  const rows = await listDeliveriesOf(db, subscription.tenantId, subscription.id, { limit: limit + 1, status, after: decodeCursor(cursor, 'messages') });
  const attempts = await attemptsOf(db, subscription.tenantId, rows.slice(0, limit).map((r) => r.id));
  return page(rows, limit, (kept) => kept.map((r) => deliveryView(r, attempts.get(r.id) ?? [])));
}
