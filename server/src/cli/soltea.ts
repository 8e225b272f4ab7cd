/**
 * `pnpm passerelle soltea calendar | set-calendar | reset-calendar`: the
 * national SOLTéA calendar without a redeploy (pledges/campaigns.ts), audited
 * in every institution with the command line as origin.
 */
import { CampaignSetSchema, type CampaignSet } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import type { Parameters } from '../config/parameters.ts';
import { ProblemError } from '../http/problem.ts';
import { campaignEntries, forgetCampaign, storeCampaign } from '../pledges/campaigns.ts';
import { CliInputError, parse } from './tenant.ts';

/** The audit origin of these commands. */
export const SOLTEA_CLI_ORIGIN = 'cli:soltea';

export interface CalendarOptions {
  period?: string[];
  unallocated?: string;
  source?: string;
  unpublished?: boolean;
}

/** A campaign year as typed, or a refusal saying what one looks like. */
export function campaignYear(say: Say, value: string | undefined): number {
  const year = Number(value);
  if (value === undefined || !/^\d{4}$/.test(value) || year < 2020 || year > 2100) throw new CliInputError(say('cli.soltea.year', { value: value ?? '' }));
  return year;
}

/** The options as the API's body, checked by its schema. */
export function calendarInput(say: Say, options: CalendarOptions): CampaignSet {
  if (options.unpublished) return parse(say, CampaignSetSchema, { published: false });
  const periods = (options.period ?? []).map((value) => {
    const [opens, closes, transfersFrom, ...rest] = value.split(':');
    if (!opens || !closes || !transfersFrom || rest.length) throw new CliInputError(say('cli.soltea.period', { value }));
    return { opens, closes, transfersFrom };
  });
  return parse(say, CampaignSetSchema, { published: true, periods, unallocatedFrom: options.unallocated, ...(options.source ? { source: options.source } : {}) });
}

const who = () => ({ tenantId: null, tenantSlug: null, actorId: null, origin: SOLTEA_CLI_ORIGIN, at: new Date().toISOString() });

/** A broken date rule, worded as the CLI words invalid input. */
function refusedDates(say: Say, err: unknown): never {
  if (err instanceof ProblemError && err.options.errors) throw new CliInputError(say('cli.input.invalid', { errors: [...err.options.errors] }));
  throw err;
}

export async function setCalendarCommand(db: Db, say: Say, parameters: Parameters, year: number, input: CampaignSet): Promise<string> {
  const entry = await storeCampaign(db, parameters.pledges.apprenticeshipTax.campaigns, who(), year, input).catch((err: unknown) => refusedDates(say, err));
  const c = entry.campaign;
  return say('cli.soltea.set', {
    year,
    periods: c.published ? c.periods.map((p): [string, string, string] => [p.opens, p.closes, p.transfersFrom]) : [],
    unallocatedFrom: c.published ? c.unallocatedFrom : null,
  });
}

export async function resetCalendarCommand(db: Db, say: Say, parameters: Parameters, year: number): Promise<string> {
  const fileCampaigns = parameters.pledges.apprenticeshipTax.campaigns;
  const wasSet = await forgetCampaign(db, fileCampaigns, who(), year);
  return say('cli.soltea.reset', { year, wasSet, fileHasYear: fileCampaigns.some((c) => c.year === year) });
}

export async function calendarCommand(db: Db, say: Say, parameters: Parameters): Promise<string> {
  const entries = await campaignEntries({ db, config: { parameters } });
  return say('cli.soltea.calendar', {
    years: entries.map(({ campaign: c, origin }) => ({
      year: c.year,
      published: c.published,
      origin,
      periods: c.published ? c.periods.map((p): [string, string, string] => [p.opens, p.closes, p.transfersFrom]) : [],
    })),
  });
}
