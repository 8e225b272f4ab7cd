/**
 * French internship rules (Code de l'éducation, L124-5 and L124-6, D124-8),
 * as pure functions of the offer and the yearly parameters, so that the server
 * refuses and the form warns with the same codes and the same numbers.
 */
import type { FieldIssue } from '../core/problem.ts';
import { hourlyRateFor, type InternshipParameters } from './parameters.ts';

/** Weeks per month, as the legal formula counts them (52 weeks / 12 months). */
const WEEKS_PER_MONTH = 52 / 12;

export interface Duration {
  amount: number;
  unit: 'months' | 'weeks';
}

/** What the rules look at; every field may be missing while a draft is typed. */
export interface RuleInput {
  kind?: string | undefined;
  startDate?: string | undefined;
  duration?: Duration | undefined;
  weeklyHours?: number | undefined;
  stipend?: { amountCents: number } | undefined | null;
  expiresOn?: string | undefined;
}

/** Duration in weeks (months count 52/12 weeks). */
export function durationInWeeks(d: Duration): number {
  return d.unit === 'weeks' ? d.amount : d.amount * WEEKS_PER_MONTH;
}

/** Duration in months (weeks count 12/52 months). */
export function durationInMonths(d: Duration): number {
  return d.unit === 'months' ? d.amount : d.amount / WEEKS_PER_MONTH;
}

/** Hours of presence over the whole internship. */
export function presenceHours(d: Duration, weeklyHours: number): number {
  return durationInWeeks(d) * weeklyHours;
}

/** Formats cents as euros with two decimals and a dot ("682.50 €"), a figure a machine (or a test) can read. */
export function formatEuros(cents: number): string {
  return `${(cents / 100).toFixed(2)} €`;
}

/**
 * The legal minimum monthly stipend, in cents, rounded up to the cent:
 * hourly rate × weekly hours × 52 / 12.
 */
export function minimumMonthlyStipendCents(hourlyRateCents: number, weeklyHours: number): number {
  // Integer arithmetic first, so 450 × 35 × 52 / 12 is exactly 68250.
  return Math.ceil((hourlyRateCents * weeklyHours * 52) / 12 - 1e-9);
}

export interface StipendRequirement {
  /** Whether a stipend is owed for this duration and these hours. */
  owed: boolean;
  /** Minimum monthly stipend in cents (0 when not owed). */
  minimumMonthlyCents: number;
  hourlyRateCents: number;
  /** The year whose rate applies. */
  rateYear: number;
  presenceHours: number;
}

/**
 * Whether an internship owes a stipend and how much at least, or `undefined`
 * while the kind, start date, duration or weekly hours are unknown.
 */
export function stipendRequirement(input: RuleInput, parameters: InternshipParameters): StipendRequirement | undefined {
  if (input.kind !== 'internship' || !input.duration || !input.weeklyHours || !input.startDate) return undefined;
  const year = Number(input.startDate.slice(0, 4));
  const rate = hourlyRateFor(parameters, year);
  if (!rate) return undefined;
  const hours = presenceHours(input.duration, input.weeklyHours);
  const owed = hours > parameters.stipendThresholdHours;
  return {
    owed,
    minimumMonthlyCents: owed ? minimumMonthlyStipendCents(rate.cents, input.weeklyHours) : 0,
    hourlyRateCents: rate.cents,
    rateYear: rate.year,
    presenceHours: hours,
  };
}

/** Adds `days` to an ISO date (YYYY-MM-DD), in UTC. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Every rule the offer breaks, as `{ path, code, params }` like the API's
 * validation errors: the server and the form word the code in the reader's
 * language. `today` is an ISO date (YYYY-MM-DD) in UTC.
 */
export function offerRuleErrors(input: RuleInput, parameters: InternshipParameters, today: string): FieldIssue[] {
  const errors: FieldIssue[] = [];
  if (input.kind === 'internship' && input.duration && durationInMonths(input.duration) > parameters.maxInternshipMonths + 1e-9) {
    const months = parameters.maxInternshipMonths;
    errors.push({ path: 'duration.amount', code: 'offer.duration.tooLong', params: { months } });
  }
  const req = stipendRequirement(input, parameters);
  if (req?.owed) {
    const given = input.stipend?.amountCents ?? 0;
    if (given < req.minimumMonthlyCents) {
      errors.push({
        path: 'stipend.amountCents',
        code: 'offer.stipend.owed',
        params: { minimumMonthlyCents: req.minimumMonthlyCents, hourlyRateCents: req.hourlyRateCents, rateYear: req.rateYear, givenCents: given },
      });
    }
  }
  if (input.expiresOn) {
    const latest = addDays(today, parameters.maxExpiryDays);
    if (input.expiresOn > latest) {
      errors.push({ path: 'expiresOn', code: 'offer.expiry.tooFar', params: { latest } });
    } else if (input.expiresOn < today) {
      errors.push({ path: 'expiresOn', code: 'offer.expiry.past', params: {} });
    }
  }
  return errors;
}
