import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ProfileFieldKey, ProfileFields, VisibilityLevel } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { entities, institutions, people } from '../tenancy/tables.ts';

/**
 * One profile per person (the person's id is the profile's id). The fields
 * are columns; the owner's visibility choices are one JSON map, and the
 * fields the directory filters on also carry their visibility as a rank
 * (0 private, 1 network, 2 public) so that a search can match only what the
 * reader may see, inside the index scan.
 */
export const profiles = sqliteTable(
  'profiles',
  {
    personId: text('person_id').primaryKey().references(() => people.id),
    tenantId: tenantId().references(() => institutions.id),
    givenName: text('given_name'),
    familyName: text('family_name'),
    usageName: text('usage_name'),
    emails: text('emails', { mode: 'json' }).$type<ProfileFields['emails']>().notNull().default([]),
    /** The primary address, lowercased: the duplicate guard looks it up. */
    primaryEmail: text('primary_email'),
    phone: text('phone'),
    address: text('address', { mode: 'json' }).$type<ProfileFields['address']>(),
    programme: text('programme'),
    educationEntityId: text('education_entity_id').references(() => entities.id),
    graduationYear: integer('graduation_year'),
    /** Set when the institution (seed, staff) recorded the education: the person can no longer change it. */
    educationLocked: integer('education_locked', { mode: 'boolean' }).notNull().default(false),
    employer: text('employer'),
    jobTitle: text('job_title'),
    sector: text('sector'),
    workCity: text('work_city'),
    workCountry: text('work_country'),
    linkedinUrl: text('linkedin_url'),
    previousPositions: text('previous_positions', { mode: 'json' }).$type<ProfileFields['previousPositions']>().notNull().default([]),
    availability: text('availability', { mode: 'json' })
      .$type<ProfileFields['availability']>()
      .notNull()
      .default({ mentoring: false, talks: false, hiringInterns: false }),
    bio: text('bio'),
    preferredLanguage: text('preferred_language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    visibility: text('visibility', { mode: 'json' }).$type<Record<ProfileFieldKey, VisibilityLevel>>().notNull(),

    // Search keys (lowercase, accents stripped) and visibility ranks, derived on every write.
    givenKey: text('given_key'),
    familyKey: text('family_key'),
    usageKey: text('usage_key'),
    employerKey: text('employer_key'),
    givenRank: integer('given_rank').notNull().default(0),
    familyRank: integer('family_rank').notNull().default(0),
    usageRank: integer('usage_rank').notNull().default(0),
    employerRank: integer('employer_rank').notNull().default(0),
    graduationYearRank: integer('graduation_year_rank').notNull().default(0),
    educationEntityRank: integer('education_entity_rank').notNull().default(0),
    /** The widest audience that can read one of the names: who may find this person at all. */
    nameRank: integer('name_rank').notNull().default(0),
    /**
     * Sort keys per audience: "family given" when the family name is open to
     * that audience, else empty — so ordering never reveals a hidden name.
     */
    sortNetwork: text('sort_network').notNull().default(''),
    sortPublic: text('sort_public').notNull().default(''),

    /** Bumped on every change: the ETag. */
    version: integer('version').notNull().default(1),
    /** When the owner last said "my data is still accurate". */
    confirmedAt: time('confirmed_at'),
    /** When the owner last changed their own profile (staff corrections do not count). */
    ownerUpdatedAt: time('owner_updated_at'),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  // The directory's indexes cover every column its first pass reads (each
  // filter with its visibility rank, the sort keys, the id): whichever
  // filter a search seeks on, the others are checked on the same index
  // entries, so no table row is read before the page is known (a table row
  // read costs about as much as a hundred index entries).
  (t) => {
    const directory = [
      [t.familyKey, t.familyRank],
      [t.givenKey, t.givenRank],
      [t.usageKey, t.usageRank],
      [t.employerKey, t.employerRank],
      [t.graduationYear, t.graduationYearRank],
      [t.educationEntityId, t.educationEntityRank],
    ] as const;
    /** After the tenant: the seek columns first, then every other directory column. */
    const covering = (first: (typeof directory)[number]) => [
      ...first,
      ...directory.filter((pair) => pair !== first).flat(),
      t.nameRank,
      t.sortNetwork,
      t.sortPublic,
      t.personId,
    ];
    const [family, given, usage, employer, year, entity] = directory;
    return [
      index('profiles_tenant_family').on(t.tenantId, ...covering(family)),
      index('profiles_tenant_given').on(t.tenantId, ...covering(given)),
      index('profiles_tenant_usage').on(t.tenantId, ...covering(usage)),
      index('profiles_tenant_employer').on(t.tenantId, ...covering(employer)),
      index('profiles_tenant_year').on(t.tenantId, ...covering(year)),
      index('profiles_tenant_entity').on(t.tenantId, ...covering(entity)),
      index('profiles_tenant_email').on(t.tenantId, t.primaryEmail),
      index('profiles_tenant_sort_network').on(t.tenantId, t.sortNetwork, t.personId, t.nameRank),
      index('profiles_tenant_sort_public').on(t.tenantId, t.sortPublic, t.personId, t.nameRank),
    ];
  },
);

/**
 * A profile that looks like another one of the tenant (same primary email,
 * or same name + graduation year + programme): the change went through, and
 * staff review the pair instead of a twin being silently created.
 */
export const profileDuplicateFlags = sqliteTable(
  'profile_duplicate_flags',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    otherPersonId: text('other_person_id').notNull().references(() => people.id),
    reason: text('reason', { enum: ['email', 'nameYearProgramme'] }).notNull(),
    createdAt: time('created_at').notNull(),
    resolvedAt: time('resolved_at'),
  },
  (t) => [
    uniqueIndex('profile_duplicate_flags_pair').on(t.tenantId, t.personId, t.otherPersonId, t.reason),
    index('profile_duplicate_flags_other').on(t.otherPersonId),
  ],
);
