import * as v from 'valibot';
import { companyStatuses } from '../core/company.ts';
import { companyRequestStatuses } from '../companies/directory.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf } from './common.ts';

/** A company as the API shows it; `website` is absent when it has none. */
export const CompanyViewSchema = v.object({
  id: AnswerIdSchema,
  name: v.string(),
  siret: v.nullable(v.string()),
  siren: v.nullable(v.string()),
  website: v.optional(v.string()),
  /** `pending` until staff verify a company a recruiter asked for; `refused` when they did not. */
  status: v.picklist(companyStatuses),
});
export type CompanyView = v.InferOutput<typeof CompanyViewSchema>;

/** `GET /v1/companies`: the typeahead's matches, or the directory by name. */
export const CompanyPageSchema = pageOf(CompanyViewSchema);

/** A recruiter's request to represent a company (`represent`) or to add one (`create`), with its outcome. */
export const CompanyRequestViewSchema = v.object({
  id: AnswerIdSchema,
  kind: v.picklist(['represent', 'create']),
  status: v.picklist(companyRequestStatuses),
  /** The requester's message to the reviewers. */
  message: v.optional(v.string()),
  /** Why staff refused it. */
  reason: v.optional(v.string()),
  createdAt: AnswerTimeSchema,
  decidedAt: v.optional(AnswerTimeSchema),
  person: v.object({ id: AnswerIdSchema, displayName: v.optional(v.string()), email: v.optional(v.string()) }),
  company: CompanyViewSchema,
  /** A hint for the reviewer: the requester's email domain is the company website's. */
  emailMatchesWebsite: v.boolean(),
});
export type CompanyRequestView = v.InferOutput<typeof CompanyRequestViewSchema>;

export const CompanyRequestPageSchema = pageOf(CompanyRequestViewSchema);

/** One representative of a company: who, and since when (`GET /v1/companies/:id/representatives`). */
export const CompanyRepresentativeSchema = v.object({
  person: v.object({ id: AnswerIdSchema, displayName: v.optional(v.string()), email: v.optional(v.string()) }),
  /** When they became its representative. */
  since: AnswerTimeSchema,
  /** Whether it is the caller. */
  you: v.boolean(),
});
export type CompanyRepresentative = v.InferOutput<typeof CompanyRepresentativeSchema>;

export const CompanyRepresentativePageSchema = pageOf(CompanyRepresentativeSchema);
