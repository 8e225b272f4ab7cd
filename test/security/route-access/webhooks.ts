/** Webhook subscriptions and deliveries. Who may call each route: see ../route-access.ts. */
import { allowedBy } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

const WEBHOOK_MANAGERS = allowedBy(['webhook.manage', { kind: 'webhook', entityId: 'university' }]);

export const webhooksRoutes: RouteRules = {
  // Webhooks send data out of Passerelle: administrators only (policy `webhook.manage`).
  'POST /v1/webhooks': { access: WEBHOOK_MANAGERS, rule: 'subscribe a URL: administrators', sample: (f) => ({ path: '/v1/webhooks', body: f.bodies.webhook() }) },
  'GET /v1/webhooks': { access: WEBHOOK_MANAGERS, rule: 'administrators' },
  'POST /v1/webhooks/deliveries/:id/retry': {
    access: WEBHOOK_MANAGERS,
    rule: 'administrators',
    sample: async (f) => ({ path: `/v1/webhooks/deliveries/${await f.shared('delivery', f.make.delivery)}/retry` }),
  },
  'GET /v1/webhooks/:id': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}` }) },
  'PATCH /v1/webhooks/:id': {
    access: WEBHOOK_MANAGERS,
    rule: 'administrators (If-Match)',
    sample: async (f) => {
      const path = `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}`;
      return { path, body: f.bodies.webhookPatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
  'DELETE /v1/webhooks/:id': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook-delete', f.make.webhook)}` }) },
  'POST /v1/webhooks/:id/rotate-secret': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}/rotate-secret` }) },
  'GET /v1/webhooks/:id/deliveries': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}/deliveries` }) },
};
