/**
 * The amount rule (`pledge.readAmount`) and the visibility rule of
 * `server/src/pledges/access.ts`, as SQL conditions, so that lists, totals
 * and exports never load what the caller may not read.
 */
import { and, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '@passerelle/schema';
import { pledges } from '../tables/index.ts';
import { coveredEntityIds, isAdmin, isStaff } from '../../auth/roles.ts';
import { representedCompanies } from '../../pledges/access.ts';

const amountReadableOr = (actor: Actor): SQL[] => {
  const conditions: SQL[] = [eq(pledges.authorId, actor.personId)];
  const companies = representedCompanies(actor);
  if (companies.length) conditions.push(inArray(pledges.companyId, companies));
  const entities = coveredEntityIds(actor);
  if (entities.length) conditions.push(inArray(pledges.entityId, entities));
  return conditions;
};

/** SQL: the pledges the actor may see (amount or not). Mirrors `canSeePledge`. */
export function visiblePledges(actor: Actor): SQL {
  const tenant = eq(pledges.tenantId, actor.tenantId);
  if (isAdmin(actor)) return tenant;
  const anyOf = amountReadableOr(actor);
  if (isStaff(actor)) anyOf.push(isNotNull(pledges.companyId));
  return and(tenant, or(...anyOf)) as SQL;
}

/** SQL: the pledges whose amount the actor may read. Mirrors `canReadAmount`. */
export function amountReadablePledges(actor: Actor): SQL {
  const tenant = eq(pledges.tenantId, actor.tenantId);
  if (isAdmin(actor)) return tenant;
  return and(tenant, or(...amountReadableOr(actor))) as SQL;
}
