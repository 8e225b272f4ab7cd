import { defaultVisibility, type ProfileFields } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { insertProfileRow } from './queries/profiles.ts';
import { insertDuplicateFlag, profilesWithNameYearProgramme, profilesWithPrimaryEmail, type DuplicateReason } from './queries/duplicates.ts';
import { derivedColumns, visibilityOf, type ProfileRow, type Visibility } from './document.ts';

/** What a brand-new profile holds: nothing but what the person record knows. */
export function initialFields(person: { displayName: string | null; email: string | null }): ProfileFields {
  const words = (person.displayName ?? '').trim().split(/\s+/).filter(Boolean);
  return {
    givenName: words[0] ?? '',
    familyName: words.slice(1).join(' '),
    usageName: null,
    emails: person.email ? [{ address: person.email.toLowerCase(), primary: true }] : [],
    phone: null,
    address: null,
    programme: null,
    educationEntityId: null,
    graduationYear: null,
    employer: null,
    jobTitle: null,
    sector: null,
    workCity: null,
    workCountry: null,
    linkedinUrl: null,
    previousPositions: [],
    availability: { mentoring: false, talks: false, hiringInterns: false },
    bio: null,
    preferredLanguage: 'fr',
  };
}

export interface NewProfile {
  tenantId: string;
  personId: string;
  fields: ProfileFields;
  visibility?: Partial<Visibility>;
  educationLocked?: boolean;
  confirmedAt?: string | null;
  at: string;
  by: string | null;
}

/** Inserts a profile row with its derived columns. */
export function insertProfile(tx: DbOrTx, input: NewProfile): Promise<ProfileRow> {
  const visibility = visibilityOf(input.visibility ?? defaultVisibility);
  return insertProfileRow(tx, {
    personId: input.personId,
    tenantId: input.tenantId,
    ...input.fields,
    visibility,
    ...derivedColumns(input.fields, visibility),
    educationLocked: input.educationLocked ?? false,
    confirmedAt: input.confirmedAt ?? null,
    createdAt: input.at,
    updatedAt: input.at,
    updatedBy: input.by,
  });
}

/**
 * The duplicate guard: another profile of the tenant with the same primary
 * email, or the same name, graduation year and programme, is flagged for
 * staff review. The change itself goes through. Returns the flags raised.
 */
export async function flagDuplicates(tx: DbOrTx, row: ProfileRow, at: string): Promise<{ otherPersonId: string; reason: DuplicateReason; }[]> {
  const raised: { otherPersonId: string; reason: DuplicateReason }[] = [];
  if (row.primaryEmail) {
    for (const o of await profilesWithPrimaryEmail(tx, row, row.primaryEmail)) raised.push({ otherPersonId: o.personId, reason: 'email' });
  }
  if (row.familyKey && row.givenKey && row.graduationYear !== null && row.programme) {
    const same = await profilesWithNameYearProgramme(tx, row, { familyKey: row.familyKey, givenKey: row.givenKey, graduationYear: row.graduationYear, programme: row.programme });
    for (const o of same) raised.push({ otherPersonId: o.personId, reason: 'nameYearProgramme' });
  }
  for (const flag of raised) {
    await insertDuplicateFlag(tx, { tenantId: row.tenantId, personId: row.personId, otherPersonId: flag.otherPersonId, reason: flag.reason, createdAt: at });
  }
  return raised;
}
