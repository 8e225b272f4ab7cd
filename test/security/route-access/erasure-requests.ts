/** Erasure requests, processed by staff and administrators. Who may call each route: see ../route-access.ts. */
import { allowedBy, type Sample } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

/** Erasure samples are asked by a recruiter with no entity. */
const recruiter: Sample = { kind: 'person', personId: 'recruiter', entityIds: [] };

export const erasureRequestsRoutes: RouteRules = {
  'GET /v1/erasure-requests': { access: 'signed-in', rule: 'filtered to the requests the caller may process: an empty list for others' },
  'GET /v1/erasure-requests/:id': {
    access: allowedBy(['erasure.process', recruiter]),
    rule: 'staff of the person’s entities and admins (sample: a recruiter with no entity: admins only)',
    sample: async (f) => ({ path: `/v1/erasure-requests/${await f.shared('erasure', f.make.erasureRequest)}` }),
  },
  'POST /v1/erasure-requests/:id/process': {
    access: allowedBy(['erasure.process', recruiter]),
    rule: 'staff of the person’s entities and admins (sample: a recruiter with no entity: admins only)',
    sample: async (f) => ({ path: `/v1/erasure-requests/${await f.shared('erasure-process', f.make.erasureRequest)}/process` }),
  },
};
