import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookSubscriptionPageSchema,
  WebhookSubscriptionSchema,
  WebhookSubscriptionWithSecretSchema,
  IdSchema,
  ListQuerySchema,
  WebhookCreateSchema,
  WebhookDeliveryListQuerySchema,
  WebhookMessageIdSchema,
  WebhookPatchSchema,
  type Actor,
  type Page,
  type WebhookDelivery,
  type WebhookPayload,
  type WebhookSubscription,
} from '@passerelle/schema';
import type { AppEnv, Deps } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { findRootEntityId } from '../tenancy/queries/entities.ts';
import { deleteSubscription, findSubscription, insertSubscription, listSubscriptions, updateSubscriptionAtVersion, type WebhookSubscriptionRow } from './queries/subscriptions.ts';
import { attemptsOf, findDelivery, listDeliveriesOf, requeueDelivery, type WebhookAttemptRow, type WebhookDeliveryRow } from './queries/deliveries.ts';
import { generateSecret, ROTATION_OVERLAP_MS } from './sign.ts';
import { urlRefusal } from './url.ts';
import { storedAttemptError } from './categories.ts';
import { announceDeliveriesQueued } from './wake.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

/**
 * https only, to public internet addresses only (the host resolved now, and
 * again at every delivery), so that webhooks cannot be aimed at the services
 * inside the network (metadata endpoints, admin consoles); http and this
 * machine only when the configuration allows it (tests, development).
 */
async function checkUrl(deps: Deps, url: string): Promise<void> {
  const refusal = await urlRefusal(url, { allowLocal: deps.config.webhookAllowLocalHttp, lookup: deps.lookup });
  if (refusal !== null) throw validationProblem([{ path: 'url', ...refusal }]);
}

/** The entity must be one of the tenant's (the actor's entity tree lists them all). */
function checkEntity(actor: Actor, entityId: string): void {
  if (!(entityId in actor.entityParents)) throw validationProblem([{ path: 'entityId', code: 'webhook.entity', params: {} }]);
}

const resourceOf = (tenantId: string, entityId: string) => ({ kind: 'webhook' as const, tenantId, entityId });

/** The tenant-wide check for lists: an administrator of this tenant. */
async function authorizeTenant(c: Context<AppEnv>): Promise<void> {
  const { actor } = c.var.auth;
  authorize(actor, 'webhook.manage', resourceOf(actor.tenantId, (await findRootEntityId(c.var.deps.db, actor.tenantId)) ?? ''));
}

/** A subscription of the caller's tenant that they may manage: 404 for an unknown or another tenant's id, 403 for a non-admin. */
async function loadSubscription(c: Context<AppEnv>, db: DbOrTx, id: string): Promise<WebhookSubscriptionRow> {
  const { actor } = c.var.auth;
  const row = await findSubscription(db, actor.tenantId, id);
  if (!row) throw notFound('webhook.notFound');
  authorize(actor, 'webhook.manage', resourceOf(row.tenantId, row.entityId));
  return row;
}

const etagOf = (row: WebhookSubscriptionRow) => `"${row.id}.${row.version}"`;

