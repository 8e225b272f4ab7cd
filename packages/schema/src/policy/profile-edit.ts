/**
 * Field by field, what an actor may change in a profile: the school-owned
 * fields once staff recorded them (`profile.editSchoolData`), the others with
 * `profile.edit`, and who reads each field only its owner
 * (`profile.setVisibility`).
 */
import { isSchoolOwned, profileFieldKeys, type ProfileFieldKey } from '../profiles/fields.ts';
import { visibilityLevels, type VisibilityLevel } from './audience.ts';
import { can, decide } from './policy.ts';
import type { Actor, Decision, Resource } from './types.ts';

type Person = Extract<Resource, { kind: 'person' }>;

/** The action that changing `field` needs. */
export const profileFieldAction = (field: ProfileFieldKey): 'profile.edit' | 'profile.editSchoolData' =>
  isSchoolOwned(field) ? 'profile.editSchoolData' : 'profile.edit';

/** Whether `actor` may change `field` of the profile, and if not, why. */
export function decideProfileField(actor: Actor, person: Person, field: ProfileFieldKey): Decision {
  const edit = decide(actor, 'profile.edit', person);
  return edit.allowed ? decide(actor, profileFieldAction(field), person) : edit;
}

/** The fields of the profile `actor` may change. */
export function editableProfileFields(actor: Actor, person: Person): ProfileFieldKey[] {
  return profileFieldKeys.filter((field) => decideProfileField(actor, person, field).allowed);
}

/** The visibility levels `actor` may set on the profile's fields: all of them for its owner, none for anyone else. */
export function settableVisibilityLevels(actor: Actor, person: Person): readonly VisibilityLevel[] {
  return can(actor, 'profile.setVisibility', person) ? visibilityLevels : [];
}
