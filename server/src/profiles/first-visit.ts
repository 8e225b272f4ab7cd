/** One's own profile, made on the first visit from what the person record knows. */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import type { ProfileRow } from './document.ts';
import { flagDuplicates, initialFields, insertProfile } from './store.ts';
import { findProfile } from './queries/profiles.ts';
import { entityIdsOf, findPerson } from './queries/people.ts';

/** The caller's profile; on the first visit, creates it (audited, possible duplicates flagged) in one transaction. */
export async function ownProfile(deps: Pick<Deps, 'db'>, call: Call): Promise<ProfileRow> {
  const { db } = deps;
  const { actor, who } = call;
  // Read outside a transaction first: it exists on every visit but the first, and a read needs none.
  return (await findProfile(db, actor.tenantId, actor.personId)) ?? await withTransaction({ db }, async (tx) => {
    const found = await findProfile(tx, actor.tenantId, actor.personId);
    if (found) return found;
    const person = await findPerson(tx, actor.tenantId, actor.personId);
    if (!person) throw notFound('person.notFound');
    const created = await insertProfile(tx, { tenantId: actor.tenantId, personId: actor.personId, fields: initialFields(person), at: who.at, by: actor.personId });
    const entityIds = (await entityIdsOf(tx, actor.tenantId, [actor.personId])).get(actor.personId) ?? [];
    await writeAudit(tx, who, { action: 'profile.create', objectType: 'profile', objectId: created.personId, subjectId: created.personId, entityIds, detail: { fields: [] } });
    await flagDuplicates(tx, created, who.at);
    return created;
  });
}
