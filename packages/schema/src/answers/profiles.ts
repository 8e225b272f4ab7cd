import * as v from 'valibot';
import { visibilityLevels } from '../policy/audience.ts';
import type { ProfileFieldKey } from '../profiles/fields.ts';
import { DuplicateFlagSchema, preferredLanguages, type ProfileView } from '../profiles/schema.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

const optionalText = v.nullable(v.string());
const year = v.nullable(v.pipe(v.number(), v.integer()));

/** The stored value of each profile field, as answers carry it (the PATCH rules are `profileFieldSchemas`'). */
const profileFieldAnswers = {
  givenName: v.string(),
  familyName: v.string(),
  usageName: optionalText,
  emails: v.array(v.object({ address: v.string(), primary: v.boolean() })),
  phone: optionalText,
  address: v.nullable(v.object({ street: v.string(), postalCode: v.string(), city: v.string(), country: v.string() })),
  programme: optionalText,
  educationEntityId: v.nullable(AnswerIdSchema),
  graduationYear: year,
  employer: optionalText,
  jobTitle: optionalText,
  sector: optionalText,
  workCity: optionalText,
  workCountry: optionalText,
  linkedinUrl: optionalText,
  previousPositions: v.array(v.object({ employer: v.string(), jobTitle: v.string(), startYear: year, endYear: year })),
  availability: v.object({ mentoring: v.boolean(), talks: v.boolean(), hiringInterns: v.boolean() }),
  bio: optionalText,
  preferredLanguage: v.picklist(preferredLanguages),
} as const satisfies Record<ProfileFieldKey, v.GenericSchema>;

const Level = v.picklist(visibilityLevels);

/**
 * A profile as one reader receives it: a field the reader may not see is
 * absent (never null). `visibility`, `educationLocked`, `confirmedAt`,
 * `updatedAt` and the scores are for the owner and their staff;
 * `reviewFlags` for staff only.
 */
export const ProfileViewSchema = v.object({
  id: AnswerIdSchema,
  ...(Object.fromEntries(Object.entries(profileFieldAnswers).map(([k, s]) => [k, v.optional(s)])) as {
    [K in ProfileFieldKey]: v.OptionalSchema<(typeof profileFieldAnswers)[K], undefined>;
  }),
  /** Who sees each field: the owner's choice. */
  visibility: v.optional(v.object(Object.fromEntries(Object.keys(profileFieldAnswers).map((k) => [k, Level])) as { [K in ProfileFieldKey]: typeof Level })),
  /** Whether the institution recorded the education fields (then only staff change them). */
  educationLocked: v.optional(v.boolean()),
  educationEntityName: v.optional(v.nullable(v.string())),
  confirmedAt: v.optional(v.nullable(AnswerTimeSchema)),
  updatedAt: v.optional(AnswerTimeSchema),
  /** 0 to 100. */
  completeness: v.optional(v.number()),
  /** 0 to 100. */
  freshness: v.optional(v.number()),
  reviewFlags: v.optional(v.array(DuplicateFlagSchema)),
});
type _ProfileView = Assert<Same<v.InferOutput<typeof ProfileViewSchema>, ProfileView>>;

/** `GET /v1/profiles`: the directory, each profile as the caller may read it. */
export const ProfilePageSchema = pageOf(ProfileViewSchema);
