/**
 * The fields of an alumni profile. Each one is a top-level key of the profile
 * document, of the PATCH body and of the owner's visibility map, so that "who
 * sees it", "who may change it" and "what changed" all speak of the same names.
 */
import type { VisibilityLevel } from '../policy/audience.ts';

export const profileFieldKeys = [
  // identity
  'givenName',
  'familyName',
  'usageName',
  // contact
  'emails',
  'phone',
  'address',
  // education (school-owned once the institution set it)
  'programme',
  'educationEntityId',
  'graduationYear',
  // career
  'employer',
  'jobTitle',
  'sector',
  'workCity',
  'workCountry',
  'linkedinUrl',
  'previousPositions',
  // availability, about
  'availability',
  'bio',
  'preferredLanguage',
] as const;
export type ProfileFieldKey = (typeof profileFieldKeys)[number];

/** How the editor groups the fields, in display order. */
export const profileSections = {
  identity: ['givenName', 'familyName', 'usageName', 'preferredLanguage', 'bio'],
  contact: ['emails', 'phone', 'address'],
  education: ['programme', 'educationEntityId', 'graduationYear'],
  career: ['employer', 'jobTitle', 'sector', 'workCity', 'workCountry', 'linkedinUrl', 'previousPositions'],
  availability: ['availability'],
} as const satisfies Record<string, readonly ProfileFieldKey[]>;
export type ProfileSection = keyof typeof profileSections;

/**
 * School-owned data: once the institution has recorded it, only staff correct
 * it; the person asks the alumni office. Career data is the person's own.
 */
export const schoolOwnedFields = ['programme', 'educationEntityId', 'graduationYear'] as const satisfies readonly ProfileFieldKey[];
export type SchoolOwnedField = (typeof schoolOwnedFields)[number];
export const isSchoolOwned = (key: string): key is SchoolOwnedField => (schoolOwnedFields as readonly string[]).includes(key);

/** What a new profile shows, before its owner chooses: contact details stay private. */
export const defaultVisibility: Readonly<Record<ProfileFieldKey, VisibilityLevel>> = {
  givenName: 'network',
  familyName: 'network',
  usageName: 'network',
  emails: 'private',
  phone: 'private',
  address: 'private',
  programme: 'network',
  educationEntityId: 'network',
  graduationYear: 'network',
  employer: 'network',
  jobTitle: 'network',
  sector: 'network',
  workCity: 'network',
  workCountry: 'network',
  linkedinUrl: 'network',
  previousPositions: 'network',
  availability: 'network',
  bio: 'network',
  preferredLanguage: 'private',
};

/** Visibility levels as ranks, so that "visible to X" is `rank >= X's minimum`. */
export const visibilityRank: Readonly<Record<VisibilityLevel, number>> = { private: 0, network: 1, public: 2 };
