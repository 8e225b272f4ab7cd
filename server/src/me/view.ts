import { allowedActions, withheldRoles, type Actor, type Me, type MeSession, type SignInMethod } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findInstitution } from '../tenancy/queries/institutions.ts';
import { listMembershipsWithNames } from '../tenancy/queries/memberships.ts';
import { findPersonSummary } from '../tenancy/queries/people.ts';
import { notFound } from '../http/problem.ts';

/**
 * What `GET /v1/me` answers, and the exchange with the session it opens: the
 * person, their institution, the roles this session carries, what the
 * policy lets them do, how the session was opened and which held roles it
 * withholds.
 */
export async function meOf(db: DbOrTx, actor: Actor, signInMethod: SignInMethod): Promise<Me> {
  const person = await findPersonSummary(db, actor.tenantId, actor.personId);
  if (!person) throw notFound('person.notFound');
  const tenant = await findInstitution(db, actor.tenantId);
  const session: MeSession = { signInMethod, withheldRoles: withheldRoles(actor) };
  const memberships = (await listMembershipsWithNames(db, actor.tenantId, actor.personId)).filter((m) => !session.withheldRoles.includes(m.role));
  return { person, tenant: tenant ?? null, memberships, can: allowedActions(actor), ...session };
}
