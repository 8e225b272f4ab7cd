/** Consent purposes and the consent defaults. Who may call each route: see ../route-access.ts. */
import { allowedBy, wholeTenant } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

export const purposesRoutes: RouteRules = {
  'GET /v1/purposes': { access: 'signed-in', rule: 'the texts the consent centre shows' },
  'POST /v1/purposes': { access: allowedBy(['purpose.manage', wholeTenant]), rule: 'purposes are managed by administrators', sample: (f) => ({ path: '/v1/purposes', body: f.bodies.purpose() }) },
  'GET /v1/purposes/settings': { access: 'signed-in', rule: 'the institution’s default cap, shown to everyone' },
  'PUT /v1/purposes/settings': { access: allowedBy(['consent.setDefaults', wholeTenant]), rule: 'administrators', sample: (f) => ({ path: '/v1/purposes/settings', body: f.bodies.settings() }) },
  'GET /v1/purposes/:id': { access: 'signed-in', rule: 'the texts the consent centre shows', sample: async (f) => ({ path: `/v1/purposes/${await f.shared('purpose', f.make.purpose)}` }) },
  'GET /v1/purposes/:id/versions': { access: 'signed-in', rule: 'the texts people agreed to', sample: async (f) => ({ path: `/v1/purposes/${await f.shared('purpose', f.make.purpose)}/versions` }) },
  'PATCH /v1/purposes/:id': {
    access: allowedBy(['purpose.manage', wholeTenant]),
    rule: 'administrators (If-Match)',
    sample: async (f) => {
      const path = `/v1/purposes/${await f.shared('purpose', f.make.purpose)}`;
      return { path, body: f.bodies.purposePatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
};
