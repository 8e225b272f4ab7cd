import * as v from 'valibot';
import { EmailSchema, IdSchema, listQueryEntries, text } from '../core/common.ts';
import { SiretSchema } from '../identifiers/siret.ts';
import { PledgeDateSchema } from './parameters.ts';
import type { TaxEstimate } from './estimate.ts';
import { paymentMethods } from '../receipts/payment.ts';

export const pledgeKinds = ['donation', 'apprenticeship_tax'] as const;
export type PledgeKind = (typeof pledgeKinds)[number];
export const pledgeStatuses = ['promised', 'allocated', 'received', 'cancelled'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];
export const pledgeFrequencies = ['once', 'monthly', 'yearly'] as const;
export type PledgeFrequency = (typeof pledgeFrequencies)[number];

/** 10^10 cents = 100 M€: above any real pledge, below any float trouble. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** Money is an integer number of cents, positive and bounded. Never echoes the value. Its code words the bounds in euros, as a form asks for them. */
export const PledgeAmountCentsSchema = v.pipe(
  v.number('pledge.amount.range'),
  v.integer('pledge.amount.range'),
  v.minValue(1, 'pledge.amount.range'),
  v.maxValue(MAX_AMOUNT_CENTS, 'pledge.amount.range'),
);

export const DonorAddressSchema = v.strictObject({
  line1: text(200),
  line2: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  postalCode: v.pipe(v.string(), v.trim(), v.regex(/^[0-9A-Za-z -]{2,12}$/, 'validation.postalCode')),
  city: text(100),
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'validation.country')), 'FR'),
});
export type DonorAddress = v.InferOutput<typeof DonorAddressSchema>;

/** Who the tax receipt is made out to. A company's name and SIRET come from the company record. */
export const DonorSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('individual'), fullName: text(200), address: DonorAddressSchema }),
    v.strictObject({ kind: v.literal('company'), companyId: IdSchema, address: DonorAddressSchema }),
  ],
  'pledge.donor.kind',
);
export type DonorInput = v.InferOutput<typeof DonorSchema>;

/** Where a gift goes: a school or other entity, the foundation, or one of its named funds. */
export const PledgeDesignationSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('entity'), entityId: IdSchema }),
    v.strictObject({ kind: v.literal('foundation') }),
    v.strictObject({ kind: v.literal('fund'), fund: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'pledge.designation.fund')) }),
  ],
  'pledge.designation.kind',
);
export type PledgeDesignation = v.InferOutput<typeof PledgeDesignationSchema>;

/** 10^14 cents = 1,000 billion euros: above any company's turnover. */
export const MAX_FIGURE_CENTS = 100_000_000_000_000;

/** A turnover or a taxable income, for the estimate's ceiling. Never echoes the value. */
export const PledgeFigureCentsSchema = v.pipe(
  v.number('pledge.figure.range'),
  v.integer('pledge.figure.range'),
  v.minValue(0, 'pledge.figure.range'),
  v.maxValue(MAX_FIGURE_CENTS, 'pledge.figure.range'),
);
const optionalIncome = v.optional(PledgeFigureCentsSchema);

export const DonationCreateSchema = v.strictObject({
  kind: v.literal('donation'),
  amountCents: PledgeAmountCentsSchema,
  frequency: v.picklist(pledgeFrequencies, 'pledge.frequency.choice'),
  designation: PledgeDesignationSchema,
  donor: DonorSchema,
  publicThanks: v.boolean(),
  /** Used for the estimate only, never stored. */
  taxableIncomeCents: optionalIncome,
  /** Used for the estimate only, never stored. */
  turnoverCents: optionalIncome,
});
export type DonationCreate = v.InferOutput<typeof DonationCreateSchema>;

export const PledgeContactSchema = v.strictObject({
  name: text(200),
  email: EmailSchema,
  phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 .()-]{6,20}$/, 'validation.phone'))),
});
export type PledgeContact = v.InferOutput<typeof PledgeContactSchema>;

