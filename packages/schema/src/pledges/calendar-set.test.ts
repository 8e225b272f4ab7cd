import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CampaignSetSchema, campaignOf, campaignSetIssues, type CampaignSet } from './calendar-set.ts';
import { campaignState } from './calendar.ts';

const period = (opens: string, closes: string, transfersFrom: string) => ({ opens, closes, transfersFrom });
const calendar2026 = (periods = [period('2026-05-25', '2026-06-26', '2026-07-10'), period('2026-07-13', '2026-10-23', '2026-11-06')], unallocatedFrom = '2026-11-26'): CampaignSet =>
  v.parse(CampaignSetSchema, { published: true, periods, unallocatedFrom });

describe('a SOLTéA calendar set by an administrator', () => {
  it('holds together: no issue, the usual labels, and on 2 December 2026 the campaign is over', () => {
    expect(campaignSetIssues(2026, calendar2026())).toEqual([]);
    const campaign = campaignOf(2026, calendar2026());
    expect(campaign).toMatchObject({ year: 2026, published: true, periods: [{ label: { en: 'First allocation period' } }, { label: { fr: 'Seconde période de répartition' } }] });
    expect(campaignState(campaign, '2026-12-02')).toMatchObject({ state: 'over', transfersFrom: ['2026-07-10', '2026-11-06'], unallocatedFrom: '2026-11-26' });
  });
  it('an inverted period, an overlap, transfers before the close, a period ending in another year, unallocated funds too early: each a field issue with its code', () => {
    const issues = campaignSetIssues(2026, calendar2026([period('2026-06-26', '2026-06-01', '2026-05-30'), period('2026-05-20', '2027-01-10', '2027-01-20')], '2026-12-01'));
    expect(issues).toEqual([
      { path: 'periods.0.closes', code: 'soltea.period.inverted', params: {} },
      { path: 'periods.0.transfersFrom', code: 'soltea.period.transfersBeforeClose', params: { closes: '2026-06-01' } },
      { path: 'periods.1.closes', code: 'soltea.period.wrongYear', params: { year: 2026 } },
      { path: 'periods.1.opens', code: 'soltea.period.overlap', params: { previousCloses: '2026-06-01' } },
      { path: 'unallocatedFrom', code: 'soltea.unallocatedTooEarly', params: { closes: '2027-01-10' } },
    ]);
  });
  it('a year marked not yet published has no dates to check', () => {
    expect(campaignSetIssues(2027, { published: false })).toEqual([]);
    expect(campaignOf(2027, { published: false })).toEqual({ year: 2027, published: false });
  });
  it('the shape is the schema’s: no period, an unknown field, a date that is not one', () => {
    expect(v.safeParse(CampaignSetSchema, { published: true, periods: [], unallocatedFrom: '2026-11-26' }).success).toBe(false);
    expect(v.safeParse(CampaignSetSchema, { published: false, periods: [] }).success).toBe(false);
    expect(v.safeParse(CampaignSetSchema, { published: true, periods: [period('2026-13-01', '2026-06-26', '2026-07-10')], unallocatedFrom: '2026-11-26' }).success).toBe(false);
  });
});
