/**
 * What the pledge element needs to draw its form: the tax rules in force
 * today, the SOLTéA campaign chosen by date and every year's calendar as it
 * applies (campaigns.ts), the suggested amounts, the funds, the beneficiaries
 * and the institution's default payment page (a template: {amount}, {reference}…).
 */
import { defaultCampaign, taxRulesOn, type PledgeParameters } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { listBeneficiaries } from './queries/lookups.ts';
import { paymentUrlOf, today } from './load.ts';
import { campaignsInForce } from './campaigns.ts';

export async function pledgeParameters(deps: Pick<Deps, 'db' | 'clock' | 'config'>, call: Pick<Call, 'actor' | 'tenantSlug'>): Promise<PledgeParameters> {
  const { actor } = call;
  const config = deps.config.parameters.pledges;
  const day = today(deps);
  const campaigns = await campaignsInForce(deps);
  const pages = await paymentUrlOf(deps, actor.tenantId, call.tenantSlug);
  return {
    today: day,
    taxReduction: taxRulesOn(config.taxReduction, day),
    campaign: defaultCampaign(campaigns, day),
    campaigns,
    solteaUrl: config.apprenticeshipTax.solteaUrl,
    suggestedAmountsCents: config.suggestedAmountsCents,
    funds: config.funds,
    beneficiaries: await listBeneficiaries(deps.db, actor.tenantId),
    paymentUrl: pages.default,
  };
}
