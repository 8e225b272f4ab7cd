import type { Resource } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findPersonId, personEntityIds } from './queries/people.ts';
import { notFound } from '../http/problem.ts';

/** A person of the tenant as a policy resource (their entities scope staff), or 404. */
export async function personResource(db: DbOrTx, tenantId: string, personId: string): Promise<Extract<Resource, { kind: 'person' }>> {
  const person = await findPersonId(db, tenantId, personId);
  if (!person) throw notFound('person.notFound');
  return { kind: 'person', tenantId, personId, entityIds: await personEntityIds(db, tenantId, personId) };
}
