/** Staff decide that a possible duplicate is not one. */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import type { ProfileRow } from './document.ts';
import { findDuplicateFlagOf, resolveDuplicateFlag } from './queries/duplicates.ts';
import { loadProfile, personResource } from './view.ts';

/**
 * Marks the person's open review flag resolved (audited with both profile
 * ids), so it leaves the review queue; a flag already resolved is 409.
 * Answers the person's profile.
 */
export function resolveReviewFlag(deps: Pick<Deps, 'db'>, call: Call, input: { personId: string; flagId: string }): Promise<ProfileRow> {
  const { actor, who } = call;
  const { personId, flagId } = input;
  return withTransaction({ db: deps.db }, async (tx) => {
    const { row: current, entityIds } = await loadProfile(tx, actor, personId);
    const person = personResource(actor, personId, entityIds);
    authorize(actor, 'profile.edit', person);
    authorize(actor, 'profile.resolveDuplicate', person);
    const flag = await findDuplicateFlagOf(tx, actor.tenantId, personId, flagId);
    if (!flag) throw notFound('profile.reviewFlag.notFound');
    if (flag.resolvedAt !== null || !(await resolveDuplicateFlag(tx, actor.tenantId, flag.id, who.at))) {
      throw new ProblemError('conflict', 'profile.reviewFlag.resolved', {}, { members: { resolvedAt: flag.resolvedAt } });
    }
    await writeAudit(tx, who, {
      action: 'profile.duplicate.resolve',
      objectType: 'profile_duplicate_flag',
      objectId: flag.id,
      subjectId: personId,
      entityIds,
      detail: { personId: flag.personId, otherPersonId: flag.otherPersonId, reason: flag.reason },
    });
    return current;
  });
}
