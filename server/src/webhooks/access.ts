/**
 * Who may manage which subscription, and what a subscription may point at:
 * the checks every webhook use case starts with.
 */
import type { Actor } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound, validationProblem } from '../http/problem.ts';
import { findRootEntityId } from '../tenancy/queries/entities.ts';
import { findSubscription, type WebhookSubscriptionRow } from './queries/subscriptions.ts';
import { urlRefusal } from './url.ts';

/**
 * https only, to public internet addresses only (the host resolved now, and
 * again at every delivery), so that webhooks cannot be aimed at the services
 * inside the network (metadata endpoints, admin consoles); http and this
 * machine only when the configuration allows it (tests, development).
 */
export async function checkUrl(deps: Pick<Deps, 'config' | 'lookup'>, url: string): Promise<void> {
  const refusal = await urlRefusal(url, { allowLocal: deps.config.webhookAllowLocalHttp, lookup: deps.lookup });
  if (refusal !== null) throw validationProblem([{ path: 'url', ...refusal }]);
}

/** The entity must be one of the tenant's (the actor's entity tree lists them all). */
export function checkEntity(actor: Actor, entityId: string): void {
  if (!(entityId in actor.entityParents)) throw validationProblem([{ path: 'entityId', code: 'webhook.entity', params: {} }]);
}

/** The policy's resource for a subscription of `entityId`. */
export const resourceOf = (tenantId: string, entityId: string) => ({ kind: 'webhook' as const, tenantId, entityId });

/** The tenant-wide check for lists: an administrator of this tenant. */
export async function authorizeTenant(db: DbOrTx, actor: Actor): Promise<void> {
  authorize(actor, 'webhook.manage', resourceOf(actor.tenantId, (await findRootEntityId(db, actor.tenantId)) ?? ''));
}

/** A subscription of the caller's tenant that they may manage: 404 for an unknown or another tenant's id, 403 for a non-admin. */
export async function loadSubscription(db: DbOrTx, actor: Actor, id: string): Promise<WebhookSubscriptionRow> {
  const row = await findSubscription(db, actor.tenantId, id);
  if (!row) throw notFound('webhook.notFound');
  authorize(actor, 'webhook.manage', resourceOf(row.tenantId, row.entityId));
  return row;
}
