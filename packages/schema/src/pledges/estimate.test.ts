import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import configured from '../../../../server/config/pledges.json' with { type: 'json' };
import { estimateDonation, estimateTaxReduction } from './estimate.ts';
import { PledgeConfigSchema, taxRulesOn, type TaxReductionRules } from './parameters.ts';
import { PledgeCreateSchema, PledgeAmountCentsSchema } from './pledge.ts';

const rules2020: TaxReductionRules = {
  validFrom: '2020-01-01',
  individual: { ratePercent: 66, incomeCeilingPercent: 20 },
  company: { ratePercent: 60, reducedRatePercent: 40, reducedRateAboveCents: 200_000_000, ceilingFloorCents: 2_000_000, turnoverCeilingPercent: 0.5 },
};
const rules2019: TaxReductionRules = {
  validFrom: '2019-01-01',
  individual: { ratePercent: 66, incomeCeilingPercent: 20 },
  company: { ratePercent: 60, reducedRatePercent: null, reducedRateAboveCents: null, ceilingFloorCents: 1_000_000, turnoverCeilingPercent: 0.5 },
};
const euros = (n: number) => Math.round(n * 100);

describe('estimateTaxReduction: individuals (66 % within 20 % of taxable income)', () => {
  it('a 300 € gift gives 198 € off and costs 102 €', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'individual', amountCents: euros(300) });
    expect(e.reductionCents).toBe(euros(198));
    expect(e.netCostCents).toBe(euros(102));
    expect(e.ceilingCents).toBeNull();
  });
  it('counts the gift within 20 % of taxable income and carries the rest over', () => {
    // 30 000 € of income: gifts count up to 6 000 €; a 10 000 € gift gives 66 % of 6 000 € = 3 960 €.
    const e = estimateTaxReduction(rules2020, { donorKind: 'individual', amountCents: euros(10_000), taxableIncomeCents: euros(30_000) });
    expect(e.ceilingCents).toBe(euros(6_000));
    expect(e.eligibleCents).toBe(euros(6_000));
    expect(e.reductionCents).toBe(euros(3_960));
    expect(e.carriedOverCents).toBe(euros(4_000));
    expect(e.netCostCents).toBe(euros(6_040));
  });
  it('exactly at the ceiling nothing is carried over', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'individual', amountCents: euros(6_000), taxableIncomeCents: euros(30_000) });
    expect(e.reductionCents).toBe(euros(3_960));
    expect(e.carriedOverCents).toBe(0);
  });
  it('rounds down to the cent', () => {
    expect(estimateTaxReduction(rules2020, { donorKind: 'individual', amountCents: 1 }).reductionCents).toBe(0);
    expect(estimateTaxReduction(rules2020, { donorKind: 'individual', amountCents: 1001 }).reductionCents).toBe(660);
  });
});

describe('estimateTaxReduction: companies (60 % up to 2 M€, 40 % above, within max(20 000 €, 0.5 % of turnover))', () => {
  it('10 000 € from a small company: 60 % = 6 000 €', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(10_000), turnoverCents: euros(1_000_000) });
    expect(e.ceilingCents).toBe(euros(20_000)); // 0.5 % of 1 M€ = 5 000 € < 20 000 € floor
    expect(e.reductionCents).toBe(euros(6_000));
  });
  it('the 20 000 € floor caps a small company’s gift', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(50_000), turnoverCents: euros(2_000_000) });
    expect(e.eligibleCents).toBe(euros(20_000));
    expect(e.reductionCents).toBe(euros(12_000));
    expect(e.carriedOverCents).toBe(euros(30_000));
  });
  it('0.5 % of turnover when it is above the floor', () => {
    // Turnover 10 M€: ceiling 50 000 €; a 80 000 € gift counts for 50 000 € → 30 000 €.
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(80_000), turnoverCents: euros(10_000_000) });
    expect(e.ceilingCents).toBe(euros(50_000));
    expect(e.reductionCents).toBe(euros(30_000));
  });
  it('40 % above 2 M€', () => {
    // Turnover 1 G€: ceiling 5 M€; a 3 M€ gift: 60 % of 2 M€ + 40 % of 1 M€ = 1.6 M€.
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(3_000_000), turnoverCents: euros(1_000_000_000) });
    expect(e.reductionCents).toBe(euros(1_600_000));
    expect(e.netCostCents).toBe(euros(1_400_000));
  });
  it('exactly 2 M€ is all at 60 %', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(2_000_000), turnoverCents: euros(1_000_000_000) });
    expect(e.reductionCents).toBe(euros(1_200_000));
  });
  it('without the turnover, only the 20 000 € floor is certain', () => {
    const e = estimateTaxReduction(rules2020, { donorKind: 'company', amountCents: euros(30_000) });
    expect(e.ceilingCents).toBe(euros(20_000));
    expect(e.reductionCents).toBe(euros(12_000));
  });
  it('the 2019 rules: no 40 % band and a 10 000 € floor', () => {
    const e = estimateTaxReduction(rules2019, { donorKind: 'company', amountCents: euros(3_000_000), turnoverCents: euros(1_000_000_000) });
    expect(e.reductionCents).toBe(euros(1_800_000));
    expect(estimateTaxReduction(rules2019, { donorKind: 'company', amountCents: euros(15_000), turnoverCents: euros(100_000) }).eligibleCents).toBe(euros(10_000));
  });
});

