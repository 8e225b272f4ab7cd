/**
 * The editor's form model and the profile document, back and forth. The form
 * holds flat dot paths (`emails.0.address`, `address.city`,
 * `visibility.phone`); the API speaks the shared schema's shape. Comparing
 * "what the form says" with "what the server has" happens on the schema's
 * shape, key by key, so the editor sends only what changed and can show a
 * conflict field by field.
 */
import type * as v from 'valibot';
import { profileFieldKeys, visibilityLevels, type ProfileFieldKey, type ProfileFields, type ProfilePatchSchema, type ProfileView, type VisibilityLevel } from '@passerelle/schema';

/** A field of the profile, or the visibility of one (`visibility.phone`). */
export type ChangeKey = ProfileFieldKey | `visibility.${ProfileFieldKey}`;

/** The profile's editable values and visibility, flattened by change key. */
export type Snapshot = Partial<Record<ChangeKey, unknown>>;

/** JSON with sorted keys: two equal values compare equal whatever their key order. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** One field both versions of which the person must choose between, after a 412 (src/profile-editor/conflict-view.ts shows them). */
export interface Conflict {
  key: ChangeKey;
  mine: unknown;
  theirs: unknown;
  choice: 'mine' | 'theirs';
}

/**
 * The fields we both changed, differently: those I changed that the other
 * save changed too (fields only they changed are simply taken as saved).
 */
export function findConflicts(base: Snapshot, mine: Snapshot, myKeys: readonly ChangeKey[], theirs: Snapshot): Conflict[] {
  return myKeys
    .filter((k) => stable(theirs[k]) !== stable(mine[k]) && stable(theirs[k]) !== stable(base[k]))
    .map((key) => ({ key, mine: mine[key], theirs: theirs[key], choice: 'mine' }));
}

/** What the server sent, as change keys (fields the owner always reads). */
export function snapshotOf(profile: ProfileView): Snapshot {
  const out: Snapshot = {};
  for (const k of profileFieldKeys) if (profile[k] !== undefined) out[k] = profile[k];
  for (const k of profileFieldKeys) if (profile.visibility?.[k]) out[`visibility.${k}`] = profile.visibility[k];
  return out;
}

/** A patch-shaped object (fields + `visibility`) as change keys. */
export function snapshotOfPatch(patch: Record<string, unknown>): Snapshot {
  const out: Snapshot = {};
  for (const k of profileFieldKeys) if (patch[k] !== undefined) out[k] = patch[k];
  const visibility = (patch.visibility ?? {}) as Partial<Record<ProfileFieldKey, VisibilityLevel>>;
  for (const k of profileFieldKeys) if (visibility[k]) out[`visibility.${k}`] = visibility[k];
  return out;
}

/** The keys whose value differs between two snapshots (only keys present in `next`). */
export function changedKeys(base: Snapshot, next: Snapshot): ChangeKey[] {
  return (Object.keys(next) as ChangeKey[]).filter((k) => stable(next[k]) !== stable(base[k]));
}

/** `PATCH /v1/profiles/:id`, as the shared schema takes it. */
export type ProfilePatchBody = v.InferInput<typeof ProfilePatchSchema>;

/** The PATCH body for some change keys of a snapshot. */
export function patchOf(snapshot: Snapshot, keys: readonly ChangeKey[]): ProfilePatchBody {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    if (key.startsWith('visibility.')) {
      const field = key.slice('visibility.'.length);
      body.visibility = { ...(body.visibility as object | undefined), [field]: snapshot[key] };
    } else body[key] = snapshot[key];
  }
  // A snapshot's values are the form's output (checked with ProfilePatchSchema) or the server's own.
  return body as ProfilePatchBody;
}

/** Rows of the repeated groups, as the form shows them. */
export interface RowCounts {
  emails: number;
  positions: number;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : v);

/** Form values (flat dot paths) for a snapshot. */
export function formValues(s: Snapshot): { values: Record<string, unknown>; rows: RowCounts } {
  const values: Record<string, unknown> = {};
  const simple: ProfileFieldKey[] = ['givenName', 'familyName', 'usageName', 'phone', 'programme', 'educationEntityId', 'graduationYear', 'employer', 'jobTitle', 'sector', 'workCity', 'workCountry', 'linkedinUrl', 'bio', 'preferredLanguage'];
  for (const k of simple) values[k] = text(s[k]);
  const emails = (s.emails as ProfileFields['emails'] | undefined) ?? [];
  emails.forEach((e, i) => (values[`emails.${i}.address`] = e.address));
  if (emails.length === 0) values['emails.0.address'] = '';
  values.emailPrimary = String(Math.max(0, emails.findIndex((e) => e.primary)));
  const address = s.address as ProfileFields['address'] | undefined;
  for (const part of ['street', 'postalCode', 'city', 'country'] as const) values[`address.${part}`] = address?.[part] ?? '';
  const positions = (s.previousPositions as ProfileFields['previousPositions'] | undefined) ?? [];
  positions.forEach((p, i) => {
    values[`previousPositions.${i}.employer`] = p.employer;
    values[`previousPositions.${i}.jobTitle`] = p.jobTitle;
    values[`previousPositions.${i}.startYear`] = text(p.startYear);
    values[`previousPositions.${i}.endYear`] = text(p.endYear);
  });
  const availability = (s.availability as ProfileFields['availability'] | undefined) ?? { mentoring: false, talks: false, hiringInterns: false };
  for (const k of ['mentoring', 'talks', 'hiringInterns'] as const) values[`availability.${k}`] = availability[k];
  for (const k of profileFieldKeys) if (s[`visibility.${k}`]) values[`visibility.${k}`] = s[`visibility.${k}`];
  return { values, rows: { emails: Math.max(1, emails.length), positions: positions.length } };
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const rowsOf = (group: unknown, count: number): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, i) => ((group as Record<string, Record<string, unknown>> | undefined)?.[String(i)] ?? {}));

/**
 * The form's nested data (from `FormController.data()`) in the shared
 * schema's shape, before validation: blank repeated rows dropped, a blank
 * address is no address, the primary email from its selector.
 */
export function toPatchShape(data: Record<string, unknown>, rows: RowCounts): Record<string, unknown> {
  const { emailPrimary, emails, address, previousPositions, ...rest } = data;
  const out: Record<string, unknown> = { ...rest };
  out.emails = rowsOf(emails, rows.emails)
    .map((row, i) => ({ address: row.address, primary: String(i) === emailPrimary }))
    .filter((e) => !isBlank(e.address));
  const a = (address ?? {}) as Record<string, unknown>;
  out.address = ['street', 'postalCode', 'city', 'country'].every((k) => isBlank(a[k])) ? null : a;
  out.previousPositions = rowsOf(previousPositions, rows.positions)
    .filter((p) => !['employer', 'jobTitle', 'startYear', 'endYear'].every((k) => isBlank(p[k])))
    .map((p) => ({ employer: p.employer ?? '', jobTitle: p.jobTitle ?? '', startYear: isBlank(p.startYear) ? null : p.startYear, endYear: isBlank(p.endYear) ? null : p.endYear }));
  return out;
}

export const isVisibilityLevel = (v: unknown): v is VisibilityLevel => (visibilityLevels as readonly unknown[]).includes(v);
