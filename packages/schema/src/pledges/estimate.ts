import type { TaxReductionRules } from './parameters.ts';
import type { PledgeFrequency } from './pledge.ts';

export type DonorKind = 'individual' | 'company';

export interface EstimateInput {
  donorKind: DonorKind;
  /** The gifts of the year, in cents. */
  amountCents: number;
  /** Individuals: taxable income (revenu imposable), in cents. Without it, no ceiling is applied. */
  taxableIncomeCents?: number | undefined;
  /** Companies: turnover excluding tax, in cents. Without it, the 20 000 € floor is the ceiling used. */
  turnoverCents?: number | undefined;
}

export interface TaxEstimate {
  donorKind: DonorKind;
  /** The gifts the estimate is about. */
  amountCents: number;
  /** The part of the gifts that counts this year (after the ceiling). */
  eligibleCents: number;
  reductionCents: number;
  /** What the gift costs after the reduction. */
  netCostCents: number;
  /** The ceiling applied, when one could be computed. */
  ceilingCents: number | null;
  /** The part above the ceiling, which carries over to the next five years. */
  carriedOverCents: number;
  /** The rules' `validFrom`, so a reader knows which law was applied. */
  rulesFrom: string;
}

// Cents are integers; percentages of them are rounded down, so the estimate
// never promises more than the tax office will grant.
const share = (cents: number, percent: number) => Math.floor((cents * percent) / 100 + 1e-9);

/**
 * The estimated tax reduction of a gift. Pure: the server puts it in the
 * pledge, the element shows it live from the same parameters.
 *
 * - Individuals: `ratePercent` (66 %) of the gifts, counted within
 *   `incomeCeilingPercent` (20 %) of taxable income.
 * - Companies: `ratePercent` (60 %) up to `reducedRateAboveCents` (2 M€) and
 *   `reducedRatePercent` (40 %) above, counted within the greater of
 *   `ceilingFloorCents` (20 000 €) and `turnoverCeilingPercent` (0.5 %) of turnover.
 */
export function estimateTaxReduction(rules: TaxReductionRules, input: EstimateInput): TaxEstimate {
  const amount = Math.max(0, Math.trunc(input.amountCents));
  let ceiling: number | null = null;
  let reduction: (eligible: number) => number;
  if (input.donorKind === 'individual') {
    const r = rules.individual;
    if (input.taxableIncomeCents !== undefined) ceiling = share(Math.max(0, input.taxableIncomeCents), r.incomeCeilingPercent);
    reduction = (eligible) => share(eligible, r.ratePercent);
  } else {
    const r = rules.company;
    const byTurnover = input.turnoverCents !== undefined ? share(Math.max(0, input.turnoverCents), r.turnoverCeilingPercent) : 0;
    ceiling = Math.max(r.ceilingFloorCents, byTurnover);
    reduction = (eligible) => {
      if (r.reducedRateAboveCents === null || r.reducedRatePercent === null || eligible <= r.reducedRateAboveCents) return share(eligible, r.ratePercent);
      return share(r.reducedRateAboveCents, r.ratePercent) + share(eligible - r.reducedRateAboveCents, r.reducedRatePercent);
    };
  }
  const eligible = ceiling === null ? amount : Math.min(amount, ceiling);
  const reductionCents = reduction(eligible);
  return {
    donorKind: input.donorKind,
    amountCents: amount,
    eligibleCents: eligible,
    reductionCents,
    netCostCents: amount - reductionCents,
    ceilingCents: ceiling,
    carriedOverCents: amount - eligible,
    rulesFrom: rules.validFrom,
  };
}

export interface DonationEstimateInput {
  donorKind: DonorKind;
  /** One payment, in cents. */
  amountCents: number;
  frequency: PledgeFrequency;
  /** The person's taxable income, in cents (ignored for a company). */
  taxableIncomeCents?: number | undefined;
  /** The company's turnover excluding tax, in cents (ignored for a person). */
  turnoverCents?: number | undefined;
}

/**
 * The estimate of a pledged gift, the one both the API (stored with the
 * pledge) and `<passerelle-pledge>` (shown as the person types) compute: over
 * a year, a monthly gift being twelve payments, with the ceiling of the
 * donor's kind — taxable income for a person, turnover for a company.
 */
export function estimateDonation(rules: TaxReductionRules, input: DonationEstimateInput): TaxEstimate {
  const amountCents = input.frequency === 'monthly' ? input.amountCents * 12 : input.amountCents;
  return input.donorKind === 'individual'
    ? estimateTaxReduction(rules, { donorKind: 'individual', amountCents, taxableIncomeCents: input.taxableIncomeCents })
    : estimateTaxReduction(rules, { donorKind: 'company', amountCents, turnoverCents: input.turnoverCents });
}
