/**
 * `POST /v1/pledges/payment-callback?tenant=<slug>`: no session, a signature
 * (payment-callback.ts). Mounted before the pledge routes, which ask for a
 * session: the body is read as sent, since the signature covers its bytes,
 * and is validated only once the signature holds.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { PaymentCallbackResultSchema, PaymentCallbackSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { describeRoute } from '../http/describe.ts';
import { describedSchemas } from '../http/validate.ts';
import { paymentCallback } from './payment-callback.ts';

/** Describes the body for the API's description only: it is checked after the signature, by the use case. */
const describesBody: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};
describedSchemas.set(describesBody, { target: 'json', schema: PaymentCallbackSchema });

export const paymentCallbackRoutes = new Hono<AppEnv>().post(
  '/',
  describeRoute({
    operationId: 'paymentCallback',
    summary: 'The institution’s payment page says a gift was paid (signed as webhooks are)',
    description:
      'Query `tenant`: the institution’s slug. Headers `webhook-id`, `webhook-timestamp` (Unix seconds, within 5 minutes of the server’s clock) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the institution’s secret). The gift is marked received with the amount and day paid; a gift already received is answered again with `alreadyReceived: true`, unchanged.',
    tags: ['pledges'],
    answers: { 200: PaymentCallbackResultSchema },
    public: true,
    problems: [401, 404, 409],
  }),
  describesBody,
  async (c) => {
    const header = (name: string) => c.req.header(name);
    const result = await paymentCallback(c.get('deps'), {
      tenantSlug: c.req.query('tenant'),
      request: { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body: await c.req.text() },
    });
    return c.json(result, 200);
  },
);