describe('estimateDonation: the rules the API applies (server/config/pledges.json, in force in 2026)', () => {
  const rules = taxRulesOn(v.parse(PledgeConfigSchema, configured).taxReduction, '2026-01-01');

  it('a company giving 3,000,000 € on a 1 bn€ turnover: 60 % of 2 M€ + 40 % of 1 M€ = 1,600,000 € this year', () => {
    const e = estimateDonation(rules, { donorKind: 'company', amountCents: euros(3_000_000), frequency: 'once', turnoverCents: euros(1_000_000_000) });
    expect(e.ceilingCents).toBe(euros(5_000_000));
    expect(e.reductionCents).toBe(euros(1_600_000));
    expect(e.carriedOverCents).toBe(0);
  });
  it('a company with 200,000 € of turnover giving 10,000 €: the 20,000 € floor is the ceiling, 6,000 € off', () => {
    const e = estimateDonation(rules, { donorKind: 'company', amountCents: euros(10_000), frequency: 'once', turnoverCents: euros(200_000) });
    expect(e.ceilingCents).toBe(euros(20_000));
    expect(e.reductionCents).toBe(euros(6_000));
  });
  it('a person with 30,000 € of income giving 10,000 €: 66 % of 6,000 € = 3,960 € this year, 4,000 € carried over', () => {
    const e = estimateDonation(rules, { donorKind: 'individual', amountCents: euros(10_000), frequency: 'once', taxableIncomeCents: euros(30_000) });
    expect(e.eligibleCents).toBe(euros(6_000));
    expect(e.reductionCents).toBe(euros(3_960));
    expect(e.carriedOverCents).toBe(euros(4_000));
    expect(e.netCostCents).toBe(euros(6_040));
  });
  it('a monthly gift counts twelve payments against the ceiling', () => {
    const e = estimateDonation(rules, { donorKind: 'individual', amountCents: euros(1_000), frequency: 'monthly', taxableIncomeCents: euros(30_000) });
    expect(e.amountCents).toBe(euros(12_000));
    expect(e.reductionCents).toBe(euros(3_960));
    expect(e.carriedOverCents).toBe(euros(6_000));
  });
  it('takes the figure of the donor’s kind only: a turnover does not cap a person, an income does not lift a company’s ceiling', () => {
    const both = { amountCents: euros(10_000), frequency: 'once' as const, taxableIncomeCents: euros(30_000), turnoverCents: euros(100_000_000) };
    expect(estimateDonation(rules, { donorKind: 'individual', ...both }).ceilingCents).toBe(euros(6_000));
    expect(estimateDonation(rules, { donorKind: 'company', ...both }).ceilingCents).toBe(euros(500_000));
  });
});

describe('dated parameters', () => {
  it('picks the rules in force on a date', () => {
    expect(taxRulesOn([rules2020, rules2019], '2019-12-31').validFrom).toBe('2019-01-01');
    expect(taxRulesOn([rules2019, rules2020], new Date('2026-03-02T00:00:00Z')).validFrom).toBe('2020-01-01');
  });
  it('refuses a configuration without rules', () => {
    expect(v.safeParse(PledgeConfigSchema, { taxReduction: [], apprenticeshipTax: { solteaUrl: 'https://x.fr', campaigns: [] }, suggestedAmountsCents: [], funds: [] }).success).toBe(false);
  });
});

describe('amounts', () => {
  it('accepts whole positive cents up to 10^10 only', () => {
    for (const bad of [-1, 0, 10.5, 1e12, 10_000_000_001, Number.NaN, '100']) expect(v.safeParse(PledgeAmountCentsSchema, bad).success, String(bad)).toBe(false);
    for (const good of [1, 30000, 10_000_000_000]) expect(v.safeParse(PledgeAmountCentsSchema, good).success).toBe(true);
  });
  it('never echoes the amount in a message', () => {
    const r = v.safeParse(PledgeCreateSchema, { kind: 'donation', amountCents: 123456.5 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.message).join(' ')).not.toContain('123456');
  });
});
