/**
 * Staff anonymise a person the retention rule lists: the erasure of
 * `rights/` (profile deleted, pledges anonymised with the tax data kept,
 * consents withdrawn, identity removed), recorded as an erasure request made
 * on the person's behalf and processed at once. Who may: the erasure's own
 * rule (`erasure.process`: staff of one of the person's entities, an
 * administrator, never oneself). Whether the person is still inactive is
 * checked again in the same transaction.
 */
import { entityScope, type RetentionAnonymised } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { eraseWithoutRequest } from '../rights/erasure-process.ts';
import { retentionRule } from './rule.ts';
import { whyNotListed } from './queries/inactive.ts';

export async function anonymiseInactivePerson(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { personId: string; origin: string | null }): Promise<RetentionAnonymised> {
  const { db, clock } = deps;
  const { actor, who } = call;
  const now = clock.now();
  return withTransaction({ db }, async (tx) => {
    const person = await personResource(tx, actor.tenantId, input.personId);
    authorize(actor, 'erasure.process', person);
    const rule = await retentionRule(tx, actor.tenantId, now);
    const since = `${rule.inactiveSince}T00:00:00.000Z`;
    const why = await whyNotListed(tx, { tenantId: actor.tenantId, since, scope: entityScope(actor) }, input.personId);
    if (why && 'excluded' in why) throw new ProblemError('conflict', 'retention.excluded', { reason: why.excluded });
    if (why) throw new ProblemError('conflict', 'retention.active', { since: why.at.slice(0, 10) });
    const request = await eraseWithoutRequest(tx, call, {
      personId: input.personId,
      note: `retention: no activity since ${rule.inactiveSince} (${rule.inactiveYears} years)`,
      origin: input.origin,
      now,
      entityIds: person.entityIds,
      detail: { reason: 'retention', rule: { inactiveYears: rule.inactiveYears, source: rule.source, inactiveSince: rule.inactiveSince } },
    });
    return { personId: input.personId, erasureRequestId: request.id, anonymisedAt: who.at, outcome: request.outcome };
  });
}
