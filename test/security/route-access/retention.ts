/** Retention: the people inactive for the institution's years, their anonymisation, the rule. Who may call each route: see ../route-access.ts. */
import { allowedBy, covered, wholeTenant } from '../policy-access.ts';
import { ines, type RouteRules } from './rule.ts';

export const retentionRoutes: RouteRules = {
  'GET /v1/retention/inactive': {
    access: allowedBy(['retention.review', covered]),
    rule: 'the inactive people of the entities one looks after: staff (their entities) and admins',
  },
  'GET /v1/retention/rule': { access: allowedBy(['retention.review', covered]), rule: 'the retention rule in force: staff and admins' },
  'PUT /v1/retention/rule': {
    access: allowedBy(['retention.setRule', wholeTenant]),
    rule: 'the retention rule’s number of years: admins',
    sample: () => ({ path: '/v1/retention/rule', body: { inactiveYears: 3 } }),
  },
  'POST /v1/retention/people/:personId/anonymise': {
    // The erasure's own rule. Inès is active (the demo is recent): an allowed caller is answered 409, never 401 or 403.
    access: allowedBy(['erasure.process', ines]),
    rule: 'anonymise a person the retention rule lists: staff of their entities and admins, never oneself (sample: Inès)',
    sample: (f) => ({ path: `/v1/retention/people/${f.demo.people['student-ines']}/anonymise` }),
  },
};