function subscriptionView(row: WebhookSubscriptionRow): WebhookSubscription {
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

function deliveryView(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDelivery {
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
function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return { createdAt: parsed[0], id: parsed[1] };
  } catch {
    // fall through to the validation problem
  }
  throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
}

function page<R extends { createdAt: string; id: string }, T>(rows: R[], limit: number, view: (rows: R[]) => T[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: view(kept), nextCursor: more ? encodeCursor(kept[kept.length - 1]!) : null };
}

/**
 * Webhook subscriptions (administrators): the institution's CRM or ERP
 * subscribes a URL to events, signed with a secret shown once, and reads
 * each delivery with its attempts.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Subscribes a URL; answers the secret once. */
  .post('/', describeRoute({ operationId: 'createWebhook', summary: 'Subscribe a URL to events; the signing secret is answered this once (administrators)', tags: ['webhooks'], answers: { 201: WebhookSubscriptionWithSecretSchema }, location: true, etag: true }), jsonBody(WebhookCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const input = c.req.valid('json');
    const entityId = input.entityId ?? (await findRootEntityId(db, actor.tenantId));
    if (!entityId) throw validationProblem([{ path: 'entityId', code: 'webhook.entity', params: {} }]);
    authorize(actor, 'webhook.manage', resourceOf(actor.tenantId, entityId));
    checkEntity(actor, entityId);
    await checkUrl(c.var.deps, input.url);
    const who = auditOrigin(c);
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
    c.header('location', `/v1/webhooks/${row.id}`);
    c.header('etag', etagOf(row));
    return c.json({ ...subscriptionView(row), secret: row.secret }, 201);
  })
  .get('/', describeRoute({ operationId: 'listWebhooks', summary: 'The institution’s subscriptions, never their secrets (administrators)', tags: ['webhooks'], answers: { 200: WebhookSubscriptionPageSchema } }), queryParams(ListQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    await authorizeTenant(c);
    const { limit, cursor } = c.req.valid('query');
    const rows = await listSubscriptions(db, actor.tenantId, { limit: limit + 1, after: decodeCursor(cursor) });
    return c.json(page(rows, limit, (kept) => kept.map(subscriptionView)), 200);
  })
  /** Puts a failed (or waiting) message back in the queue, due now. */
  .post('/deliveries/:id/retry', describeRoute({ operationId: 'retryWebhookDelivery', summary: 'Send a failed or waiting message again, now', tags: ['webhooks'], answers: { 200: WebhookDeliverySchema }, problems: [409] }), pathParams(v.object({ id: WebhookMessageIdSchema })), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    const row = await withTransaction({ db }, async (tx) => {
      const delivery = await findDelivery(tx, actor.tenantId, c.req.valid('param').id);
      if (!delivery) throw notFound('webhook.delivery.notFound');
      const subscription = await loadSubscription(c, tx, delivery.subscriptionId);
      if (delivery.status === 'delivered') throw new ProblemError('conflict', 'webhook.delivery.delivered', {}, { members: { currentStatus: delivery.status } });
      await requeueDelivery(tx, actor.tenantId, delivery.id, who.at);
      await writeAudit(tx, who, { action: 'webhook.retry', objectType: 'webhook_delivery', objectId: delivery.id, entityIds: [subscription.entityId], detail: { subscriptionId: subscription.id, from: delivery.status } });
      return (await findDelivery(tx, actor.tenantId, delivery.id))!;
    });
    announceDeliveriesQueued();
    return c.json(deliveryView(row, (await attemptsOf(db, [row.id])).get(row.id) ?? []), 200);
  })
  .get('/:id', describeRoute({ operationId: 'getWebhook', summary: 'One subscription', tags: ['webhooks'], answers: { 200: WebhookSubscriptionSchema }, etag: true }), idParam, async (c) => {
    const row = await loadSubscription(c, c.var.deps.db, c.req.valid('param').id);
    c.header('etag', etagOf(row));
    return c.json(subscriptionView(row), 200);
  })
  /** Changes the URL, events, entity, description or enabled state (`If-Match`). */
  .patch('/:id', describeRoute({ operationId: 'updateWebhook', summary: 'Change a subscription’s URL, events, entity, description or enabled state', tags: ['webhooks'], answers: { 200: WebhookSubscriptionSchema }, ifMatch: true, etag: true }), idParam, jsonBody(WebhookPatchSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const patch = c.req.valid('json');
    const ifMatch = c.req.header('if-match')?.trim();
    const who = auditOrigin(c);
    if (patch.url !== undefined) {
      // The host is resolved before the transaction (which cannot wait), by someone allowed to manage this subscription.
      await loadSubscription(c, db, c.req.valid('param').id);
      await checkUrl(c.var.deps, patch.url);
    }
    const row = await withTransaction({ db }, async (tx) => {
      const current = await loadSubscription(c, tx, c.req.valid('param').id);
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
    c.header('etag', etagOf(row));
    return c.json(subscriptionView(row), 200);
  })
  /** Deletes the subscription and its delivery history; nothing more is sent. */
  .delete('/:id', describeRoute({ operationId: 'deleteWebhook', summary: 'Delete a subscription and its delivery history', tags: ['webhooks'], answers: { 204: null } }), idParam, async (c) => {
    const { db } = c.var.deps;
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const current = await loadSubscription(c, tx, c.req.valid('param').id);
      await deleteSubscription(tx, current.tenantId, current.id);
      await writeAudit(tx, who, { action: 'webhook.delete', objectType: 'webhook_subscription', objectId: current.id, entityIds: [current.entityId], detail: { url: current.url } });
    });
    return c.body(null, 204);
  })
  /**
   * A new signing secret, answered once. The previous one keeps signing
   * beside it for 24 hours (two signatures per delivery), so receivers can
   * switch without rejecting a message; it is never answered.
   */
  .post('/:id/rotate-secret', describeRoute({ operationId: 'rotateWebhookSecret', summary: 'A new signing secret, answered once; the old one signs beside it for 24 hours', tags: ['webhooks'], answers: { 200: WebhookSubscriptionWithSecretSchema }, etag: true }), idParam, async (c) => {
    const { db } = c.var.deps;
    const who = auditOrigin(c);
    const row = await withTransaction({ db }, async (tx) => {
      const current = await loadSubscription(c, tx, c.req.valid('param').id);
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
    c.header('etag', etagOf(row));
    return c.json({ ...subscriptionView(row), secret: row.secret }, 200);
  })
  /** The subscription's messages, newest first, each with its attempts. */
  .get('/:id/deliveries', describeRoute({ operationId: 'listWebhookDeliveries', summary: 'A subscription’s messages, newest first, each with its attempts', tags: ['webhooks'], answers: { 200: WebhookDeliveryPageSchema } }), idParam, queryParams(WebhookDeliveryListQuerySchema), async (c) => {
    const { db } = c.var.deps;
    const subscription = await loadSubscription(c, db, c.req.valid('param').id);
    const { limit, cursor, status } = c.req.valid('query');
    const rows = await listDeliveriesOf(db, subscription.tenantId, subscription.id, { limit: limit + 1, status, after: decodeCursor(cursor) });
    const attempts = await attemptsOf(db, rows.slice(0, limit).map((r) => r.id));
    return c.json(
      page(rows, limit, (kept) => kept.map((r) => deliveryView(r, attempts.get(r.id) ?? []))),
      200,
    );
  });