/** A share of the *solde*, in percent, with at most two decimals. */
export const SharePercentSchema = v.pipe(
  v.number('pledge.share.range'),
  v.minValue(0.01, 'pledge.share.range'),
  v.maxValue(100, 'pledge.share.range'),
  v.check((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'pledge.share.decimals'),
);

export const TaxPledgeCreateSchema = v.strictObject({
  kind: v.literal('apprenticeship_tax'),
  companyId: IdSchema,
  /** The paying establishment; the company's SIRET when absent. */
  employerSiret: v.optional(SiretSchema),
  /** The beneficiary school: its UAI is what the company enters in SOLTéA. */
  entityId: IdSchema,
  programme: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  sharePercent: SharePercentSchema,
  estimatedAmountCents: v.optional(PledgeAmountCentsSchema),
  campaignYear: v.pipe(v.number('pledge.campaignYear.range'), v.integer('pledge.campaignYear.range'), v.minValue(2020, 'pledge.campaignYear.range'), v.maxValue(2100, 'pledge.campaignYear.range')),
  contact: PledgeContactSchema,
  viaAccountant: v.boolean(),
});
export type TaxPledgeCreate = v.InferOutput<typeof TaxPledgeCreateSchema>;

/** `POST /v1/pledges` — needs an `Idempotency-Key`. */
export const PledgeCreateSchema = v.variant('kind', [DonationCreateSchema, TaxPledgeCreateSchema]);
export type PledgeCreate = v.InferOutput<typeof PledgeCreateSchema>;

/** `PATCH /v1/pledges/:id` with `If-Match`. Amounts change only while the pledge is promised. */
export const PledgePatchSchema = v.strictObject({
  amountCents: v.optional(PledgeAmountCentsSchema),
  estimatedAmountCents: v.optional(PledgeAmountCentsSchema),
  sharePercent: v.optional(SharePercentSchema),
  frequency: v.optional(v.picklist(pledgeFrequencies, 'pledge.frequency.choice')),
  publicThanks: v.optional(v.boolean()),
  programme: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  contact: v.optional(PledgeContactSchema),
  address: v.optional(DonorAddressSchema),
  viaAccountant: v.optional(v.boolean()),
});
export type PledgePatch = v.InferOutput<typeof PledgePatchSchema>;

export const PledgeReceiveSchema = v.strictObject({
  receivedAmountCents: v.optional(PledgeAmountCentsSchema),
  receivedOn: v.optional(PledgeDateSchema),
  /** How the money came, for the tax receipt (a transfer unless told otherwise). */
  paymentMethod: v.optional(v.picklist(paymentMethods, 'receipt.paymentMethod.choice')),
});
export const PledgeCancelSchema = v.strictObject({
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500))),
});

/** `POST /v1/pledges/import`: the SOLTéA transfer report, as CSV text inside JSON. */
export const PledgeImportSchema = v.strictObject({
  csv: v.pipe(v.string(), v.minLength(1), v.maxLength(90_000)),
});

export const pledgeSortKeys = ['createdAt', '-createdAt', 'amount', '-amount'] as const;
export type PledgeSort = (typeof pledgeSortKeys)[number];

/** `GET /v1/pledges` and `/export` filters (strings, as in a query string). */
export const PledgeListQuerySchema = v.object({
  ...listQueryEntries(),
  kind: v.optional(v.picklist(pledgeKinds)),
  status: v.optional(v.picklist(pledgeStatuses)),
  entityId: v.optional(IdSchema),
  companyId: v.optional(IdSchema),
  campaignYear: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/), v.transform(Number))),
  sort: v.optional(v.picklist(pledgeSortKeys), '-createdAt'),
  minAmountCents: v.optional(v.pipe(v.string(), v.regex(/^\d{1,11}$/), v.transform(Number))),
  maxAmountCents: v.optional(v.pipe(v.string(), v.regex(/^\d{1,11}$/), v.transform(Number))),
});
export type PledgeListQuery = v.InferOutput<typeof PledgeListQuerySchema>;

/**
 * A pledge as the API answers it. Fields marked "amount" are present only for
 * those who may read the amount (`pledge.readAmount`); the donor's address and
 * the contact only for them too.
 */
export interface Pledge {
  id: string;
  kind: PledgeKind;
  status: PledgeStatus;
  /** Whether the caller made this pledge. */
  mine: boolean;
  /** `uai` and `siret`: the school's identifiers, entered in SOLTéA (null when the entity has none). */
  beneficiary: { entityId: string; name: string; uai: string | null; siret: string | null };
  designation?: { kind: PledgeDesignation['kind']; fund?: string };
  company?: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  // Donation
  frequency?: PledgeFrequency;
  publicThanks?: boolean;
  donor?: { kind: 'individual' | 'company'; name?: string; siret?: string; address?: DonorAddress };
  /** amount */ amountCents?: number;
  /** amount */ taxEstimate?: TaxEstimate;
  paymentUrl?: string;
  // Apprenticeship tax
  employerSiret?: string;
  uai?: string;
  programme?: string;
  campaignYear?: number;
  viaAccountant?: boolean;
  contact?: PledgeContact;
  /** amount */ sharePercent?: number;
  /** amount */ estimatedAmountCents?: number;
  /** amount */ receivedAmountCents?: number;
  receivedOn?: string;
  currency?: 'EUR';
  /** A received gift's tax receipt in force, for those who read the amount: its number and where to download it. */
  receipt?: { id: string; number: string };
}

export interface PledgeTotal {
  entityId: string;
  name: string;
  kind: PledgeKind;
  count: number;
  promisedCents: number;
  receivedCents: number;
  currency: 'EUR';
}
