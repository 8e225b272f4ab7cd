import * as v from 'valibot';
import { isRealDate } from '../core/common.ts';

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const PledgeDateSchema = v.pipe(v.string(), v.isoDate(), v.check(isRealDate, 'validation.dateNotReal'));

const percent = v.pipe(v.number(), v.minValue(0), v.maxValue(100));
const cents = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * Tax-reduction rules in force from `validFrom` (CGI art. 200 for individuals,
 * art. 238 bis for companies). Rates change by finance law: a new entry with a
 * later `validFrom` is added to the configuration, old ones stay for history.
 */
export const TaxReductionRulesSchema = v.strictObject({
  validFrom: PledgeDateSchema,
  individual: v.strictObject({
    /** Share of the gift taken off income tax (66). */
    ratePercent: percent,
    /** Gifts count within this share of taxable income (20); the excess carries over five years. */
    incomeCeilingPercent: percent,
  }),
  company: v.strictObject({
    /** Rate on gifts up to `reducedRateAboveCents` (60). */
    ratePercent: percent,
    /** Rate on the fraction above the threshold (40); `null` when there is no threshold. */
    reducedRatePercent: v.nullable(percent),
    /** 2 M€ since 2020. */
    reducedRateAboveCents: v.nullable(cents),
    /** Gifts count within the greater of this floor (20 000 €)… */
    ceilingFloorCents: cents,
    /** …and this share of turnover excluding tax (0.5). */
    turnoverCeilingPercent: percent,
  }),
});
export type TaxReductionRules = v.InferOutput<typeof TaxReductionRulesSchema>;

/** One SOLTéA window in which companies allocate their *solde*, and when SOLTéA pays what was allocated in it. */
export const AllocationPeriodSchema = v.strictObject({
  label: v.strictObject({ fr: v.string(), en: v.string() }),
  opens: PledgeDateSchema,
  closes: PledgeDateSchema,
  /** SOLTéA's transfers to the schools of what this period allocated start on this day. */
  transfersFrom: PledgeDateSchema,
});
export type AllocationPeriod = v.InferOutput<typeof AllocationPeriodSchema>;

const campaignYear = v.pipe(v.number(), v.integer(), v.minValue(2020), v.maxValue(2100));

/**
 * A year's SOLTéA campaign as the ministry published it (`published: true`,
 * with the text that set it), or a year whose calendar is not out yet
 * (`published: false`): its dates are never guessed.
 */
export const TaxCampaignSchema = v.variant('published', [
  v.strictObject({
    year: campaignYear,
    published: v.literal(true),
    /** Where the dates come from, e.g. "arrêté du 8 novembre 2024". */
    source: v.optional(v.string()),
    periods: v.pipe(
      v.array(AllocationPeriodSchema),
      v.minLength(1),
      // Periods open before they close, in order, without overlapping.
      v.check((ps) => ps.every((p, i) => p.opens <= p.closes && (i === 0 || ps[i - 1]!.closes < p.opens))),
    ),
    /** The funds no company allocated are shared out by SOLTéA from this day. */
    unallocatedFrom: PledgeDateSchema,
  }),
  v.strictObject({ year: campaignYear, published: v.literal(false) }),
]);
export type TaxCampaign = v.InferOutput<typeof TaxCampaignSchema>;
export type PublishedTaxCampaign = Extract<TaxCampaign, { published: true }>;

export const PledgeFundSchema = v.strictObject({
  code: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  label: v.strictObject({ fr: v.string(), en: v.string() }),
});
export type PledgeFund = v.InferOutput<typeof PledgeFundSchema>;

/** `server/config/pledges.json`, validated at boot. */
export const PledgeConfigSchema = v.strictObject({
  $comment: v.optional(v.string()),
  taxReduction: v.pipe(v.array(TaxReductionRulesSchema), v.minLength(1)),
  apprenticeshipTax: v.strictObject({
    solteaUrl: v.pipe(v.string(), v.url()),
    campaigns: v.pipe(v.array(TaxCampaignSchema), v.minLength(1)),
  }),
  /** Amounts offered as buttons, in cents. */
  suggestedAmountsCents: v.array(v.pipe(cents, v.minValue(1))),
  funds: v.array(PledgeFundSchema),
  /** Payment page of an institution's own provider, by tenant slug: its default until an administrator sets its pages (PUT /v1/pledges/payment-pages), which win. */
  paymentUrls: v.optional(v.record(v.string(), v.pipe(v.string(), v.url())), {}),
});
export type PledgeConfig = v.InferOutput<typeof PledgeConfigSchema>;

/** The rules in force on `date` (`YYYY-MM-DD` or a Date): the latest `validFrom` not after it. */
export function taxRulesOn(rules: readonly TaxReductionRules[], date: string | Date): TaxReductionRules {
  const day = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  const sorted = [...rules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const found = sorted.filter((r) => r.validFrom <= day).pop() ?? sorted[0];
  if (!found) throw new Error('No tax-reduction rules configured.');
  return found;
}

/** What `GET /v1/pledges/parameters` answers: everything the element needs to estimate and guide. */
export interface PledgeParameters {
  today: string;
  taxReduction: TaxReductionRules;
  /** The campaign a pledge is for by default, chosen by date (`defaultCampaignYear`). */
  campaign: TaxCampaign | null;
  /** Every configured campaign, latest first: the form may choose another year. */
  campaigns: TaxCampaign[];
  solteaUrl: string;
  suggestedAmountsCents: number[];
  funds: PledgeFund[];
  /** `uai` and `siret`: what a company enters in SOLTéA to find the school (null when the entity has none). */
  beneficiaries: { id: string; name: string; kind: string; uai: string | null; siret: string | null }[];
  /** The institution's default payment page, as a template ({amount}, {reference}…); a promised gift's own `paymentUrl` has them filled in (payment-page.ts). */
  paymentUrl: string | null;
}
