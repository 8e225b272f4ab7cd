/** The audit log. Who may call each route: see ../route-access.ts. */
import { allowedBy } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

export const auditRoutes: RouteRules = {
  // The audit log (policy `audit.read`): staff read the entries of the entities they cover, administrators the whole institution's.
  'GET /v1/audit': { access: allowedBy(['audit.read', { kind: 'audit', entityIds: 'covered' }]), rule: 'the audit log: staff (their entities) and admin' },
};
