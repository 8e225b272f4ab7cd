import * as v from 'valibot';
import { IdSchema, listQueryEntries, text } from '../core/common.ts';
import { CompanyCreateSchema, WebsiteSchema } from '../core/company.ts';

/** `GET /v1/companies?q=`: the offer form's typeahead, or the directory by name without `q`. */
export const CompanySearchQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  /** Staff and administrators may look at pending companies (the verification queue). */
  status: v.optional(v.picklist(['active', 'pending'])),
  ...listQueryEntries({ defaultLimit: '10', cursorMaxLength: 300 }),
});

/**
 * `POST /v1/companies/requests`: a recruiter asks to represent an existing
 * company, or asks for a new one (created pending until staff verify it).
 */
export const CompanyRequestCreateSchema = v.union(
  [
    v.strictObject({ companyId: IdSchema, message: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))) }),
    v.strictObject({ company: CompanyCreateSchema, message: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))) }),
  ],
  'company.requestOneOf',
);
export type CompanyRequestCreate = v.InferOutput<typeof CompanyRequestCreateSchema>;

/** `POST /v1/companies/requests/:id/refuse`: the requester reads the reason. */
export const CompanyRequestRefuseSchema = v.strictObject({ reason: text(2000) });

/** `PATCH /v1/companies/:id` (If-Match): what a representative or staff may change. */
export const CompanyPatchSchema = v.strictObject({
  name: v.optional(text(200)),
  website: v.optional(v.nullable(WebsiteSchema)),
});
export type CompanyPatch = v.InferOutput<typeof CompanyPatchSchema>;

export const companyRequestStatuses = ['pending', 'approved', 'refused'] as const;

/** `GET /v1/companies/requests`: the staff's queue by status, or `mine=true` for one's own requests. */
export const CompanyRequestListQuerySchema = v.object({
  status: v.optional(v.picklist(companyRequestStatuses), 'pending'),
  mine: v.optional(v.picklist(['true', 'false'])),
  limit: CompanySearchQuerySchema.entries.limit,
  cursor: CompanySearchQuerySchema.entries.cursor,
});

/** `GET /v1/companies/:id/representatives`: who represents the company, longest-standing first. */
export const CompanyRepresentativesQuerySchema = v.strictObject({
  ...listQueryEntries({ cursorMaxLength: 300 }),
});

/**
 * Whether an email's domain is the company website's (ignoring `www.` and
 * accepting subdomains both ways), a hint for staff reviewing a request.
 */
export function emailMatchesWebsite(email: string | null | undefined, website: string | null | undefined): boolean {
  if (!email || !website) return false;
  const domain = email.split('@')[1]?.toLowerCase();
  let host: string;
  try {
    host = new URL(website).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (!domain) return false;
  const bare = host.replace(/^www\./, '');
  return domain === bare || domain.endsWith(`.${bare}`) || bare.endsWith(`.${domain}`);
}

/**
 * Case- and accent-insensitive form of a name, as the search index folds it:
 * "École d'Ingénieurs" → "ecole d ingenieurs".
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
