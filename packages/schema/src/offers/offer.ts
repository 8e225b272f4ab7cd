import * as v from 'valibot';
import { IdSchema, listQueryEntries, text } from '../core/common.ts';
import { offerStatuses } from '../policy/types.ts';

export const offerKinds = ['internship', 'apprenticeship', 'fixed_term', 'permanent', 'international_volunteering'] as const;
export type OfferKind = (typeof offerKinds)[number];
export const remotePolicies = ['onsite', 'hybrid', 'remote'] as const;
export type RemotePolicy = (typeof remotePolicies)[number];
export const durationUnits = ['months', 'weeks'] as const;

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'validation.dateNotReal'),
);

const MAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How to apply: an http(s) address or an email address. */
export const ApplySchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'Say how to apply: a web address or an email address.'),
  v.maxLength(300, 'How to apply is at most 300 characters.'),
  v.check((s) => {
    if (MAIL.test(s)) return true;
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'offer.apply.format'),
);

export const DurationSchema = v.strictObject({
  amount: v.pipe(v.number('Enter a duration.'), v.integer('A duration is a whole number.'), v.minValue(1, 'A duration is at least 1.'), v.maxValue(260, 'A duration is at most 260.')),
  unit: v.picklist(durationUnits, 'Choose months or weeks.'),
});

export const StipendSchema = v.strictObject({
  amountCents: v.pipe(v.number('Enter an amount.'), v.integer('An amount is a whole number of cents.'), v.minValue(0, 'An amount cannot be negative.'), v.maxValue(100_000_000, 'This amount is too large.')),
  currency: v.optional(v.literal('EUR', 'Amounts are in euros (EUR).'), 'EUR'),
});

/** The fields of an offer a person types. The company is chosen, never created here. */
const offerFields = {
  companyId: v.pipe(v.string('offer.company.fromList'), v.uuid('offer.company.fromList')),
  title: text(150, 'Title'),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20_000, 'The description is at most 20,000 characters.'))),
  kind: v.picklist(offerKinds, 'Choose the kind of contract.'),
  targetEntityIds: v.pipe(
    v.array(IdSchema, 'Choose at least one school or programme.'),
    v.minLength(1, 'Choose at least one school or programme.'),
    v.maxLength(20, 'Choose at most 20 schools or programmes.'),
  ),
  location: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'The location is at most 200 characters.'))),
  remote: v.optional(v.picklist(remotePolicies, 'Choose on site, hybrid or remote.')),
  startDate: v.optional(IsoDateSchema),
  duration: v.optional(DurationSchema),
  weeklyHours: v.optional(v.pipe(v.number('Enter the weekly hours.'), v.minValue(1, 'Weekly hours are at least 1.'), v.maxValue(48, 'Weekly hours are at most 48.'))),
  stipend: v.optional(v.nullable(StipendSchema)),
  apply: v.optional(ApplySchema),
  expiresOn: v.optional(IsoDateSchema),
};

/**
 * `POST /v1/offers`: a draft, or a submission with `submit: true`. Unknown
 * keys (such as `companyName`) are refused: nobody creates or renames a
 * company through an offer.
 */
export const OfferCreateSchema = v.strictObject({ ...offerFields, submit: v.optional(v.boolean()) });
export type OfferCreate = v.InferOutput<typeof OfferCreateSchema>;

/** `PATCH /v1/offers/:id`: any subset of the fields; `null` clears an optional one. */
export const OfferPatchSchema = v.strictObject({
  companyId: v.optional(offerFields.companyId),
  title: v.optional(offerFields.title),
  description: v.optional(v.nullable(offerFields.description.wrapped)),
  kind: v.optional(offerFields.kind),
  targetEntityIds: v.optional(offerFields.targetEntityIds),
  location: v.optional(v.nullable(offerFields.location.wrapped)),
  remote: v.optional(v.nullable(offerFields.remote.wrapped)),
  startDate: v.optional(v.nullable(IsoDateSchema)),
  duration: v.optional(v.nullable(DurationSchema)),
  weeklyHours: v.optional(v.nullable(offerFields.weeklyHours.wrapped)),
  stipend: v.optional(v.nullable(StipendSchema)),
  apply: v.optional(v.nullable(ApplySchema)),
  expiresOn: v.optional(v.nullable(IsoDateSchema)),
});
export type OfferPatch = v.InferOutput<typeof OfferPatchSchema>;

/** `POST /v1/offers/:id/reject` and `/request-changes`: the author reads the reason. */
export const ModerationReasonSchema = v.strictObject({
  reason: text(2000, 'A reason'),
});

/** The offer as the API answers it. */
export interface Offer {
  id: string;
  company: { id: string; name: string };
  title: string;
  description?: string;
  kind: OfferKind;
  targetEntityIds: string[];
  location?: string;
  remote?: RemotePolicy;
  startDate?: string;
  duration?: { amount: number; unit: 'months' | 'weeks' };
  weeklyHours?: number;
  stipend?: { amountCents: number; currency: 'EUR' };
  apply?: string;
  expiresOn?: string;
  status: (typeof offerStatuses)[number];
  /** Why the moderator rejected it or asked for changes. */
  moderationReason?: string;
  /** Present for the author, the company's representatives and moderators. */
  authorId?: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  publishedAt?: string;
}

/** List filters of `GET /v1/offers`. */
export const OfferListQuerySchema = v.object({
  ...listQueryEntries({ cursorMaxLength: 300 }),
  kind: v.optional(v.picklist(offerKinds, 'Unknown kind.')),
  entity: v.optional(IdSchema),
  company: v.optional(IdSchema),
  remote: v.optional(v.picklist(remotePolicies, 'Unknown remote policy.')),
  startFrom: v.optional(IsoDateSchema),
  mine: v.optional(v.picklist(['true', 'false'], 'mine is true or false.')),
  queue: v.optional(v.picklist(['true', 'false'], 'queue is true or false.')),
});
