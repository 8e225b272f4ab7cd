/**
 * Who may call each route, from the role table (docs/architecture.md). Every route of the
 * router must be declared here (the matrix test fails on an undeclared one):
 * a new route cannot ship without someone writing down its policy.
 *
 * `access` is `public` (no session), `signed-in` (any person of the tenant,
 * including a recruiter with no membership yet), or the roles allowed for the
 * sample object the route is called on (`sample`), as the role policy of
 * packages/schema answers for that object (`allowedBy`, policy-access.ts). Roles: student (Inès),
 * alumnus (Claire), company_rep (Marc, Acme), staff (Sophie, École
 * d'ingénieurs), staff_elsewhere (Julien, École de management), admin
 * (Nadia), dpo (Camille, the data protection officer), no_membership (a recruiter signed in by email).
 *
 * Each resource declares its routes in route-access/<resource>.ts (what an entry
 * declares: route-access/rule.ts); they are put together here. A new resource
 * gets a file of its own, spread below.
 */
import type { Caller } from './harness.ts';
import { auditRoutes } from './route-access/audit.ts';
import { authRoutes } from './route-access/auth.ts';
import { companiesRoutes } from './route-access/companies.ts';
import { consentsRoutes } from './route-access/consents.ts';
import { erasureRequestsRoutes } from './route-access/erasure-requests.ts';
import { exportsRoutes } from './route-access/exports.ts';
import { mailRoutes } from './route-access/mail.ts';
import { meRoutes } from './route-access/me.ts';
import { offersRoutes } from './route-access/offers.ts';
import { pledgesRoutes } from './route-access/pledges.ts';
import { profilesRoutes } from './route-access/profiles.ts';
import { purposesRoutes } from './route-access/purposes.ts';
import { receiptsRoutes } from './route-access/receipts.ts';
import { retentionRoutes } from './route-access/retention.ts';
import { serviceRoutes } from './route-access/service.ts';
import { solicitationsRoutes } from './route-access/solicitations.ts';
import { webhooksRoutes } from './route-access/webhooks.ts';
import type { RouteRule, RouteRules } from './route-access/rule.ts';

export type { Req, RouteRule } from './route-access/rule.ts';

export const routeAccess: RouteRules = {
  ...serviceRoutes,
  ...authRoutes,
  ...meRoutes,
  ...consentsRoutes,
  ...solicitationsRoutes,
  ...retentionRoutes,
  ...mailRoutes,
  ...purposesRoutes,
  ...erasureRequestsRoutes,
  ...companiesRoutes,
  ...offersRoutes,
  ...profilesRoutes,
  ...pledgesRoutes,
  ...exportsRoutes,
  ...receiptsRoutes,
  ...webhooksRoutes,
  ...auditRoutes,
};

/** Paths nobody should find: each is 404 problem+json for everyone. */
export const guessedPaths = [
  '/admin',
  '/internal',
  '/export',
  '/v1/admin',
  '/v1/internal',
  '/v1/export',
  '/v1/dev/outbox',
  '/v1/debug',
  '/v1/users',
  '/v1/tenants',
  '/v1/sessions',
  '/v1/audit/raw',
  '/.env',
  '/.git/config',
  '/v1/../etc/passwd',
  '/v1/%2e%2e/%2e%2e/etc/passwd',
  '/server/src/app.ts',
  '/package.json',
  '/data/passerelle.db',
  '/v2/me',
];

/** Who makes an allowed call in the mass-assignment and fuzzing runs: an administrator when allowed, else the first allowed role. */
export function callerFor(rule: RouteRule): Caller {
  if (rule.access === 'public') return 'anonymous';
  if (rule.access === 'signed-in') return 'student';
  return rule.access.includes('admin') ? 'admin' : rule.access[0]!;
}
