/** "My data is still accurate": the owner confirms their profile. */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { withTransaction } from '../db/transaction.ts';
import type { ProfileRow } from './document.ts';
import { updateProfile } from './queries/profiles.ts';
import { loadProfile } from './view.ts';

/** Sets the caller's confirmation date and nothing else (version bumped, audited, `profile.updated` announced). */
export function confirmProfile(deps: Pick<Deps, 'db'>, call: Call): Promise<ProfileRow> {
  const { actor, who } = call;
  return withTransaction({ db: deps.db }, async (tx) => {
    const { row: current, entityIds } = await loadProfile(tx, actor, actor.personId);
    // loadProfile found it in this transaction: the update returns a row.
    const updated = (await updateProfile(tx, actor.tenantId, actor.personId, { confirmedAt: who.at, version: current.version + 1 }))!;
    await writeAudit(tx, who, { action: 'profile.confirm', objectType: 'profile', objectId: actor.personId, subjectId: actor.personId, entityIds, detail: { fields: ['confirmedAt'] } });
    await recordEvent(tx, who, { type: 'profile.updated', personId: actor.personId });
    return updated;
  });
}
