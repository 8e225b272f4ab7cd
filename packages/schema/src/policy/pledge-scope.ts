/**
 * Which pledges a list, a total or an export reaches, decided from the same
 * memberships as the rules `pledge.read` and `pledge.readAmount` of
 * policy.ts; the server turns the answer into SQL conditions.
 */
import { coveredEntityIds, isAdmin, representedCompanyIds, hasRole } from './scope.ts';
import type { Actor } from './types.ts';

export type PledgeScope =
  /** Every pledge of the tenant (an administrator). */
  | { readonly all: true }
  | {
      readonly all: false;
      /** Their own pledges. */
      readonly authorId: string;
      /** Pledges made on behalf of the companies they represent. */
      readonly companyIds: readonly string[];
      /** Pledges to the entities their staff memberships cover. */
      readonly entityIds: readonly string[];
      /** Every company's pledge, whatever its beneficiary (staff, reading without the amount). */
      readonly anyCompanyPledge: boolean;
    };

/** The pledges `actor` may know exist (`read`) or whose amount they may read (`readAmount`). */
export function pledgeScope(actor: Actor, reach: 'read' | 'readAmount'): PledgeScope {
  if (isAdmin(actor)) return { all: true };
  return {
    all: false,
    authorId: actor.personId,
    companyIds: representedCompanyIds(actor),
    entityIds: coveredEntityIds(actor),
    anyCompanyPledge: reach === 'read' && hasRole(actor, 'staff'),
  };
}
