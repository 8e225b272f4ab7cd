import * as v from 'valibot';
import { IdSchema, SlugSchema, isRealDate, listQueryEntries, text } from '../core/common.ts';
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
  v.check(isRealDate, 'validation.dateNotReal'),
);

const MAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How to apply: an http(s) address or an email address. */
export const ApplySchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(300),
  v.check((s) => applyLink(s) !== null, 'offer.apply.format'),
);

/**
 * Where an offer's `apply` leads: an email address (written to with
 * `mailto:`) or an http(s) address; null for anything else. ApplySchema
 * accepts exactly what this links, so the board links what the server took.
 */
export function applyLink(apply: string): { kind: 'email' | 'url'; href: string } | null {
  if (MAIL.test(apply)) return { kind: 'email', href: `mailto:${apply}` };
  try {
    const u = new URL(apply);
    return u.protocol === 'https:' || u.protocol === 'http:' ? { kind: 'url', href: u.href } : null;
  } catch {
    return null;
  }
}

export const DurationSchema = v.strictObject({
  amount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(260)),
  unit: v.picklist(durationUnits, 'offer.duration.unit'),
});

export const StipendSchema = v.strictObject({
  amountCents: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)),
  currency: v.optional(v.literal('EUR'), 'EUR'),
});

/** The fields of an offer a person types. The company is chosen, never created here. */
const offerFields = {
  companyId: v.pipe(v.string('offer.company.fromList'), v.uuid('offer.company.fromList')),
  title: text(150),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20_000))),
  kind: v.picklist(offerKinds, 'offer.kind.choice'),
  targetEntityIds: v.pipe(
    v.array(IdSchema, 'offer.targets.atLeastOne'),
    v.minLength(1, 'offer.targets.atLeastOne'),
    v.maxLength(20),
  ),
  location: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  remote: v.optional(v.picklist(remotePolicies, 'offer.remote.choice')),
  startDate: v.optional(IsoDateSchema),
  duration: v.optional(DurationSchema),
  weeklyHours: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(48))),
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
  reason: text(2000),
});

/**
 * `POST /v1/offers/:id/renew`: the new expiry date, within the year's
 * `maxExpiryDays` from today; without one, the latest the rules allow.
 */
export const OfferRenewSchema = v.strictObject({
  expiresOn: v.optional(IsoDateSchema),
});
export type OfferRenew = v.InferOutput<typeof OfferRenewSchema>;

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

/** What a person types in a search box: trimmed, at least one character. */
const searchText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max)));

/**
 * List filters of `GET /v1/offers`. `q`: words of the title, description or
 * company name; `place`: words of the location (both case- and
 * accent-insensitive, each word a prefix). `tenant`: the institution, for a
 * reader who is not signed in (the board is open to them only when the
 * institution turned that on). An unknown key is refused, never ignored.
 */
export const OfferListQuerySchema = v.strictObject({
  ...listQueryEntries({ cursorMaxLength: 300 }),
  q: searchText(200),
  place: searchText(100),
  tenant: v.optional(SlugSchema),
  kind: v.optional(v.picklist(offerKinds)),
  entity: v.optional(IdSchema),
  company: v.optional(IdSchema),
  remote: v.optional(v.picklist(remotePolicies)),
  startFrom: v.optional(IsoDateSchema),
  mine: v.optional(v.picklist(['true', 'false'])),
  queue: v.optional(v.picklist(['true', 'false'])),
});

/** `GET /v1/companies/:id/offers`: every offer of the company, last changed first, one page at a time. */
export const CompanyOffersQuerySchema = v.strictObject({
  ...listQueryEntries({ cursorMaxLength: 300 }),
});

/**
 * The offer board's search form (`<passerelle-offer-board>`): the words and
 * the date it types, with the very entries `GET /v1/offers` checks (the
 * choices — kind, school, remote — are lists the form offers).
 */
export const OfferSearchSchema = v.strictObject({
  q: OfferListQuerySchema.entries.q,
  place: OfferListQuerySchema.entries.place,
  startFrom: OfferListQuerySchema.entries.startFrom,
});
export type OfferSearch = v.InferOutput<typeof OfferSearchSchema>;
