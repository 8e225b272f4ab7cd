/**
 * The profile as stored (one row) and as read (a document whose fields depend
 * on the reader). Every write goes through `derivedColumns`, so the search
 * keys, visibility ranks and sort keys can never drift from the fields.
 */
import {
  completeness,
  defaultVisibility,
  freshness,
  profileFieldKeys,
  searchKey,
  visibilityRank,
  visibleLevels,
  type DuplicateFlag,
  type ProfileAudience,
  type ProfileFieldKey,
  type ProfileFields,
  type ProfileView,
  type VisibilityLevel,
} from '@passerelle/schema';
import type { ProfileRow } from './queries/profiles.ts';

export type { ProfileRow };
export type Visibility = Record<ProfileFieldKey, VisibilityLevel>;

/** The field values of a row, in the shared schema's shape. */
export function fieldsOf(row: ProfileRow): ProfileFields {
  return {
    givenName: row.givenName ?? '',
    familyName: row.familyName ?? '',
    usageName: row.usageName,
    emails: row.emails,
    phone: row.phone,
    address: row.address,
    programme: row.programme,
    educationEntityId: row.educationEntityId,
    graduationYear: row.graduationYear,
    employer: row.employer,
    jobTitle: row.jobTitle,
    sector: row.sector,
    workCity: row.workCity,
    workCountry: row.workCountry,
    linkedinUrl: row.linkedinUrl,
    previousPositions: row.previousPositions,
    availability: row.availability,
    bio: row.bio,
    preferredLanguage: row.preferredLanguage,
  };
}

/** A complete visibility map: the owner's choices over the defaults. */
export function visibilityOf(stored: Partial<Visibility> | null | undefined): Visibility {
  return { ...defaultVisibility, ...stored };
}

const key = (value: string | null | undefined) => (value ? searchKey(value) || null : null);

/** Columns computed from the fields and their visibility, written with them. */
export function derivedColumns(fields: ProfileFields, visibility: Visibility) {
  const rank = (k: ProfileFieldKey) => visibilityRank[visibility[k]];
  const sortName = [key(fields.familyName), key(fields.givenName)].filter(Boolean).join(' ');
  // The sort key of an audience holds the name only if that audience may read the family name.
  const sortFor = (minimum: number) => (rank('familyName') >= minimum ? sortName : '');
  const primary = fields.emails.find((e) => e.primary)?.address ?? null;
  return {
    primaryEmail: primary ? primary.toLowerCase() : null,
    givenKey: key(fields.givenName),
    familyKey: key(fields.familyName),
    usageKey: key(fields.usageName),
    employerKey: key(fields.employer),
    givenRank: rank('givenName'),
    familyRank: rank('familyName'),
    usageRank: rank('usageName'),
    employerRank: rank('employer'),
    graduationYearRank: rank('graduationYear'),
    educationEntityRank: rank('educationEntityId'),
    nameRank: Math.max(...(['givenName', 'familyName', 'usageName'] as const).filter((k) => fields[k]).map(rank), 0),
    sortNetwork: sortFor(visibilityRank.network),
    sortPublic: sortFor(visibilityRank.public),
  };
}

/** The owner vouched for their data when they confirmed it or changed it themselves. */
export const lastVouchedAt = (row: Pick<ProfileRow, 'confirmedAt' | 'ownerUpdatedAt'>): string | null =>
  [row.confirmedAt, row.ownerUpdatedAt].filter((t): t is string => !!t).sort().at(-1) ?? null;

export const etagOf = (row: Pick<ProfileRow, 'version'>) => `"${row.version}"`;

/** The version an `If-Match` names: -1, which no profile has, for a tag we never handed out (weak, `*`, garbled). */
export function versionOfEtag(tag: string): number {
  const version = /^"([1-9]\d*)"$/.exec(tag)?.[1];
  return version === undefined ? -1 : Number(version);
}

/**
 * What `audience` may read of the profile: fields whose owner-chosen level
 * the audience reaches; the rest is absent, not null. The owner and their
 * staff also get the visibility map and the scores; only staff the review flags.
 */
export function viewFor(
  row: ProfileRow,
  audience: ProfileAudience,
  context: { now: Date; entityNames: ReadonlyMap<string, string>; reviewFlags?: DuplicateFlag[] },
): ProfileView {
  const fields = fieldsOf(row);
  const visibility = visibilityOf(row.visibility);
  const levels = visibleLevels(audience);
  const view: ProfileView = { id: row.personId };
  const target = view as Record<string, unknown>;
  for (const k of profileFieldKeys) {
    if (levels.includes(visibility[k])) target[k] = fields[k];
  }
  if (view.educationEntityId !== undefined) {
    view.educationEntityName = view.educationEntityId ? (context.entityNames.get(view.educationEntityId) ?? null) : null;
  }
  if (audience === 'self' || audience === 'staff') {
    view.visibility = visibility;
    view.educationLocked = row.educationLocked;
    view.confirmedAt = row.confirmedAt;
    view.updatedAt = row.updatedAt;
    view.completeness = completeness(fields);
    view.freshness = freshness(lastVouchedAt(row), context.now);
  }
  if (audience === 'staff') view.reviewFlags = context.reviewFlags ?? [];
  return view;
}
