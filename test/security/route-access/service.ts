/** The service itself: probes and the API’s own description. Who may call each route: see ../route-access.ts. */
import type { RouteRules } from './rule.ts';

export const serviceRoutes: RouteRules = {
  'GET /health': { access: 'public', rule: 'liveness probe' },
  'GET /ready': { access: 'public', rule: 'readiness probe: states only, nothing about any person' },
  'GET /v1/openapi.json': { access: 'public', rule: 'the API describes itself' },
  'GET /v1/docs': { access: 'public', rule: 'the API reference, a page drawn from the description' },
  'GET /v1/docs/redoc.standalone.js': { access: 'public', rule: 'the reference page’s script (Redoc), served by the API itself' },
};
