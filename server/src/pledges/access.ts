/**
 * Who sees a pledge, and who sees its amount. The amount rule is the shared
 * policy (`pledge.readAmount`); `server/src/db/pledges/visibility.ts` turns
 * it into SQL conditions so that lists, totals and exports never load what
 * the caller may not read.
 */
import type { Message } from '@passerelle/schema/messages';
import { can, staffCovers, type Actor, type Resource } from '@passerelle/schema';
import { isAdmin, isStaff } from '../auth/roles.ts';

export interface PledgeOwnership {
  tenantId: string;
  authorId: string;
  companyId: string | null;
  entityId: string;
}

export const pledgeResource = (row: PledgeOwnership): Extract<Resource, { kind: 'pledge' }> => ({
  kind: 'pledge',
  tenantId: row.tenantId,
  authorId: row.authorId,
  ...(row.companyId ? { companyId: row.companyId } : {}),
  entityId: row.entityId,
});

export const representedCompanies = (actor: Actor) => actor.memberships.flatMap((m) => (m.role === 'company_rep' ? [m.companyId] : []));

/** Author, the pledging company's representatives, staff of the beneficiary, admins. */
export const canReadAmount = (actor: Actor, row: PledgeOwnership) => can(actor, 'pledge.readAmount', pledgeResource(row));

/** Staff of the beneficiary entity (or above it) and admins: those who receive the money. */
export const managesBeneficiary = (actor: Actor, entityId: string) => can(actor, 'pledge.readAmount', { kind: 'pledge', tenantId: actor.tenantId, entityId });

/**
 * Whether the actor may know the pledge exists: those who read its amount,
 * and — without the amount — any staff of the tenant for a company's pledge,
 * so that schools do not solicit a company that already pledged elsewhere.
 * An individual's gift to another entity stays invisible to them.
 */
export const canSeePledge = (actor: Actor, row: PledgeOwnership) =>
  row.tenantId === actor.tenantId && (canReadAmount(actor, row) || (isStaff(actor) && row.companyId !== null));

/** Why sorting or filtering by amount is refused, or null when every visible pledge's amount is readable. */
export function amountQueryRefusal(actor: Actor, entityFilter: string | undefined): Message | null {
  if (isAdmin(actor) || !isStaff(actor)) return null;
  if (entityFilter && staffCovers(actor, entityFilter)) return null;
  return { code: 'policy.pledgeAmountQuery', params: {} };
}
