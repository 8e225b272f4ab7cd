/**
 * The SOLTéA calendar as it applies: the configuration file's years, each
 * replaced by what an administrator set for it without a redeploy
 * (`PUT /v1/pledges/campaigns/:year`, `pnpm passerelle soltea set-calendar`).
 * The calendar is national, so what is set applies to every institution of
 * the deployment, and each institution's audit log records the change.
 * Every instance reads the rows (one table); each keeps them behind the read
 * cache, forgotten on any write (`untilChange`), so a change applies to the
 * next request everywhere.
 */
import { campaignOf, campaignSetIssues, type CampaignEntry, type CampaignSet, type TaxCampaign } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Config } from '../env.ts';
import type { Call } from '../call.ts';
import type { Db, DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { untilChange } from '../db/until-change.ts';
import { withTransaction } from '../db/transaction.ts';
import { deleteSetCampaign, findSetCampaign, listAllInstitutionIds, listSetCampaigns, upsertSetCampaign } from './queries/campaigns.ts';

type FileCampaigns = readonly TaxCampaign[];

/** Every year's calendar as it applies, latest first, and where each comes from. */
export async function campaignEntries(deps: Pick<Deps, 'db'> & { config: Pick<Config, 'parameters'> }): Promise<CampaignEntry[]> {
  const set = await untilChange(deps.db, 'solteaCampaigns', () => listSetCampaigns(deps.db));
  const byYear = new Map<number, CampaignEntry>();
  for (const campaign of deps.config.parameters.pledges.apprenticeshipTax.campaigns) byYear.set(campaign.year, { campaign, origin: 'file' });
  for (const row of set) byYear.set(row.year, { campaign: row.campaign, origin: 'set', setAt: row.setAt });
  return [...byYear.values()].sort((a, b) => b.campaign.year - a.campaign.year);
}

/** Every year's calendar as it applies, latest first. */
export async function campaignsInForce(deps: Pick<Deps, 'db'> & { config: Pick<Config, 'parameters'> }): Promise<TaxCampaign[]> {
  return (await campaignEntries(deps)).map((e) => e.campaign);
}

/** What changed, for the audit: the calendar before (the file's or the one set) and after. */
function auditDetail(year: number, before: TaxCampaign | null, after: TaxCampaign | null, by: string | null) {
  return { year, from: before, to: after, ...(by ? { setBy: by } : {}) };
}

/**
 * Sets the year's calendar, checked against the date rules (a 400 with each
 * broken rule by field), in one transaction with an entry in every
 * institution's audit log: the acting one with its person, the others naming
 * the institution that set it. `who.tenantId` is null from the command line.
 */
export async function storeCampaign(db: Db, fileCampaigns: FileCampaigns, who: Omit<AuditOrigin, 'tenantId'> & { tenantId: string | null; tenantSlug: string | null }, year: number, input: CampaignSet): Promise<CampaignEntry> {
  const issues = campaignSetIssues(year, input);
  if (issues.length) throw validationProblem(issues);
  const campaign = campaignOf(year, input);
  await withTransaction({ db }, async (tx) => {
    const before = (await findSetCampaign(tx, year))?.campaign ?? fileCampaigns.find((c) => c.year === year) ?? null;
    await upsertSetCampaign(tx, { year, campaign, setAt: who.at, setByTenantId: who.tenantId, setBy: who.actorId });
    await auditEverywhere(tx, who, 'soltea.setCalendar', auditDetail(year, before, campaign, who.tenantSlug));
  });
  return { campaign, origin: 'set', setAt: who.at };
}

/** Forgets what was set for the year: the configuration file's calendar applies again (or none). Whether something was set. */
export async function forgetCampaign(db: Db, fileCampaigns: FileCampaigns, who: Omit<AuditOrigin, 'tenantId'> & { tenantId: string | null; tenantSlug: string | null }, year: number): Promise<boolean> {
  return withTransaction({ db }, async (tx) => {
    const before = (await findSetCampaign(tx, year))?.campaign;
    if (!before || !(await deleteSetCampaign(tx, year))) return false;
    await auditEverywhere(tx, who, 'soltea.resetCalendar', auditDetail(year, before, fileCampaigns.find((c) => c.year === year) ?? null, who.tenantSlug));
    return true;
  });
}

/** One entry per institution: the calendar is theirs too. The acting institution's names its person. */
async function auditEverywhere(tx: DbOrTx, who: Omit<AuditOrigin, 'tenantId'> & { tenantId: string | null }, action: string, detail: Record<string, unknown>): Promise<void> {
  for (const tenantId of await listAllInstitutionIds(tx)) {
    const acting = tenantId === who.tenantId;
    await writeAudit(tx, { tenantId, actorId: acting ? who.actorId : null, origin: who.origin, at: who.at }, { action, objectType: 'soltea_campaign', objectId: String(detail.year), detail });
  }
}

/** `PUT /v1/pledges/campaigns/:year`: administrators (the policy's `pledge.setCalendar`). */
export async function setCampaign(deps: Pick<Deps, 'db' | 'config'>, call: Call, input: { year: number; calendar: CampaignSet }): Promise<CampaignEntry> {
  const { actor, who } = call;
  authorize(actor, 'pledge.setCalendar', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  return storeCampaign(deps.db, deps.config.parameters.pledges.apprenticeshipTax.campaigns, { ...who, tenantSlug: call.tenantSlug }, input.year, input.calendar);
}

/** `DELETE /v1/pledges/campaigns/:year`: back to the configuration file's calendar; the year's entry as it now applies (null: no calendar at all). */
export async function resetCampaign(deps: Pick<Deps, 'db' | 'config'>, call: Call, input: { year: number }): Promise<CampaignEntry | null> {
  const { actor, who } = call;
  authorize(actor, 'pledge.setCalendar', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  await forgetCampaign(deps.db, deps.config.parameters.pledges.apprenticeshipTax.campaigns, { ...who, tenantSlug: call.tenantSlug }, input.year);
  return (await campaignEntries(deps)).find((e) => e.campaign.year === input.year) ?? null;
}
