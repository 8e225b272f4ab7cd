/** An administrator sends a failed or waiting webhook message again. */
import type { WebhookDelivery } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { attemptsOf, findDelivery, requeueDelivery } from './queries/deliveries.ts';
import { loadSubscription } from './access.ts';
import { announceDeliveriesQueued } from './wake.ts';
import { deliveryView } from './view.ts';

/** Puts a failed (or waiting) message back in the queue, due now (409 once delivered), and wakes the runner. */
export async function retryDelivery(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<WebhookDelivery> {
  const { db } = deps;
  const { actor, who } = call;
  const row = await withTransaction({ db }, async (tx) => {
    const delivery = await findDelivery(tx, actor.tenantId, input.id);
    if (!delivery) throw notFound('webhook.delivery.notFound');
    const subscription = await loadSubscription(tx, actor, delivery.subscriptionId);
    if (delivery.status === 'delivered') throw new ProblemError('conflict', 'webhook.delivery.delivered', {}, { members: { currentStatus: delivery.status } });
    await requeueDelivery(tx, actor.tenantId, delivery.id, who.at);
    await writeAudit(tx, who, { action: 'webhook.retry', objectType: 'webhook_delivery', objectId: delivery.id, entityIds: [subscription.entityId], detail: { subscriptionId: subscription.id, from: delivery.status } });
    return (await findDelivery(tx, actor.tenantId, delivery.id))!;
  });
  announceDeliveriesQueued();
  return deliveryView(row, (await attemptsOf(db, row.tenantId, [row.id])).get(row.id) ?? []);
}
