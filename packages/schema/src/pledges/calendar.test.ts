import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { campaignOver, campaignState, daysBetween, defaultCampaign } from './calendar.ts';
import { PledgeConfigSchema, TaxCampaignSchema } from './parameters.ts';

// The shipped calendar: what the institution's companies will read.
const shipped = v.parse(PledgeConfigSchema, JSON.parse(readFileSync(new URL('../../../../server/config/pledges.json', import.meta.url), 'utf8'))).apprenticeshipTax.campaigns;
const year = (y: number) => shipped.find((c) => c.year === y)!;

describe('the shipped SOLTéA calendar', () => {
  it('has the published dates of 2024 and 2025 (arrêté du 8 novembre 2024), and 2026 not yet published', () => {
    expect(year(2024)).toMatchObject({
      published: true,
      periods: [
        { opens: '2024-05-27', closes: '2024-08-02', transfersFrom: '2024-08-09' },
        { opens: '2024-08-12', closes: '2024-10-04', transfersFrom: '2024-10-11' },
      ],
      unallocatedFrom: '2024-10-25',
    });
    expect(year(2025)).toMatchObject({
      published: true,
      source: 'arrêté du 8 novembre 2024',
      periods: [
        { opens: '2025-05-26', closes: '2025-06-27', transfersFrom: '2025-07-11' },
        { opens: '2025-07-14', closes: '2025-10-24', transfersFrom: '2025-11-07' },
      ],
      unallocatedFrom: '2025-11-27',
    });
    expect(year(2026)).toEqual({ year: 2026, published: false });
  });
});

describe('where a campaign stands', () => {
  const c2025 = year(2025);
  it('before the first period: when it opens', () => {
    expect(campaignState(c2025, '2025-05-20')).toMatchObject({ state: 'upcoming', next: { opens: '2025-05-26' }, daysUntil: 6 });
  });
  it('in a period: the days left, today counted (its last day has 1)', () => {
    expect(campaignState(c2025, '2025-05-26')).toMatchObject({ state: 'open', period: { closes: '2025-06-27' }, daysLeft: 33 });
    expect(campaignState(c2025, '2025-10-24')).toMatchObject({ state: 'open', period: { opens: '2025-07-14' }, daysLeft: 1 });
  });
  it('between periods: the next one', () => {
    expect(campaignState(c2025, '2025-06-28')).toMatchObject({ state: 'closed', next: { opens: '2025-07-14' }, daysUntil: 16 });
  });
  it('after the last: over, with the transfer dates', () => {
    expect(campaignState(c2025, '2025-10-25')).toEqual({ state: 'over', year: 2025, transfersFrom: ['2025-07-11', '2025-11-07'], unallocatedFrom: '2025-11-27' });
    expect(campaignOver(c2025, '2025-10-25')).toBe(true);
    expect(campaignOver(c2025, '2025-10-24')).toBe(false);
  });
  it('a year not yet published is said so, never given dates; it is not over', () => {
    expect(campaignState(year(2026), '2026-12-02')).toEqual({ state: 'unpublished', year: 2026 });
    expect(campaignOver(year(2026), '2026-12-02')).toBe(false);
  });
  it('counts days across a change of clock time', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-24', '2025-10-24')).toBe(0);
  });
});

describe('the campaign a pledge is for by default', () => {
  it('is this year’s until it is over, then the next configured year', () => {
    expect(defaultCampaign(shipped, '2025-06-01')?.year).toBe(2025);
    expect(defaultCampaign(shipped, '2025-12-01')?.year).toBe(2026);
  });
  it('on 2 December 2026, 2026 (not yet published)', () => {
    expect(defaultCampaign(shipped, '2026-12-02')).toEqual({ year: 2026, published: false });
  });
  it('this year’s when over and none follows; the latest when the year is not configured; none without campaigns', () => {
    expect(defaultCampaign([year(2024), year(2025)], '2025-12-01')?.year).toBe(2025);
    expect(defaultCampaign(shipped, '2031-01-01')?.year).toBe(2026);
    expect(defaultCampaign([], '2026-01-01')).toBeNull();
  });
});

describe('the calendar’s shape', () => {
  const period = (opens: string, closes: string) => ({ label: { fr: 'p', en: 'p' }, opens, closes, transfersFrom: closes });
  const campaign = (periods: unknown[]) => ({ year: 2027, published: true, periods, unallocatedFrom: '2027-12-01' });
  it('refuses periods out of order, overlapping or closing before they open, and a published year without periods', () => {
    expect(v.safeParse(TaxCampaignSchema, campaign([period('2027-05-01', '2027-06-01'), period('2027-07-01', '2027-09-01')])).success).toBe(true);
    expect(v.safeParse(TaxCampaignSchema, campaign([period('2027-07-01', '2027-09-01'), period('2027-05-01', '2027-06-01')])).success).toBe(false);
    expect(v.safeParse(TaxCampaignSchema, campaign([period('2027-05-01', '2027-07-01'), period('2027-07-01', '2027-09-01')])).success).toBe(false);
    expect(v.safeParse(TaxCampaignSchema, campaign([period('2027-06-01', '2027-05-01')])).success).toBe(false);
    expect(v.safeParse(TaxCampaignSchema, campaign([])).success).toBe(false);
  });
  it('a year not published carries no dates', () => {
    expect(v.safeParse(TaxCampaignSchema, { year: 2027, published: false }).success).toBe(true);
    expect(v.safeParse(TaxCampaignSchema, { year: 2027, published: false, periods: [] }).success).toBe(false);
  });
});
