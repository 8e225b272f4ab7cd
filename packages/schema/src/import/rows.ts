import * as v from 'valibot';
import { EmailSchema, text } from '../core/common.ts';
import { SirenSchema, SiretSchema } from '../identifiers/index.ts';
import { WebsiteSchema } from '../core/company.ts';
import { GraduationYearSchema, profileFieldSchemas } from '../profiles/schema.ts';
import type { CompanyImportField, PersonImportField } from './mapping.ts';

/** A year as a spreadsheet cell holds it ("2019", "2019.0"). */
const YearCellSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\d{4}(\.0+)?$/, 'import.year.format'),
  v.transform((s) => Number.parseInt(s, 10)),
  GraduationYearSchema,
);

/** The roles an import gives in a school: `student`, or `alumnus` (the default). */
export const importRoles = ['student', 'alumnus'] as const;
const RoleCellSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.picklist(importRoles),
);

/**
 * One line of a people file, after its mapped cells are read: each field is
 * optional (an empty cell is "not given": it leaves the stored value alone),
 * and each is checked by the profile's own field schema.
 */
export const PersonImportRowSchema = v.object({
  externalId: v.optional(text(100)),
  email: v.optional(EmailSchema),
  givenName: v.optional(profileFieldSchemas.givenName),
  familyName: v.optional(profileFieldSchemas.familyName),
  usageName: v.optional(v.nonNullable(profileFieldSchemas.usageName)),
  graduationYear: v.optional(YearCellSchema),
  programme: v.optional(v.nonNullable(profileFieldSchemas.programme)),
  /** The school or faculty, by name. */
  entity: v.optional(text(200)),
  role: v.optional(RoleCellSchema),
  employer: v.optional(v.nonNullable(profileFieldSchemas.employer)),
  jobTitle: v.optional(v.nonNullable(profileFieldSchemas.jobTitle)),
  sector: v.optional(v.nonNullable(profileFieldSchemas.sector)),
  phone: v.optional(v.nonNullable(profileFieldSchemas.phone)),
  workCity: v.optional(v.nonNullable(profileFieldSchemas.workCity)),
  workCountry: v.optional(v.nonNullable(profileFieldSchemas.workCountry)),
  linkedinUrl: v.optional(v.nonNullable(profileFieldSchemas.linkedinUrl)),
} satisfies Record<PersonImportField, v.GenericSchema>);
export type PersonImportRow = v.InferOutput<typeof PersonImportRowSchema>;

/** One line of a companies file; the SIRET and SIREN are checked with the shared validators. */
export const CompanyImportRowSchema = v.pipe(
  v.object({
    name: v.optional(text(200)),
    siret: v.optional(SiretSchema),
    siren: v.optional(SirenSchema),
    city: v.optional(text(100)),
    website: v.optional(WebsiteSchema),
    sector: v.optional(text(100)),
  } satisfies Record<CompanyImportField, v.GenericSchema>),
  v.forward(
    v.check((row) => !row.siret || !row.siren || row.siret.startsWith(row.siren), 'company.siren.ofSiret'),
    ['siren'],
  ),
);
export type CompanyImportRow = v.InferOutput<typeof CompanyImportRowSchema>;

/** What became of each line, as the report lists it. */
export const importOutcomes = ['created', 'updated', 'unchanged', 'flagged', 'rejected'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];
