import * as v from 'valibot';

/** Columns of a people file the import understands (`--map "Nom=familyName"`). */
export const personImportFields = [
  'externalId',
  'email',
  'givenName',
  'familyName',
  'usageName',
  'graduationYear',
  'programme',
  'entity',
  'role',
  'employer',
  'jobTitle',
  'sector',
  'phone',
  'workCity',
  'workCountry',
  'linkedinUrl',
] as const;
export type PersonImportField = (typeof personImportFields)[number];

/** Columns of a companies file the import understands. */
export const companyImportFields = ['name', 'siret', 'siren', 'city', 'website', 'sector'] as const;
export type CompanyImportField = (typeof companyImportFields)[number];

export const importKinds = ['people', 'companies'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFieldsOf = { people: personImportFields, companies: companyImportFields } as const;

/**
 * A column mapping, `{ "<header in the file>": "<target field>" }`, as the
 * `--mapping` JSON file or the `--map` options give it. A target that is not
 * a field of the kind is refused by name.
 */
export function importMappingSchema<const F extends readonly string[]>(fields: F) {
  return v.record(
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    v.picklist(fields),
    'import.mapping.object',
  );
}
export type ImportMapping = Record<string, string>;

/** One `--map` option: `Header=field` (the header may itself hold `=`: the last one splits). */
export const ImportMapOptionSchema = v.pipe(
  v.string(),
  v.regex(/^.+=[^=]+$/, 'import.mapOption.format'),
  v.transform((s) => {
    const at = s.lastIndexOf('=');
    return [s.slice(0, at).trim(), s.slice(at + 1).trim()] as const;
  }),
);
