/** A profile as the policy sees it, loaded for a caller, and rendered for an audience: what the routes and the update share. */
import type { Actor, ProfileAudience } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { notFound } from '../http/problem.ts';
import { viewFor, type ProfileRow } from './document.ts';
import { findProfileWithEntityIds } from './queries/profiles.ts';
import { keptEntityNames } from './queries/people.ts';
import { reviewFlagsOf } from './queries/duplicates.ts';

export const personResource = (actor: Actor, personId: string, entityIds: string[]) => ({ kind: 'person' as const, tenantId: actor.tenantId, personId, entityIds });

/** The document `audience` reads, with what it needs from other tables. */
export async function render(db: DbOrTx, row: ProfileRow, audience: ProfileAudience, now: Date) {
  return viewFor(row, audience, {
    now,
    entityNames: await keptEntityNames(db, row.tenantId, [row.educationEntityId]),
    reviewFlags: audience === 'staff' ? (await reviewFlagsOf(db, row.tenantId, [row.personId])).get(row.personId) : undefined,
  });
}

/** Loads a profile of the caller's tenant with its owner's entities, or 404. */
export async function loadProfile(db: DbOrTx, actor: Actor, personId: string) {
  const found = await findProfileWithEntityIds(db, actor.tenantId, personId);
  if (!found) throw notFound('profile.notFound');
  return found;
}
