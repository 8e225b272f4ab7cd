import { and, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { defaultVisibility, type DuplicateFlag, type ProfileFields } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { entities, memberships, people, profileDuplicateFlags, profiles } from '../db/tables/index.ts';
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
export function insertProfile(tx: DbOrTx, input: NewProfile): ProfileRow {
  const visibility = visibilityOf(input.visibility ?? defaultVisibility);
  return tx
    .insert(profiles)
    .values({
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
    })
    .returning()
    .get();
}

export function findProfile(db: DbOrTx, tenantId: string, personId: string): ProfileRow | undefined {
  return db.select().from(profiles).where(and(eq(profiles.tenantId, tenantId), eq(profiles.personId, personId))).get();
}

/** The person of this tenant (for lazy creation), or undefined. */
export function findPerson(db: DbOrTx, tenantId: string, personId: string) {
  return db
    .select({ id: people.id, displayName: people.displayName, email: people.email })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
    .get();
}

/** The entities each person belongs to: what decides who is "staff of their entities". */
export function entityIdsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return map;
  const rows = db
    .select({ personId: memberships.personId, entityId: memberships.entityId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.personId, [...personIds]), isNotNull(memberships.entityId)))
    .all();
  for (const r of rows) if (r.entityId) map.get(r.personId)?.push(r.entityId);
  return map;
}

export function entityNames(db: DbOrTx, tenantId: string, ids: readonly (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = db.select({ id: entities.id, name: entities.name }).from(entities).where(and(eq(entities.tenantId, tenantId), inArray(entities.id, wanted))).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open duplicate flags involving each person, from that person's side. */
export function reviewFlagsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]): Map<string, DuplicateFlag[]> {
  const map = new Map<string, DuplicateFlag[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return map;
  const ids = [...personIds];
  const rows = db
    .select()
    .from(profileDuplicateFlags)
    .where(
      and(
        eq(profileDuplicateFlags.tenantId, tenantId),
        isNull(profileDuplicateFlags.resolvedAt),
        or(inArray(profileDuplicateFlags.personId, ids), inArray(profileDuplicateFlags.otherPersonId, ids)),
      ),
    )
    .all();
  for (const r of rows) {
    const entry = (mine: string, other: string) => map.get(mine)?.push({ id: r.id, otherProfileId: other, reason: r.reason, createdAt: r.createdAt });
    entry(r.personId, r.otherPersonId);
    entry(r.otherPersonId, r.personId);
  }
  return map;
}

/**
 * The duplicate guard: another profile of the tenant with the same primary
 * email, or the same name, graduation year and programme, is flagged for
 * staff review. The change itself goes through. Returns the flags raised.
 */
export function flagDuplicates(tx: DbOrTx, row: ProfileRow, at: string): { otherPersonId: string; reason: 'email' | 'nameYearProgramme' }[] {
  const raised: { otherPersonId: string; reason: 'email' | 'nameYearProgramme' }[] = [];
  const others = (condition: ReturnType<typeof and>) =>
    tx
      .select({ personId: profiles.personId })
      .from(profiles)
      .where(and(eq(profiles.tenantId, row.tenantId), ne(profiles.personId, row.personId), condition))
      .limit(20)
      .all();
  if (row.primaryEmail) {
    for (const o of others(eq(profiles.primaryEmail, row.primaryEmail))) raised.push({ otherPersonId: o.personId, reason: 'email' });
  }
  if (row.familyKey && row.givenKey && row.graduationYear !== null && row.programme) {
    const same = others(
      and(eq(profiles.familyKey, row.familyKey), eq(profiles.givenKey, row.givenKey), eq(profiles.graduationYear, row.graduationYear), eq(profiles.programme, row.programme)),
    );
    for (const o of same) raised.push({ otherPersonId: o.personId, reason: 'nameYearProgramme' });
  }
  for (const flag of raised) {
    tx.insert(profileDuplicateFlags)
      .values({ tenantId: row.tenantId, personId: row.personId, otherPersonId: flag.otherPersonId, reason: flag.reason, createdAt: at })
      .onConflictDoNothing()
      .run();
  }
  return raised;
}
