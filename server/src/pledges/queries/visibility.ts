/**
 * The schema's `pledgeScope` (the rules `pledge.read` and `pledge.readAmount`)
 * as SQL conditions, so that lists, totals and exports never load what the
 * caller may not read.
 */
import { and, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import { pledgeScope, type Actor } from '@passerelle/schema';
import { pledges } from '../../db/tables/index.ts';

function scoped(actor: Actor, reach: 'read' | 'readAmount'): SQL {
  const tenant = eq(pledges.tenantId, actor.tenantId);
  const scope = pledgeScope(actor, reach);
  if (scope.all) return tenant;
  const anyOf: SQL[] = [eq(pledges.authorId, scope.authorId)];
  if (scope.companyIds.length) anyOf.push(inArray(pledges.companyId, [...scope.companyIds]));
  if (scope.entityIds.length) anyOf.push(inArray(pledges.entityId, [...scope.entityIds]));
  if (scope.anyCompanyPledge) anyOf.push(isNotNull(pledges.companyId));
  return and(tenant, or(...anyOf)) as SQL;
}

/** SQL: the pledges the actor may see (amount or not): `pledge.read`. */
export const visiblePledges = (actor: Actor): SQL => scoped(actor, 'read');

/** SQL: the pledges whose amount the actor may read: `pledge.readAmount`. */
export const amountReadablePledges = (actor: Actor): SQL => scoped(actor, 'readAmount');
