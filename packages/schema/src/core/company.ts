import * as v from 'valibot';
import { IdSchema, text } from './common.ts';
import { SiretSchema } from '../identifiers/index.ts';

export const companyStatuses = ['active', 'pending', 'refused'] as const;

export const WebsiteSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(300),
  v.url(),
  v.check((s) => /^https?:\/\//i.test(s), 'validation.website'),
);

export const CompanySchema = v.object({
  id: IdSchema,
  tenantId: IdSchema,
  name: text(200),
  siret: v.nullable(SiretSchema),
  website: v.nullable(WebsiteSchema),
  status: v.picklist(companyStatuses),
});
export type Company = v.InferOutput<typeof CompanySchema>;

/** `POST /v1/companies` (staff and admin only). Unknown keys are refused. */
export const CompanyCreateSchema = v.strictObject({
  name: text(200),
  siret: SiretSchema,
  website: v.optional(WebsiteSchema),
});
export type CompanyCreate = v.InferOutput<typeof CompanyCreateSchema>;
