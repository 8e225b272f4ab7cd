/**
 * What an actor could do somewhere in their tenant, for `GET /v1/me`, so the
 * elements can show or hide whole features (a "Moderate" tab, the
 * apprenticeship-tax option) before any particular object is loaded.
 *
 * Computed by asking `can` about the resources the actor's own memberships
 * make relevant, so it can never disagree with `decide`.
 */
import { can } from './policy.ts';
import { memberEntityIds, representedCompanyIds } from './scope.ts';
import { actions, type Actor, type AnnouncedAction, type Resource } from './types.ts';

/** A placeholder id for "some other company / entity of the tenant". */
const SOME = '\u0000some';

function candidates(actor: Actor): Resource[] {
  const tenantId = actor.tenantId;
  const entities = [...memberEntityIds(actor), SOME];
  const companies = [...representedCompanyIds(actor), SOME];
  const list: Resource[] = [
    { kind: 'person', tenantId, personId: actor.personId, entityIds: memberEntityIds(actor) },
    { kind: 'company', tenantId },
    { kind: 'audit', tenantId, entityIds: [] },
    { kind: 'records', tenantId, entityIds: [] },
  ];
  for (const companyId of companies) {
    list.push({ kind: 'company', tenantId, companyId });
    for (const entityId of entities) {
      list.push({ kind: 'offer', tenantId, authorId: actor.personId, companyId, targetEntityIds: [entityId], status: 'draft' });
      list.push({ kind: 'pledge', tenantId, authorId: actor.personId, companyId, entityId });
    }
  }
  for (const entityId of entities) {
    list.push({ kind: 'pledge', tenantId, authorId: actor.personId, entityId });
    list.push({ kind: 'audit', tenantId, entityIds: [entityId] });
    list.push({ kind: 'webhook', tenantId, entityId });
    list.push({ kind: 'records', tenantId, entityIds: [entityId] });
  }
  return list;
}

/** For each announced action, whether the actor could do it on some resource of their tenant. */
export function allowedActions(actor: Actor): Record<AnnouncedAction, boolean> {
  const resources = candidates(actor);
  const result = {} as Record<AnnouncedAction, boolean>;
  for (const action of actions) result[action] = resources.some((r) => can(actor, action, r));
  return result;
}
