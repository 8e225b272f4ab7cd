import { describe, expect, it } from 'vitest';
import { en } from '../messages/en.ts';
import { fr } from '../messages/fr.ts';
import { inWords } from '../messages/index.ts';
import { minimumMonthlyStipendCents, offerRuleErrors, stipendRequirement, hourlyRateFor, type RuleInput } from '../index.ts';
import type { InternshipParameters } from './parameters.ts';

const parameters: InternshipParameters = {
  minimumHourlyStipendCents: { '2025': 435, '2026': 450 },
  maxInternshipMonths: 6,
  stipendThresholdHours: 308,
  maxExpiryDays: 365,
};
const today = '2026-03-02';
const internship = (over: Partial<RuleInput> = {}): RuleInput => ({
  kind: 'internship',
  startDate: '2026-04-01',
  duration: { amount: 3, unit: 'months' },
  weeklyHours: 35,
  expiresOn: '2026-04-01',
  ...over,
});

describe('minimum monthly stipend', () => {
  it('is rate × weekly hours × 52 / 12, computed', () => {
    expect(minimumMonthlyStipendCents(450, 35)).toBe(Math.ceil((450 * 35 * 52) / 12));
    expect(minimumMonthlyStipendCents(450, 35)).toBe(68250);
    expect(minimumMonthlyStipendCents(435, 35)).toBe(65975);
    expect(minimumMonthlyStipendCents(450, 20)).toBe(39000);
  });

  it('uses the rate of the start date’s year, from the parameters', () => {
    expect(stipendRequirement(internship({ startDate: '2025-09-01' }), parameters)?.minimumMonthlyCents).toBe(65975);
    expect(stipendRequirement(internship(), parameters)?.minimumMonthlyCents).toBe(68250);
    expect(hourlyRateFor(parameters, 2027)).toEqual({ year: 2026, cents: 450 });
    expect(stipendRequirement(internship(), { ...parameters, minimumHourlyStipendCents: { '2026': 500 } })?.minimumMonthlyCents).toBe(75834);
  });
});

describe('offerRuleErrors', () => {
  it('accepts a 3-month internship paid the minimum', () => {
    expect(offerRuleErrors(internship({ stipend: { amountCents: 68250 } }), parameters, today)).toEqual([]);
  });

  it('refuses a 3-month internship without stipend, naming the minimum', () => {
    const errors = offerRuleErrors(internship(), parameters, today);
    expect(errors).toEqual([
      {
        path: 'stipend.amountCents',
        code: 'offer.stipend.owed',
        params: { minimumMonthlyCents: 68250, hourlyRateCents: 450, rateYear: 2026, givenCents: 0 },
      },
    ]);
    expect(inWords(fr, errors[0]!)).toMatch(/au moins 682,50\s€ par mois.*Saisissez une gratification mensuelle/);
  });

  it('refuses a stipend below the minimum', () => {
    const [error] = offerRuleErrors(internship({ stipend: { amountCents: 60000 } }), parameters, today);
    expect(inWords(en, error!)).toMatch(/at least 682\.50 € per month.*600\.00 € is below it/);
  });

  it('owes nothing up to 308 hours (2 months at 35 h), and owes beyond', () => {
    expect(offerRuleErrors(internship({ duration: { amount: 2, unit: 'months' } }), parameters, today)).toEqual([]);
    expect(offerRuleErrors(internship({ duration: { amount: 8, unit: 'weeks' } }), parameters, today)).toEqual([]);
    expect(offerRuleErrors(internship({ duration: { amount: 9, unit: 'weeks' } }), parameters, today)).toHaveLength(1);
  });

  it('limits an internship to 6 months, but not an apprenticeship', () => {
    expect(offerRuleErrors(internship({ duration: { amount: 7, unit: 'months' }, stipend: { amountCents: 70000 } }), parameters, today)).toEqual([
      { path: 'duration.amount', code: 'offer.duration.tooLong', params: { months: 6 } },
    ]);
    expect(offerRuleErrors(internship({ duration: { amount: 27, unit: 'weeks' }, stipend: { amountCents: 70000 } }), parameters, today)).toHaveLength(1);
    expect(offerRuleErrors(internship({ kind: 'apprenticeship', duration: { amount: 24, unit: 'months' } }), parameters, today)).toEqual([]);
  });

  it('keeps the expiry within a year and not in the past', () => {
    expect(offerRuleErrors({ expiresOn: '2027-03-02' }, parameters, today)).toEqual([]);
    expect(offerRuleErrors({ expiresOn: '2027-03-03' }, parameters, today)[0]).toEqual({ path: 'expiresOn', code: 'offer.expiry.tooFar', params: { latest: '2027-03-02' } });
    expect(offerRuleErrors({ expiresOn: '2026-03-01' }, parameters, today)[0]).toMatchObject({ path: 'expiresOn', code: 'offer.expiry.past' });
  });
});
