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
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook, webhookLocation } from './subscriptions.ts';
import { listWebhookDeliveries, listWebhooks, readWebhook } from './reads.ts';
import { retryDelivery } from './retry.ts';
import type { SubscriptionAnswer, SubscriptionWithSecretAnswer } from './view.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

/**
 * Webhook subscriptions (administrators): the institution's CRM or ERP
 * subscribes a URL to events, signed with a secret shown once, and reads
 * each delivery with its attempts.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Subscribes a URL; answers the secret once. */
  .post('/', describeRoute({ operationId: 'createWebhook', summary: 'Subscribe a URL to events; the signing secret is answered this once (administrators)', tags: ['webhooks'], answers: { 201: WebhookSubscriptionWithSecretSchema }, location: true, etag: true }), jsonBody(WebhookCreateSchema), async (c) => {
    const created = await createWebhook(c.get('deps'), callOf(c), c.req.valid('json'));
    c.header('location', webhookLocation(created.subscription.id));
    return answer(c, created, 201);
  })
  .get('/', describeRoute({ operationId: 'listWebhooks', summary: 'The institution’s subscriptions, never their secrets (administrators)', tags: ['webhooks'], answers: { 200: WebhookSubscriptionPageSchema } }), queryParams(ListQuerySchema), async (c) =>
    c.json(await listWebhooks(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  )
  /** Puts a failed (or waiting) message back in the queue, due now. */
  .post('/deliveries/:id/retry', describeRoute({ operationId: 'retryWebhookDelivery', summary: 'Send a failed or waiting message again, now', tags: ['webhooks'], answers: { 200: WebhookDeliverySchema }, problems: [409] }), pathParams(v.object({ id: WebhookMessageIdSchema })), async (c) =>
    c.json(await retryDelivery(c.get('deps'), callOf(c), { id: c.req.valid('param').id }), 200),
  )
  .get('/:id', describeRoute({ operationId: 'getWebhook', summary: 'One subscription', tags: ['webhooks'], answers: { 200: WebhookSubscriptionSchema }, etag: true }), idParam, async (c) =>
    answer(c, await readWebhook(c.get('deps'), callOf(c), { id: c.req.valid('param').id })),
  )
  /** Changes the URL, events, entity, description or enabled state (`If-Match`). */
  .patch('/:id', describeRoute({ operationId: 'updateWebhook', summary: 'Change a subscription’s URL, events, entity, description or enabled state', tags: ['webhooks'], answers: { 200: WebhookSubscriptionSchema }, ifMatch: true, etag: true }), idParam, jsonBody(WebhookPatchSchema), async (c) =>
    answer(c, await updateWebhook(c.get('deps'), callOf(c), { id: c.req.valid('param').id, patch: c.req.valid('json'), ifMatch: c.req.header('if-match')?.trim() })),
  )
  /** Deletes the subscription and its delivery history; nothing more is sent. */
  .delete('/:id', describeRoute({ operationId: 'deleteWebhook', summary: 'Delete a subscription and its delivery history', tags: ['webhooks'], answers: { 204: null } }), idParam, async (c) => {
    await deleteWebhook(c.get('deps'), callOf(c), { id: c.req.valid('param').id });
    return c.body(null, 204);
  })
  /**
   * A new signing secret, answered once. The previous one keeps signing
   * beside it for 24 hours (two signatures per delivery), so receivers can
   * switch without rejecting a message; it is never answered.
   */
  .post('/:id/rotate-secret', describeRoute({ operationId: 'rotateWebhookSecret', summary: 'A new signing secret, answered once; the old one signs beside it for 24 hours', tags: ['webhooks'], answers: { 200: WebhookSubscriptionWithSecretSchema }, etag: true }), idParam, async (c) =>
    answer(c, await rotateWebhookSecret(c.get('deps'), callOf(c), { id: c.req.valid('param').id })),
  )
  /** The subscription's messages, newest first, each with its attempts. */
  .get('/:id/deliveries', describeRoute({ operationId: 'listWebhookDeliveries', summary: 'A subscription’s messages, newest first, each with its attempts', tags: ['webhooks'], answers: { 200: WebhookDeliveryPageSchema } }), idParam, queryParams(WebhookDeliveryListQuerySchema), async (c) =>
    c.json(await listWebhookDeliveries(c.get('deps'), callOf(c), { id: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

/** A subscription's answer: its ETag, and the subscription (with its secret where created or rotated). */
function answer<A extends SubscriptionAnswer | SubscriptionWithSecretAnswer, S extends 200 | 201 = 200>(c: Context<AppEnv>, { subscription, etag }: A, status: S = 200 as S) {
  c.header('etag', etag);
  return c.json(subscription, status);
}
