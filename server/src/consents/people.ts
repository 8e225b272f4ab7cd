import type { Actor, Resource } from '@passerelle/schema';
import type { ParamsOf } from '@passerelle/schema/messages';
import type { DbOrTx } from '../db/open.ts';
import { findPersonId, personEntityIds } from '../db/consents/people.ts';
import { notFound } from '../http/problem.ts';
import { requireRole } from '../auth/authorize.ts';

/** A person of the tenant as a policy resource (their entities scope staff), or 404. */
export function personResource(db: DbOrTx, tenantId: string, personId: string): Extract<Resource, { kind: 'person' }> {
  const person = findPersonId(db, tenantId, personId);
  if (!person) throw notFound('person.notFound');
  return { kind: 'person', tenantId, personId, entityIds: personEntityIds(db, tenantId, personId) };
}

/**
 * Purposes and the CRM export are the administrators' (an admin membership
 * covers the whole tenant); the policy table has no row for them, so the
 * check lives here, with its sentence.
 */
export function requireAdmin(actor: Actor, task: ParamsOf<'policy.adminOnly'>['task']): void {
  requireRole(actor, (a) => a.memberships.some((m) => m.role === 'admin'), { code: 'policy.adminOnly', params: { task } });
}
