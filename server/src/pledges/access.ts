/**
 * A pledge as the policy sees it, and the two questions routes ask most
 * (`pledge.readAmount`, `pledge.receive`). Which pledges a list reaches is
 * the schema's `pledgeScope`, turned into SQL by
 * `server/src/pledges/queries/visibility.ts`.
 */
import { can, type Actor, type Resource } from '@passerelle/schema';

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

/** Author, the pledging company's representatives, staff of the beneficiary, admins. */
export const canReadAmount = (actor: Actor, row: PledgeOwnership) => can(actor, 'pledge.readAmount', pledgeResource(row));

/** Staff of the beneficiary entity (or above it) and admins: those who receive the money. */
export const managesBeneficiary = (actor: Actor, entityId: string) => can(actor, 'pledge.receive', { kind: 'pledge', tenantId: actor.tenantId, entityId });
