/**
 * An administrator sets a year's SOLTéA calendar without a redeploy
 * (`PUT /v1/pledges/campaigns/:year`, `pnpm passerelle soltea set-calendar`):
 * the shape of what they send, and the rules its dates follow, each broken
 * rule a field issue with its code. The calendar is national: what is set
 * overrides the configuration file's year for every institution.
 */
import * as v from 'valibot';
import type { FieldIssue } from '../core/problem.ts';
import { PledgeDateSchema, type AllocationPeriod, type TaxCampaign } from './parameters.ts';

const label = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

/** One allocation period as sent: its label is optional (the n-th period's usual name otherwise). */
export const CampaignPeriodSetSchema = v.strictObject({
  label: v.optional(v.strictObject({ fr: label, en: label })),
  opens: PledgeDateSchema,
  closes: PledgeDateSchema,
  /** SOLTéA's transfers of what this period allocated start on this day. */
  transfersFrom: PledgeDateSchema,
});
export type CampaignPeriodSet = v.InferOutput<typeof CampaignPeriodSetSchema>;

/** At most this many allocation periods a year (there have been two). */
export const MAX_CAMPAIGN_PERIODS = 4;

/** A year's calendar as published (`published: true`), or the year marked not yet published. */
export const CampaignSetSchema = v.variant('published', [
  v.strictObject({
    published: v.literal(true),
    /** The text that set the dates, e.g. "arrêté du 8 novembre 2024". */
    source: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
    periods: v.pipe(v.array(CampaignPeriodSetSchema), v.minLength(1), v.maxLength(MAX_CAMPAIGN_PERIODS)),
    unallocatedFrom: PledgeDateSchema,
  }),
  v.strictObject({ published: v.literal(false) }),
]);
export type CampaignSet = v.InferOutput<typeof CampaignSetSchema>;

/** The year of a campaign, as a path parameter (`/v1/pledges/campaigns/2026`). */
export const CampaignYearParamSchema = v.pipe(v.string(), v.regex(/^\d{4}$/, 'pledge.campaignYear.range'), v.transform(Number), v.minValue(2020, 'pledge.campaignYear.range'), v.maxValue(2100, 'pledge.campaignYear.range'));

/** The usual names of the first, second… allocation period. */
const ordinals = {
  fr: ['Première', 'Deuxième', 'Troisième', 'Quatrième'],
  en: ['First', 'Second', 'Third', 'Fourth'],
} as const;
export function periodLabel(index: number, count: number): AllocationPeriod['label'] {
  if (count === 2) return index === 0 ? { fr: 'Première période de répartition', en: 'First allocation period' } : { fr: 'Seconde période de répartition', en: 'Second allocation period' };
  return { fr: `${ordinals.fr[index] ?? `${index + 1}e`} période de répartition`, en: `${ordinals.en[index] ?? `No. ${index + 1}`} allocation period` };
}

/**
 * What is wrong with the dates of `input` for the campaign `year`: a period
 * that closes before it opens, one that starts before the previous one
 * closed, transfers before the period closed, a period outside the year,
 * unallocated funds shared out before the last period closed. Empty when
 * the calendar holds together.
 */
export function campaignSetIssues(year: number, input: CampaignSet): FieldIssue[] {
  if (!input.published) return [];
  const issues: FieldIssue[] = [];
  input.periods.forEach((p, i) => {
    const at = `periods.${i}`;
    for (const field of ['opens', 'closes'] as const) {
      if (Number(p[field].slice(0, 4)) !== year) issues.push({ path: `${at}.${field}`, code: 'soltea.period.wrongYear', params: { year } });
    }
    if (p.closes < p.opens) issues.push({ path: `${at}.closes`, code: 'soltea.period.inverted', params: {} });
    const previous = input.periods[i - 1];
    if (previous && p.opens <= previous.closes) issues.push({ path: `${at}.opens`, code: 'soltea.period.overlap', params: { previousCloses: previous.closes } });
    if (p.transfersFrom <= p.closes) issues.push({ path: `${at}.transfersFrom`, code: 'soltea.period.transfersBeforeClose', params: { closes: p.closes } });
  });
  const lastCloses = input.periods.reduce((latest, p) => (p.closes > latest ? p.closes : latest), '');
  if (input.unallocatedFrom <= lastCloses) issues.push({ path: 'unallocatedFrom', code: 'soltea.unallocatedTooEarly', params: { closes: lastCloses } });
  return issues;
}

/** The campaign as stored and answered, labels filled in. Call it once `campaignSetIssues` found nothing. */
export function campaignOf(year: number, input: CampaignSet): TaxCampaign {
  if (!input.published) return { year, published: false };
  const count = input.periods.length;
  return {
    year,
    published: true,
    ...(input.source ? { source: input.source } : {}),
    periods: input.periods.map((p, i) => ({ label: p.label ?? periodLabel(i, count), opens: p.opens, closes: p.closes, transfersFrom: p.transfersFrom })),
    unallocatedFrom: input.unallocatedFrom,
  };
}

/** Where a year's calendar comes from: the configuration file, or an administrator's setting (which wins). */
export type CampaignOrigin = 'file' | 'set';

/** `GET /v1/pledges/campaigns`: every year's calendar as it applies, and where it comes from. */
export interface CampaignEntry {
  campaign: TaxCampaign;
  origin: CampaignOrigin;
  /** When an administrator set it (origin `set`). */
  setAt?: string;
}
