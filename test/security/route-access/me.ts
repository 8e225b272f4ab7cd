/** One’s own identity, data export and erasure requests. Who may call each route: see ../route-access.ts. */
import type { RouteRules } from './rule.ts';

export const meRoutes: RouteRules = {
  'GET /v1/me': { access: 'signed-in', rule: 'read own identity and roles' },
  'GET /v1/me/export': { access: 'signed-in', rule: 'export own data (recent sign-in)' },
  'GET /v1/me/erasure': { access: 'signed-in', rule: 'own erasure requests' },
  'POST /v1/me/erasure': { access: 'signed-in', rule: 'ask for one’s own erasure', last: true, sample: (f) => ({ path: '/v1/me/erasure', body: f.bodies.erasure() }) },
};
