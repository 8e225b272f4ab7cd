/**
 * Where a SOLTéA campaign stands on a given day, and which campaign a pledge
 * is for by default: one function for the server (which refuses a pledge for
 * a campaign that is over) and the pledge element (which says what a company
 * can do today). Days are `YYYY-MM-DD` strings in the institution's calendar.
 */
import type { AllocationPeriod, TaxCampaign } from './parameters.ts';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`): 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type CampaignState =
  /** The ministry has not published the year's dates yet. */
  | { readonly state: 'unpublished'; readonly year: number }
  /** Before the first period: when it opens. */
  | { readonly state: 'upcoming'; readonly year: number; readonly next: AllocationPeriod; readonly daysUntil: number }
  /** A period is open; `daysLeft` counts today, so its last day has 1. */
  | { readonly state: 'open'; readonly year: number; readonly period: AllocationPeriod; readonly daysLeft: number }
  /** Between two periods: the one closed and the next one. */
  | { readonly state: 'closed'; readonly year: number; readonly next: AllocationPeriod; readonly daysUntil: number }
  /** Every period has closed: only the transfers are left. */
  | { readonly state: 'over'; readonly year: number; readonly transfersFrom: readonly string[]; readonly unallocatedFrom: string };

/** Where `campaign` stands on `today`. */
export function campaignState(campaign: TaxCampaign, today: string): CampaignState {
  const { year } = campaign;
  if (!campaign.published) return { state: 'unpublished', year };
  const open = campaign.periods.find((p) => p.opens <= today && today <= p.closes);
  if (open) return { state: 'open', year, period: open, daysLeft: daysBetween(today, open.closes) + 1 };
  const next = campaign.periods.find((p) => today < p.opens);
  if (next) {
    const daysUntil = daysBetween(today, next.opens);
    return next === campaign.periods[0] ? { state: 'upcoming', year, next, daysUntil } : { state: 'closed', year, next, daysUntil };
  }
  return { state: 'over', year, transfersFrom: campaign.periods.map((p) => p.transfersFrom), unallocatedFrom: campaign.unallocatedFrom };
}

/** Whether every allocation period of `campaign` has closed by `today`: a pledge for it comes too late. */
export function campaignOver(campaign: TaxCampaign, today: string): boolean {
  return campaignState(campaign, today).state === 'over';
}

/**
 * The campaign a pledge is for by default on `today`: this year's unless it
 * is over, then the next configured year; failing both, this year's (over)
 * or the latest configured.
 */
export function defaultCampaign(campaigns: readonly TaxCampaign[], today: string): TaxCampaign | null {
  const year = Number(today.slice(0, 4));
  const byYear = [...campaigns].sort((a, b) => a.year - b.year);
  const current = byYear.find((c) => c.year === year);
  if (current && !campaignOver(current, today)) return current;
  return byYear.find((c) => c.year > year) ?? current ?? byYear.at(-1) ?? null;
}
