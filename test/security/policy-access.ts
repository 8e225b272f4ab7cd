/**
 * The route × role expectations of route-access.ts, derived from the role
 * policy itself (`can` of packages/schema): each role of the harness as the
 * demo seed makes it (server/src/seed/demo.ts), asked about the sample object
 * a route is called on. A rule changed in the policy changes the expectation
 * here too, so the server and the suite cannot drift apart.
 */
import { can, type Action, type Actor, type Membership, type Resource } from '../../packages/schema/src/index.ts';
import { roleNames, type RoleName } from './harness.ts';

const tenantId = 'demo';

/** The demo tenant's entity tree: the university and, below it, its schools, foundation and alumni association. */
const entityParents = { university: null, engineering: 'university', management: 'university', foundation: 'university', alumni: 'university' } as const;
export type DemoEntity = keyof typeof entityParents;

/** Each role's memberships, as the demo seed grants them. */
const memberships: Record<RoleName, readonly Membership[]> = {
  student: [{ role: 'student', entityId: 'engineering' }],
  alumnus: [
    { role: 'alumnus', entityId: 'management' },
    { role: 'alumnus', entityId: 'alumni' },
  ],
  company_rep: [{ role: 'company_rep', companyId: 'acme' }],
  staff: [{ role: 'staff', entityId: 'engineering' }],
  staff_elsewhere: [{ role: 'staff', entityId: 'management' }],
  admin: [{ role: 'admin', entityId: 'university' }],
  dpo: [{ role: 'dpo', entityId: 'university' }],
  no_membership: [],
};

const actorOf = (role: RoleName): Actor => ({ personId: role, tenantId, memberships: memberships[role], entityParents });

type WithoutTenant<R> = R extends unknown ? Omit<R, 'tenantId'> : never;
/** A sample object of the demo tenant; people are named by the role they sign in as. */
export type Sample = WithoutTenant<Resource>;

/** The roles the policy lets do every one of these actions on the sample. */
export function allowedBy(...checks: readonly [Action, Sample][]): RoleName[] {
  return roleNames.filter((role) => checks.every(([action, sample]) => can(actorOf(role), action, { ...sample, tenantId } as Resource)));
}

/** The entities a person of the demo belongs to. */
export const entitiesOf = (role: RoleName): string[] => memberships[role].flatMap((m) => ('entityId' in m ? [m.entityId] : []));

/** The records of the entities the caller looks after (lists, queues, totals, exports). */
export const covered: Sample = { kind: 'records', entityIds: 'covered' };
/** The whole tenant's records. */
export const wholeTenant: Sample = { kind: 'records', entityIds: [] };
