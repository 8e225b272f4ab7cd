import * as v from 'valibot';
import { entityKinds } from '../core/tenant.ts';
import type { TaxEstimate } from '../pledges/estimate.ts';
import { PledgeFundSchema, TaxCampaignSchema, TaxReductionRulesSchema, type PledgeParameters } from '../pledges/parameters.ts';
import { pledgeFrequencies, pledgeKinds, pledgeStatuses, type Pledge, type PledgeTotal } from '../pledges/pledge.ts';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';
import { PledgeStatusTotalSchema } from './transfers.ts';

const cents = v.pipe(v.number(), v.integer());
const donorKinds = ['individual', 'company'] as const;

/** The estimated tax reduction of a gift, computed with the rules in force from `rulesFrom`. */
export const TaxEstimateSchema = v.object({
  donorKind: v.picklist(donorKinds),
  amountCents: cents,
  /** The part of the gifts that counts this year (after the ceiling). */
  eligibleCents: cents,
  reductionCents: cents,
  /** What the gift costs after the reduction. */
  netCostCents: cents,
  ceilingCents: v.nullable(cents),
  /** The part above the ceiling, carried over to the next five years. */
  carriedOverCents: cents,
  rulesFrom: AnswerDateSchema,
});
type _TaxEstimate = Assert<Same<v.InferOutput<typeof TaxEstimateSchema>, TaxEstimate>>;

const AddressSchema = v.object({ line1: v.string(), line2: v.optional(v.string()), postalCode: v.string(), city: v.string(), country: v.string() });

/**
 * A pledge as the API answers it. The amounts (`amountCents`, `taxEstimate`,
 * `sharePercent`, `estimatedAmountCents`, `receivedAmountCents`), the donor's
 * address and the contact are present only for those who may read the amount.
 */
export const PledgeSchema = v.object({
  id: AnswerIdSchema,
  kind: v.picklist(pledgeKinds),
  status: v.picklist(pledgeStatuses),
  /** Whether the caller made this pledge. */
  mine: v.boolean(),
  /** `uai` and `siret`: the school's identifiers, entered in SOLTéA (null when the entity has none). */
  beneficiary: v.object({ entityId: AnswerIdSchema, name: v.string(), uai: v.nullable(v.string()), siret: v.nullable(v.string()) }),
  designation: v.optional(v.object({ kind: v.picklist(['entity', 'foundation', 'fund']), fund: v.optional(v.string()) })),
  company: v.optional(v.object({ id: AnswerIdSchema, name: v.string() })),
  createdAt: AnswerTimeSchema,
  updatedAt: AnswerTimeSchema,
  frequency: v.optional(v.picklist(pledgeFrequencies)),
  publicThanks: v.optional(v.boolean()),
  donor: v.optional(v.object({ kind: v.picklist(donorKinds), name: v.optional(v.string()), siret: v.optional(v.string()), address: v.optional(AddressSchema) })),
  amountCents: v.optional(cents),
  taxEstimate: v.optional(TaxEstimateSchema),
  /** Where a promised gift is paid. */
  paymentUrl: v.optional(v.string()),
  employerSiret: v.optional(v.string()),
  uai: v.optional(v.string()),
  programme: v.optional(v.string()),
  campaignYear: v.optional(v.pipe(v.number(), v.integer())),
  viaAccountant: v.optional(v.boolean()),
  contact: v.optional(v.object({ name: v.string(), email: v.string(), phone: v.optional(v.string()) })),
  sharePercent: v.optional(v.number()),
  estimatedAmountCents: v.optional(cents),
  receivedAmountCents: v.optional(cents),
  receivedOn: v.optional(AnswerDateSchema),
  currency: v.optional(v.literal('EUR')),
  /** A received gift's tax receipt in force (`GET /v1/pledges/:id/receipt.pdf`). */
  receipt: v.optional(v.object({ id: AnswerIdSchema, number: v.string() })),
});
type _Pledge = Assert<Same<v.InferOutput<typeof PledgeSchema>, Pledge>>;

export const PledgePageSchema = pageOf(PledgeSchema);

/** Promised versus received for one beneficiary entity and kind. */
export const PledgeTotalSchema = v.object({
  entityId: AnswerIdSchema,
  name: v.string(),
  kind: v.picklist(pledgeKinds),
  count: v.pipe(v.number(), v.integer()),
  promisedCents: cents,
  receivedCents: cents,
  currency: v.literal('EUR'),
});
type _PledgeTotal = Assert<Same<v.InferOutput<typeof PledgeTotalSchema>, PledgeTotal>>;

/** `GET /v1/pledges/totals`: per beneficiary entity and kind (not cancelled), and per campaign year, kind and status (all of them). */
export const PledgeTotalsSchema = v.object({ items: v.array(PledgeTotalSchema), byStatus: v.array(PledgeStatusTotalSchema) });

/** `GET /v1/pledges/parameters`: the tax rules in force, the SOLTéA calendar, suggested amounts, funds, beneficiaries. */
export const PledgeParametersSchema = v.object({
  today: AnswerDateSchema,
  taxReduction: TaxReductionRulesSchema,
  campaign: v.nullable(TaxCampaignSchema),
  campaigns: v.array(TaxCampaignSchema),
  solteaUrl: v.string(),
  suggestedAmountsCents: v.array(cents),
  funds: v.array(PledgeFundSchema),
  beneficiaries: v.array(v.object({ id: AnswerIdSchema, name: v.string(), kind: v.picklist(entityKinds), uai: v.nullable(v.string()), siret: v.nullable(v.string()) })),
  paymentUrl: v.nullable(v.string()),
});
// The interface says `kind: string`: the schema is narrower, and still assignable to it.
type _PledgeParameters = Assert<v.InferOutput<typeof PledgeParametersSchema> extends PledgeParameters ? true : false>;

/** `POST /v1/pledges/import`: how many transfers were marked received, and what became of each line of the report. */
export const PledgeImportResultSchema = v.object({
  received: v.pipe(v.number(), v.integer()),
  lines: v.array(
    v.object({
      line: v.pipe(v.number(), v.integer()),
      /** `unmatched` and `ambiguous` lines are kept (`transferId`) for staff to match: `GET /v1/pledges/transfers`. */
      outcome: v.picklist(['received', 'alreadyReceived', 'unmatched', 'ambiguous', 'outOfScope', 'invalid']),
      pledgeId: v.optional(AnswerIdSchema),
      transferId: v.optional(AnswerIdSchema),
      /** An invalid line: why, as a message code (pledge.report.line.*) with its parameters… */
      code: v.optional(v.picklist(['pledge.report.line.siret', 'pledge.report.line.uai', 'pledge.report.line.amount', 'pledge.report.line.date'])),
      params: v.optional(v.record(v.string(), v.unknown())),
      /** …and in the reader's words (Accept-Language, else the person's language, else French). */
      message: v.optional(v.string()),
    }),
  ),
});
