import * as v from 'valibot';
import { EmailSchema, IdSchema, IsoDateTimeSchema, listQueryEntries, text } from '../core/common.ts';
import { visibilityLevels } from '../policy/audience.ts';
import { profileFieldKeys, type ProfileFieldKey } from './fields.ts';

const optionalText = (max: number) => v.nullable(text(max));

export const preferredLanguages = ['fr', 'en'] as const;

/** ISO 3166-1 alpha-2, such as FR. */
export const CountryCodeSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z]{2}$/, 'validation.country'),
);

export const PhoneSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\+?[0-9][0-9 ().-]{5,24}$/, 'validation.phone'),
);

export const ProfileEmailSchema = v.strictObject({
  address: EmailSchema,
  primary: v.boolean(),
});

export const EmailListSchema = v.pipe(
  v.array(ProfileEmailSchema),
  v.maxLength(5),
  v.check((list) => list.length === 0 || list.filter((e) => e.primary).length === 1, 'profile.emails.onePrimary'),
  v.check((list) => new Set(list.map((e) => e.address)).size === list.length, 'profile.emails.unique'),
);

export const PostalAddressSchema = v.strictObject({
  street: text(200),
  postalCode: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9 -]{2,12}$/, 'validation.postalCode')),
  city: text(100),
  country: CountryCodeSchema,
});

export const GraduationYearSchema = v.pipe(
  v.number('validation.year'),
  v.integer('validation.year'),
  v.minValue(1900, 'validation.year'),
  v.maxValue(2100, 'validation.year'),
);

export const LinkedinUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(300),
  v.regex(/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[^\s/?#]+\/?$/i, 'profile.linkedin'),
);

export const PreviousPositionSchema = v.strictObject({
  employer: text(200),
  jobTitle: text(200),
  startYear: v.nullable(GraduationYearSchema),
  endYear: v.nullable(GraduationYearSchema),
});

export const AvailabilitySchema = v.strictObject({
  mentoring: v.boolean(),
  talks: v.boolean(),
  hiringInterns: v.boolean(),
});

/** One schema per field: the PATCH body, the editor's inline checks and the stored document all use these. */
export const profileFieldSchemas = {
  givenName: text(100),
  familyName: text(100),
  usageName: optionalText(100),
  emails: EmailListSchema,
  phone: v.nullable(PhoneSchema),
  address: v.nullable(PostalAddressSchema),
  programme: optionalText(200),
  educationEntityId: v.nullable(IdSchema),
  graduationYear: v.nullable(GraduationYearSchema),
  employer: optionalText(200),
  jobTitle: optionalText(200),
  sector: optionalText(100),
  workCity: optionalText(100),
  workCountry: v.nullable(CountryCodeSchema),
  linkedinUrl: v.nullable(LinkedinUrlSchema),
  previousPositions: v.pipe(v.array(PreviousPositionSchema), v.maxLength(20)),
  availability: AvailabilitySchema,
  bio: v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(600))),
  preferredLanguage: v.picklist(preferredLanguages, 'profile.language.choice'),
} as const satisfies Record<ProfileFieldKey, v.GenericSchema>;

export type ProfileFields = { -readonly [K in ProfileFieldKey]: v.InferOutput<(typeof profileFieldSchemas)[K]> };

export const VisibilityLevelSchema = v.picklist(visibilityLevels);

const visibilityEntries = Object.fromEntries(profileFieldKeys.map((k) => [k, v.optional(VisibilityLevelSchema)])) as {
  [K in ProfileFieldKey]: v.OptionalSchema<typeof VisibilityLevelSchema, undefined>;
};
export const VisibilityPatchSchema = v.strictObject(visibilityEntries, 'profile.visibility.fieldsOnly');

/** The fields a change may name (each optional). */
export const profilePatchEntries = Object.fromEntries(profileFieldKeys.map((k) => [k, v.optional(profileFieldSchemas[k])])) as {
  [K in ProfileFieldKey]: v.OptionalSchema<(typeof profileFieldSchemas)[K], undefined>;
};

/**
 * `PATCH /v1/profiles/:id`: any subset of the fields, plus visibility choices
 * (the route takes `ProfilePatchWithConsentsSchema`, consents/form-bodies.ts).
 * Strict: roles, tenant, entity memberships, ids and audit fields are not
 * profile fields, so naming one is a 400 — never silently ignored.
 */
export const ProfilePatchSchema = v.pipe(
  v.strictObject({ ...profilePatchEntries, visibility: v.optional(VisibilityPatchSchema) }, 'profile.field.notEditable'),
  v.check((body) => Object.keys(body).length > 0, 'validation.emptyChange'),
);
export type ProfilePatch = v.InferOutput<typeof ProfilePatchSchema>;

export const DuplicateFlagSchema = v.object({
  id: IdSchema,
  otherProfileId: IdSchema,
  reason: v.picklist(['email', 'nameYearProgramme']),
  createdAt: IsoDateTimeSchema,
});
export type DuplicateFlag = v.InferOutput<typeof DuplicateFlagSchema>;

/**
 * A profile as a reader receives it. A field the reader may not see is
 * absent (never null). `visibility`, the scores and `confirmedAt` are for the
 * owner and their staff; `reviewFlags` for staff only.
 */
export type ProfileView = { id: string } & Partial<ProfileFields> & {
    visibility?: Record<ProfileFieldKey, (typeof visibilityLevels)[number]>;
    /** Whether the institution recorded the education fields (then only staff change them). */
    educationLocked?: boolean;
    educationEntityName?: string | null;
    confirmedAt?: string | null;
    updatedAt?: string;
    completeness?: number;
    freshness?: number;
    reviewFlags?: DuplicateFlag[];
  };

const yearParam = v.pipe(v.string(), v.regex(/^\d{4}$/, 'validation.year'), v.transform(Number), v.minValue(1900, 'validation.year'), v.maxValue(2100, 'validation.year'));
const searchText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** A directory flag: present means "only those who said yes". */
const yes = v.optional(v.picklist(['true']));

/** `GET /v1/profiles`: directory search. Sorting only by the listed keys. */
export const ProfileListQuerySchema = v.strictObject(
  {
    ...listQueryEntries({ cursorMaxLength: 300 }),
    q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
    entity: v.optional(IdSchema),
    graduationYear: v.optional(yearParam),
    employer: v.optional(searchText(200)),
    /** A prefix of the sector, without accents or case, like `employer`. */
    sector: v.optional(searchText(100)),
    /** A prefix of the city of work (`workCity`). */
    city: v.optional(searchText(100)),
    /** Only people open to mentoring, to giving talks, or hiring interns (the profile's `availability`). */
    mentoring: yes,
    talks: yes,
    hiringInterns: yes,
    flagged: v.optional(v.picklist(['true'])),
    sort: v.optional(v.picklist(['name']), 'name'),
  },
);
export type ProfileListQuery = v.InferOutput<typeof ProfileListQuerySchema>;
