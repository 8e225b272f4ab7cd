/**
 * Changing a profile: the owner's edit and their staff's correction through
 * `PATCH /v1/profiles/:id`, and the institution's own records through the
 * people import. Both go through here, so both take the same locks, bump the
 * same version (the ETag), write the same audit entry, raise the same
 * duplicate flags and announce the same webhook event.
 */
import {
  isSchoolOwned,
  profileAudience,
  profileFieldAction,
  profileFieldKeys,
  type ProfileAudience,
  type ProfileFieldKey,
  type ProfileFields,
  type ProfilePatch,
} from '@passerelle/schema';
import type { Clock, Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx, Tx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { derivedColumns, etagOf, fieldsOf, visibilityOf, type ProfileRow } from './document.ts';
import { flagDuplicates } from './store.ts';
import { updateProfileAtVersion } from './queries/profiles.ts';
import type { DuplicateReason } from './queries/duplicates.ts';
import { loadProfile, personResource, render } from './view.ts';
import { withTransaction } from '../db/transaction.ts';
import { recordFormConsents, type FormConsentChoice } from '../consents/form-consents.ts';

/**
 * Where the change is written: in a transaction of its own opened on `db`,
 * or through `tx`, the transaction of a larger change (the import's, one for
 * the whole file).
 */
export type UpdateDeps = Pick<Deps, 'db' | 'clock'> | { tx: Tx; clock: Clock };

export interface ProfileUpdate {
  personId: string;
  /** The fields to set, and visibility choices; an absent field is left as it is. */
  changes: Partial<Omit<ProfilePatch, 'consents'>>;
  /** The version the caller read (the route's `If-Match`); absent, the change applies to the version there is (the import). */
  expectedVersion?: number;
  /**
   * How the audit entry reads when the change is not a person's edit: the
   * import's action, its detail (line, match) and what the same line changed
   * of the person record besides the profile (external id, role).
   */
  recordAs?: { action: string; detail: Record<string, unknown>; alsoChanged: readonly string[] };
  /** The consents the profile form asked for: the owner's own, recorded in the same transaction. */
  consents?: readonly FormConsentChoice[];
}

export interface ProfileUpdated {
  row: ProfileRow;
  /** How the caller reads the profile. */
  audience: ProfileAudience;
  /** The fields (and `visibility.<field>`) that changed; empty: nothing was written. */
  changed: string[];
  /** The possible duplicates the change raised. */
  flagged: { otherPersonId: string; reason: DuplicateReason }[];
}

/** Fields whose change may make the profile someone else's duplicate. */
const identity: readonly string[] = ['emails', 'givenName', 'familyName', 'graduationYear', 'programme'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateProfile(deps: UpdateDeps, call: Call, input: ProfileUpdate): Promise<ProfileUpdated> {
  const apply = (tx: DbOrTx) => applyUpdate(tx, deps.clock, call, input);
  return 'tx' in deps ? apply(deps.tx) : withTransaction(deps, apply);
}

async function applyUpdate(tx: DbOrTx, clock: Clock, call: Call, { personId, changes, expectedVersion, recordAs, consents = [] }: ProfileUpdate): Promise<ProfileUpdated> {
  const { actor, who } = call;
  const { row: current, entityIds } = await loadProfile(tx, actor, personId);
  const resource = personResource(actor, personId, entityIds);
  authorize(actor, 'profile.edit', resource);
  const isOwner = personId === actor.personId;
  const audience = profileAudience(actor, resource);

  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ProblemError('preconditionFailed', 'profile.changed', {}, {
      members: { current: await render(tx, current, audience, clock.now()), etag: etagOf(current) },
      headers: { etag: etagOf(current) },
    });
  }

  await recordFormConsents(tx, call, personId, consents, new Date(who.at));

  const before = fieldsOf(current);
  const after: ProfileFields = { ...before };
  const changed: string[] = [];
  for (const k of profileFieldKeys) {
    if (changes[k] === undefined || same(changes[k], before[k])) continue;
    (after as Record<ProfileFieldKey, unknown>)[k] = changes[k];
    changed.push(k);
  }
  // Field by field: school-owned ones, once staff recorded them, are theirs to correct.
  const owned = { ...resource, educationLocked: current.educationLocked };
  for (const k of changed as ProfileFieldKey[]) authorize(actor, profileFieldAction(k), owned);
  if (changes.educationEntityId && changes.educationEntityId !== before.educationEntityId && !(changes.educationEntityId in actor.entityParents)) {
    throw validationProblem([{ path: 'educationEntityId', code: 'profile.educationEntity', params: {} }]);
  }

  const visibility = visibilityOf(current.visibility);
  if (changes.visibility) {
    for (const [k, level] of Object.entries(changes.visibility) as [ProfileFieldKey, (typeof visibility)[ProfileFieldKey] | undefined][]) {
      if (level === undefined || visibility[k] === level) continue;
      authorize(actor, 'profile.setVisibility', resource);
      visibility[k] = level;
      changed.push(`visibility.${k}`);
    }
  }
  if (changed.length === 0) return { row: current, audience, changed, flagged: [] };

  // Staff recording school-owned data makes it the institution's: the person then asks them to correct it.
  const locks = audience === 'staff' && changed.some(isSchoolOwned);
  const updated = await updateProfileAtVersion(tx, current, {
    ...after,
    visibility,
    ...derivedColumns(after, visibility),
    educationLocked: current.educationLocked || locks,
    version: current.version + 1,
    updatedAt: who.at,
    updatedBy: who.actorId,
    ownerUpdatedAt: isOwner ? who.at : current.ownerUpdatedAt,
  });
  if (!updated) throw new ProblemError('preconditionFailed', 'profile.changedWhileSaving');
  await writeAudit(tx, who, {
    action: recordAs?.action ?? (isOwner ? 'profile.update' : 'profile.correct'),
    objectType: 'profile',
    objectId: personId,
    subjectId: personId,
    entityIds,
    detail: { ...recordAs?.detail, fields: [...changed, ...(recordAs?.alsoChanged ?? [])] },
  });
  const flagged = changed.some((k) => identity.includes(k)) ? await flagDuplicates(tx, updated, who.at) : [];
  await recordEvent(tx, who, { type: 'profile.updated', personId });
  return { row: updated, audience, changed, flagged };
}
