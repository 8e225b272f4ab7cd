import * as v from 'valibot';

/**
 * The yearly legal parameters of internships, read from configuration
 * (`server/config/internship.json`) and served at `GET /v1/offers/parameters`
 * so that the form's hints use the server's numbers, never a constant.
 */
export const InternshipParametersSchema = v.strictObject({
  /**
   * Legal minimum hourly stipend (15% of the hourly social-security ceiling),
   * in euro cents, by calendar year of the internship's start date.
   */
  minimumHourlyStipendCents: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^\d{4}$/)),
      v.pipe(v.number(), v.integer(), v.minValue(1)),
    ),
    v.check((r) => Object.keys(r).length > 0),
  ),
  /** An internship lasts at most this many months (Code de l'éducation, L124-5). */
  maxInternshipMonths: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Beyond this many hours of presence a stipend is owed (2 months = 44 days × 7 h = 308 h). */
  stipendThresholdHours: v.pipe(v.number(), v.minValue(1)),
  /** An offer expires at most this many days after it is saved. */
  maxExpiryDays: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type InternshipParameters = v.InferOutput<typeof InternshipParametersSchema>;

/**
 * The hourly rate for an internship starting in `year`: that year's, or the
 * latest earlier year's when the new year's rate is not configured yet (rates
 * only go up, so this never under-states by more than one revaluation), or the
 * earliest known year's for older dates. `undefined` only with no rate at all.
 */
export function hourlyRateFor(parameters: Pick<InternshipParameters, 'minimumHourlyStipendCents'>, year: number): { year: number; cents: number } | undefined {
  const years = Object.keys(parameters.minimumHourlyStipendCents)
    .map(Number)
    .sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const chosen = years.filter((y) => y <= year).pop() ?? years[0]!;
  return { year: chosen, cents: parameters.minimumHourlyStipendCents[String(chosen)]! };
}
