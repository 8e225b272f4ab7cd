/** CRM/ERP exports. Who may call each route: see ../route-access.ts. */
import { allowedBy, covered } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

const EXPORTERS = allowedBy(['records.export', covered]);

export const exportsRoutes: RouteRules = {
  // CRM/ERP exports (policy `records.export`): staff for the entities they cover, administrators for all.
  'GET /v1/exports/people': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/offers': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/pledges': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/receipts': { access: allowedBy(['receipt.list', covered]), rule: 'tax receipts export: staff (their entities) and admin' },
};
