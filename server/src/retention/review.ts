/**
 * Staff review the people of their entities who showed no sign of life for
 * the institution's number of years (`rule.ts`), page by page, with the rule
 * that listed them; administrators see the whole institution and set the
 * number of years.
 */
import { entityScope, type RetentionPage, type RetentionRule } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { retentionRule, storeRetentionYears } from './rule.ts';
import { entityMembershipsOf, inactivePeople } from './queries/inactive.ts';

const CURSOR = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The rule in force: staff and administrators read it (with the list, or alone). */
export async function readRetentionRule(deps: Pick<Deps, 'db' | 'clock'>, call: Call): Promise<RetentionRule> {
  const { actor } = call;
  authorize(actor, 'retention.review', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  return retentionRule(deps.db, actor.tenantId, deps.clock.now());
}

/** A page of the inactive people of the caller's entities (an administrator's: everyone's), in a stable order, and the rule. */
export async function listInactivePeople(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { limit: number; cursor?: string | undefined }): Promise<RetentionPage> {
  const { db, clock } = deps;
  const { actor } = call;
  authorize(actor, 'retention.review', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
  const rule = await retentionRule(db, actor.tenantId, clock.now());
  const criteria = { tenantId: actor.tenantId, since: `${rule.inactiveSince}T00:00:00.000Z`, scope: entityScope(actor) };
  const rows = await inactivePeople(db, criteria, { limit: input.limit, after: input.cursor });
  const page = rows.slice(0, input.limit);
  const held = await entityMembershipsOf(db, actor.tenantId, page.map((r) => r.personId));
  return {
    items: page.map((r) => ({
      ...r,
      memberships: held.filter((m) => m.personId === r.personId).map(({ entityId, entityName, role }) => ({ entityId, entityName, role })),
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.personId : null,
    rule,
  };
}

/** Sets the number of years (`null`: the default again): administrators; audited when it changes. */
export async function setRetentionRule(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { inactiveYears: number | null }): Promise<RetentionRule> {
  const { actor, who } = call;
  authorize(actor, 'retention.setRule', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  return (await storeRetentionYears(deps.db, who, input.inactiveYears, deps.clock.now())).after;
}
