/**
 * Changing webhook subscriptions (administrators): subscribing a URL,
 * editing, deleting, and rotating the signing secret. Each change and its
 * audit entry are one transaction; the URL's host is resolved before it,
 * since a transaction never waits on the network.
 */
import type { WebhookCreate, WebhookPatch } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { findRootEntityId } from '../tenancy/queries/entities.ts';
import { withTransaction } from '../db/transaction.ts';
import { deleteSubscription, insertSubscription, updateSubscriptionAtVersion } from './queries/subscriptions.ts';
import { generateSecret, ROTATION_OVERLAP_MS } from './sign.ts';
import { checkEntity, checkUrl, loadSubscription, resourceOf } from './access.ts';
import { answerOf, answerWithSecretOf, etagOf, type SubscriptionAnswer, type SubscriptionWithSecretAnswer } from './view.ts';

type WebhookDeps = Pick<Deps, 'db' | 'config' | 'lookup'>;

/** Subscribes a URL to events for an entity (the institution's root when none is named); answers the secret this once. */
export async function createWebhook(deps: WebhookDeps, call: Call, input: WebhookCreate): Promise<SubscriptionWithSecretAnswer> {
  const { db } = deps;
  const { actor, who } = call;
  const entityId = input.entityId ?? (await findRootEntityId(db, actor.tenantId));
  if (!entityId) throw validationProblem([{ path: 'entityId', code: 'webhook.entity', params: {} }]);
  authorize(actor, 'webhook.manage', resourceOf(actor.tenantId, entityId));
  checkEntity(actor, entityId);
  await checkUrl(deps, input.url);
  const row = await withTransaction({ db }, async (tx) => {
    const created = await insertSubscription(tx, {
      tenantId: actor.tenantId,
      entityId,
      url: input.url,
      events: input.events,
      secret: generateSecret(),
      description: input.description || null,
      enabled: input.enabled ?? true,
      createdAt: who.at,
      createdBy: actor.personId,
      updatedAt: who.at,
    });
    await writeAudit(tx, who, { action: 'webhook.create', objectType: 'webhook_subscription', objectId: created.id, entityIds: [entityId], detail: { url: created.url, events: created.events, enabled: created.enabled } });
    return created;
  });
  return answerWithSecretOf(row);
}

/** Where a subscription is read: the `Location` of a created one. */
export function webhookLocation(id: string): string {
  return `/v1/webhooks/${id}`;
}

/** Changes the URL, events, entity, description or enabled state of a subscription known at version `ifMatch` (428 without it, 412 if it changed). */
export async function updateWebhook(deps: WebhookDeps, call: Call, input: { id: string; patch: WebhookPatch; ifMatch: string | undefined }): Promise<SubscriptionAnswer> {
  const { db } = deps;
  const { actor, who } = call;
  const { id, patch, ifMatch } = input;
  if (patch.url !== undefined) {
    // The host is resolved before the transaction (which cannot wait), by someone allowed to manage this subscription.
    await loadSubscription(db, actor, id);
    await checkUrl(deps, patch.url);
  }
  const row = await withTransaction({ db }, async (tx) => {
    const current = await loadSubscription(tx, actor, id);
    if (!ifMatch || ifMatch === '*') throw new ProblemError('preconditionRequired', 'webhook.ifMatchRequired');
    if (ifMatch !== etagOf(current)) throw new ProblemError('preconditionFailed', 'webhook.changed', {}, { headers: { etag: etagOf(current) } });
    if (patch.entityId !== undefined) {
      checkEntity(actor, patch.entityId);
      authorize(actor, 'webhook.manage', resourceOf(actor.tenantId, patch.entityId));
    }
    const set = {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.entityId !== undefined ? { entityId: patch.entityId } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    };
    const updated = await updateSubscriptionAtVersion(tx, actor.tenantId, current.id, current.version, { ...set, version: current.version + 1, updatedAt: who.at });
    if (!updated) throw new ProblemError('preconditionFailed', 'webhook.changedWhileSaving');
    await writeAudit(tx, who, { action: 'webhook.update', objectType: 'webhook_subscription', objectId: current.id, entityIds: [...new Set([current.entityId, updated.entityId])], detail: { fields: Object.keys(set) } });
    return updated;
  });
  return answerOf(row);
}

/** Deletes a subscription and its delivery history: nothing more is sent. */
export async function deleteWebhook(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<void> {
  const { actor, who } = call;
  await withTransaction({ db: deps.db }, async (tx) => {
    const current = await loadSubscription(tx, actor, input.id);
    await deleteSubscription(tx, current.tenantId, current.id);
    await writeAudit(tx, who, { action: 'webhook.delete', objectType: 'webhook_subscription', objectId: current.id, entityIds: [current.entityId], detail: { url: current.url } });
  });
}

/**
 * A new signing secret, answered once. The previous one keeps signing beside
 * it for 24 hours (two signatures per delivery), so receivers can switch
 * without rejecting a message; it is never answered.
 */
export async function rotateWebhookSecret(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<SubscriptionWithSecretAnswer> {
  const { actor, who } = call;
  const row = await withTransaction({ db: deps.db }, async (tx) => {
    const current = await loadSubscription(tx, actor, input.id);
    const updated = (await updateSubscriptionAtVersion(tx, current.tenantId, current.id, current.version, {
      secret: generateSecret(),
      previousSecret: current.secret,
      previousSecretUntil: new Date(Date.parse(who.at) + ROTATION_OVERLAP_MS).toISOString(),
      version: current.version + 1,
      updatedAt: who.at,
    }))!;
    await writeAudit(tx, who, { action: 'webhook.rotateSecret', objectType: 'webhook_subscription', objectId: current.id, entityIds: [current.entityId], detail: {} });
    return updated;
  });
  return answerWithSecretOf(row);
}
