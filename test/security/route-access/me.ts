/** One’s own identity, data export and erasure requests. Who may call each route: see ../route-access.ts. */
import { randomUUID } from 'node:crypto';
import type { RouteRules } from './rule.ts';

export const meRoutes: RouteRules = {
  'GET /v1/me': { access: 'signed-in', rule: 'read own identity and roles' },
  'GET /v1/me/export': { access: 'signed-in', rule: 'export own data (recent sign-in)' },
  'GET /v1/me/addresses': { access: 'signed-in', rule: 'one’s own personal addresses' },
  'POST /v1/me/addresses': { access: 'signed-in', rule: 'add a personal address (a code is mailed to it)', sample: () => ({ path: '/v1/me/addresses', body: { email: `perso-${randomUUID()}@example.org` } }) },
  'POST /v1/me/addresses/verify': {
    access: 'signed-in',
    rule: 'verify one’s personal address with its code',
    sample: async (f, caller) => {
      const { email, code } = await f.personalAddress(caller);
      return { path: '/v1/me/addresses/verify', body: { email, code } };
    },
  },
  'DELETE /v1/me/addresses/:id': { access: 'signed-in', rule: 'remove one of one’s personal addresses', sample: async (f, caller) => ({ path: `/v1/me/addresses/${(await f.personalAddress(caller, true)).id}` }) },
  'GET /v1/me/erasure': { access: 'signed-in', rule: 'own erasure requests' },
  'POST /v1/me/erasure': { access: 'signed-in', rule: 'ask for one’s own erasure', last: true, sample: (f) => ({ path: '/v1/me/erasure', body: f.bodies.erasure() }) },
};
