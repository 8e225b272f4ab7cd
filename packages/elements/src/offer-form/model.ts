import * as v from 'valibot';
import {
  DurationSchema,
  isRequiredToSubmit,
  missingForSubmission,
  OfferCreateSchema,
  OfferPatchSchema,
  offerRuleErrors,
  stipendRequirement,
  type InternshipParameters,
  type Offer,
  type RuleInput,
} from '@passerelle/schema';

/** What the form holds: the offer's fields, with duration flattened and the stipend in euros. */
export interface OfferFormValues {
  companyId: string;
  title: string;
  description?: string;
  kind: Offer['kind'];
  targetEntityIds: string[];
  location?: string;
  remote?: Offer['remote'];
  startDate?: string;
  durationAmount?: number;
  durationUnit?: 'months' | 'weeks';
  weeklyHours?: number;
  stipendEuros?: number;
  apply?: string;
  expiresOn?: string;
}

/** Server paths → form paths (the API nests duration and counts the stipend in cents). */
export function formPath(apiPath: string): string {
  if (apiPath === 'duration.amount' || apiPath === 'duration') return 'durationAmount';
  if (apiPath === 'duration.unit') return 'durationUnit';
  if (apiPath === 'stipend' || apiPath.startsWith('stipend.')) return 'stipendEuros';
  return apiPath;
}

/** Form field → the offer's field it edits (duration is two controls, the stipend is typed in euros). */
export function apiField(name: keyof OfferFormValues): string {
  if (name === 'durationAmount' || name === 'durationUnit') return 'duration';
  if (name === 'stipendEuros') return 'stipend';
  return name;
}

/** Whether submitting for review requires this form field: the shared schema's list, nothing of the form's own. */
export const requiredToSubmit = (name: keyof OfferFormValues): boolean => isRequiredToSubmit(apiField(name));

export const euros = (cents: number): number => cents / 100;
export const cents = (amount: number): number => Math.round(amount * 100);

export function ruleInput(values: Partial<OfferFormValues>): RuleInput {
  return {
    kind: values.kind,
    startDate: values.startDate || undefined,
    duration: typeof values.durationAmount === 'number' && values.durationUnit ? { amount: values.durationAmount, unit: values.durationUnit } : undefined,
    weeklyHours: typeof values.weeklyHours === 'number' ? values.weeklyHours : undefined,
    stipend: typeof values.stipendEuros === 'number' ? { amountCents: cents(values.stipendEuros) } : undefined,
    expiresOn: values.expiresOn || undefined,
  };
}

/** The stipend hint for the current values, or undefined while unknown. */
export function stipendHintOf(values: Partial<OfferFormValues>, parameters: InternshipParameters | null) {
  return parameters ? stipendRequirement(ruleInput(values), parameters) : undefined;
}

/** What the form's schema reads at each validation. */
export interface OfferFormContext {
  parameters: InternshipParameters | null;
  today: string;
  /** The offer is going (or is) beyond draft: what submission requires is checked too, as the server will. */
  complete: boolean;
}

/**
 * The form's schema: the shared request schema's fields (same messages as
 * the server), plus the shared French internship rules run with the
 * parameters the server serves, plus, when the offer is being submitted, the
 * shared completeness check. `context` is read at each validation, so the
 * rules use the parameters once they are loaded. Each rule's issue carries its
 * code and parameters (amounts, months, the missing field), which the form
 * words in its language.
 */
export function offerFormSchema(context: () => OfferFormContext) {
  const e = OfferCreateSchema.entries;
  return v.pipe(
    v.strictObject({
      companyId: e.companyId,
      title: e.title,
      description: e.description,
      kind: e.kind,
      targetEntityIds: e.targetEntityIds,
      location: e.location,
      remote: e.remote,
      startDate: e.startDate,
      durationAmount: v.optional(DurationSchema.entries.amount),
      durationUnit: v.optional(DurationSchema.entries.unit),
      weeklyHours: e.weeklyHours,
      stipendEuros: v.optional(v.pipe(v.number(), v.minValue(0))),
      apply: e.apply,
      expiresOn: e.expiresOn,
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      const { parameters, today, complete } = context();
      if (!dataset.typed || !parameters) return;
      const value = dataset.value as unknown as Record<string, unknown>;
      const errors = offerRuleErrors(ruleInput(dataset.value as OfferFormValues), parameters, today);
      if (complete) errors.unshift(...missingForSubmission(createBody(dataset.value as OfferFormValues)));
      for (const error of errors) {
        const key = formPath(error.path);
        addIssue({ message: error.code, path: [{ type: 'object', origin: 'value', input: value, key, value: value[key] }] });
        // The code's own parameters ride on the issue just added (IssueWithParams), so it is worded with them.
        Object.assign(dataset.issues!.at(-1)!, { params: error.params });
      }
    }),
  );
}

/** The body of `POST /v1/offers` (without `submit`), as the shared schema takes it. */
export type OfferCreateBody = Omit<v.InferInput<typeof OfferCreateSchema>, 'submit'>;
/** The body of `PATCH /v1/offers/:id`, as the shared schema takes it. */
export type OfferPatchBody = v.InferInput<typeof OfferPatchSchema>;

/** The body of `POST /v1/offers` from the form's output. */
export function createBody(values: OfferFormValues): OfferCreateBody {
  const { durationAmount, durationUnit, stipendEuros, ...rest } = values;
  return {
    ...rest,
    ...(durationAmount !== undefined ? { duration: { amount: durationAmount, unit: durationUnit ?? 'months' } } : {}),
    ...(stipendEuros !== undefined ? { stipend: { amountCents: cents(stipendEuros) } } : {}),
  };
}

/** The body of `PATCH /v1/offers/:id`: every field, `null` for the ones left empty. */
export function patchBody(values: OfferFormValues): OfferPatchBody {
  const body = createBody(values);
  return {
    ...body,
    description: body.description ?? null,
    location: body.location ?? null,
    remote: body.remote ?? null,
    startDate: body.startDate ?? null,
    weeklyHours: body.weeklyHours ?? null,
    apply: body.apply ?? null,
    expiresOn: body.expiresOn ?? null,
    duration: body.duration ?? null,
    stipend: body.stipend ?? null,
  };
}

/** The form's values for an offer read from the API. */
export function valuesOf(offer: Offer): Record<string, unknown> {
  return {
    companyId: offer.company.id,
    title: offer.title,
    description: offer.description ?? '',
    kind: offer.kind,
    targetEntityIds: offer.targetEntityIds,
    location: offer.location ?? '',
    remote: offer.remote ?? '',
    startDate: offer.startDate ?? '',
    durationAmount: offer.duration?.amount ?? '',
    durationUnit: offer.duration?.unit ?? 'months',
    weeklyHours: offer.weeklyHours ?? '',
    stipendEuros: offer.stipend ? euros(offer.stipend.amountCents) : '',
    apply: offer.apply ?? '',
    expiresOn: offer.expiresOn ?? '',
  };
}
