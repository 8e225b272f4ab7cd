/**
 * What submitting an offer for review requires, in one place: the server
 * refuses a submission that lacks it, and the form marks exactly these
 * fields (both read the lists below, derived from the submission schema).
 */
import * as v from 'valibot';
import type { FieldIssue } from '../core/problem.ts';
import { OfferCreateSchema } from './offer.ts';

const draft = OfferCreateSchema.entries;

/**
 * An offer as it must stand once sent for review: a draft's fields, with the
 * ones a draft may leave out now present. The stipend stays optional: the
 * internship rules (`offerRuleErrors`) say when it is owed.
 */
export const OfferSubmissionSchema = v.strictObject({
  companyId: draft.companyId,
  title: draft.title,
  kind: draft.kind,
  targetEntityIds: draft.targetEntityIds,
  description: draft.description.wrapped,
  location: draft.location.wrapped,
  remote: draft.remote.wrapped,
  startDate: draft.startDate.wrapped,
  duration: draft.duration.wrapped,
  weeklyHours: draft.weeklyHours.wrapped,
  stipend: draft.stipend,
  apply: draft.apply.wrapped,
  expiresOn: draft.expiresOn.wrapped,
});

type Optional = { readonly type: 'optional' | 'exact_optional' | 'nullish' };
type RequiredKeys<E> = { [K in keyof E]: E[K] extends Optional ? never : K }[keyof E];
type SubmissionEntries = typeof OfferSubmissionSchema.entries;

/** A field submitting for review requires. */
export type SubmissionField = RequiredKeys<SubmissionEntries>;
/** A field submitting requires that a draft may still lack. */
export type CompletionField = Exclude<SubmissionField, RequiredKeys<typeof draft>>;

const isOptional = (schema: { readonly type: string }): boolean => schema.type === 'optional' || schema.type === 'exact_optional' || schema.type === 'nullish';
const submissionEntries = Object.entries(OfferSubmissionSchema.entries) as [keyof SubmissionEntries, SubmissionEntries[keyof SubmissionEntries]][];

/** Every field submitting for review requires (the non-optional entries of the submission schema). */
export const fieldsRequiredToSubmit: readonly SubmissionField[] = submissionEntries.filter(([, schema]) => !isOptional(schema)).map(([key]) => key as SubmissionField);

/** Of those, the fields a draft may lack: checked when the offer goes (or is) beyond draft. */
export const requiredForSubmission: readonly CompletionField[] = fieldsRequiredToSubmit.filter((key): key is CompletionField =>
  isOptional((draft as Record<string, { readonly type: string }>)[key]!),
);

/** Whether submitting for review requires this field of an offer (`duration`, not `duration.amount`). */
export function isRequiredToSubmit(field: string): boolean {
  return (fieldsRequiredToSubmit as readonly string[]).includes(field);
}

/** What is missing for submission, as validation issues (codes: the server and the form word them in the reader's language). */
export function missingForSubmission(offer: Partial<Record<CompletionField, unknown>>): FieldIssue[] {
  return requiredForSubmission
    .filter((k) => offer[k] === undefined || offer[k] === null || offer[k] === '')
    .map((k) => ({ path: k, code: 'offer.submit.required', params: { field: k } }));
}
