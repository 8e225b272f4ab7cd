/**
 * Making a pledge: where a gift goes, which company pledges, the policy
 * check and the tax estimate turn the request into the row to insert, then
 * one transaction writes it with its audit entry and webhook event. Refusals
 * are thrown as problems naming the field to fix.
 */
import { campaignOver, estimateDonation, sirenOfSiret, taxRulesOn, type DonationCreate, type DonationEstimateInput, type Pledge, type PledgeConfig, type PledgeCreate, type TaxPledgeCreate } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { findBeneficiary, findFoundation, findPledgingCompany, type Beneficiary } from './queries/lookups.ts';
import { insertPledge } from './queries/write.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { mailPledgeAcknowledged } from '../mail/messages/pledges.ts';
import { etagOf, projectPledge, type PledgeJoined } from './project.ts';
import { paymentUrlOf, today } from './load.ts';
import { campaignsInForce } from './campaigns.ts';
import { withTransaction } from '../db/transaction.ts';
import { recordFormConsents, type FormConsentChoice } from '../consents/form-consents.ts';

/** Where a gift goes: the entity whose staff receive it. */
async function resolveDesignation(db: DbOrTx, tenantId: string, d: DonationCreate['designation'], funds: PledgeConfig['funds']): Promise<{ entity: Beneficiary; fund: string | null }> {
  if (d.kind === 'entity') {
    const found = await findBeneficiary(db, tenantId, d.entityId);
    if (!found) throw validationProblem([{ path: 'designation.entityId', code: 'pledge.designation.entity', params: {} }]);
    return { entity: found, fund: null };
  }
  if (d.kind === 'fund' && !funds.some((f) => f.code === d.fund)) {
    throw validationProblem([{ path: 'designation.fund', code: 'pledge.designation.fund', params: {} }]);
  }
  const foundation = await findFoundation(db, tenantId);
  if (!foundation) throw validationProblem([{ path: 'designation.kind', code: 'pledge.designation.noFoundation', params: {} }]);
  return { entity: foundation, fund: d.kind === 'fund' ? d.fund : null };
}

/**
 * What a pledge's projection names besides its row, from the lookups its
 * checks made: the answer and the acknowledgement need no read of the pledge
 * back (the beneficiaries are kept until the entities change, the company was
 * read for this pledge).
 */
function namesOf(entity: Beneficiary, company: { name: string } | null): Omit<PledgeJoined, 'pledge'> {
  return { entityName: entity.name, entityUai: entity.uai, entitySiret: entity.siret, companyName: company?.name ?? null };
}

async function activeCompany(db: DbOrTx, tenantId: string, companyId: string, path: string) {
  const company = await findPledgingCompany(db, tenantId, companyId);
  if (!company || company.status !== 'active') throw validationProblem([{ path, code: 'pledge.company.notVerified', params: {} }]);
  return company;
}

/** The estimate of a gift with the rules in force today: the shared one the element shows as the person types. */
export function estimateGift(deps: Pick<Deps, 'clock' | 'config'>, input: DonationEstimateInput) {
  return estimateDonation(taxRulesOn(deps.config.parameters.pledges.taxReduction, today(deps)), input);
}

export async function createDonation(deps: Deps, call: Call, input: DonationCreate) {
  const { db } = deps;
  const { actor } = call;
  const { entity, fund } = await resolveDesignation(db, actor.tenantId, input.designation, deps.config.parameters.pledges.funds);
  const entityId = entity.id;
  const company = input.donor.kind === 'company' ? await activeCompany(db, actor.tenantId, input.donor.companyId, 'donor.companyId') : null;
  authorize(actor, 'pledge.donate', { kind: 'pledge', tenantId: actor.tenantId, authorId: actor.personId, entityId, ...(company ? { companyId: company.id } : {}) });
  if (company && !company.siret) throw validationProblem([{ path: 'donor.companyId', code: 'pledge.company.noSiret', params: {} }]);
  const taxEstimate = estimateGift(deps, {
    donorKind: input.donor.kind,
    amountCents: input.amountCents,
    frequency: input.frequency,
    taxableIncomeCents: input.taxableIncomeCents,
    turnoverCents: input.turnoverCents,
  });
  const { at } = call.who;
  const values = {
    tenantId: actor.tenantId,
    kind: 'donation' as const,
    status: 'promised' as const,
    authorId: actor.personId,
    companyId: company?.id ?? null,
    entityId,
    designation: input.designation.kind,
    fund,
    frequency: input.frequency,
    amountCents: input.amountCents,
    sortAmountCents: input.amountCents,
    donorKind: input.donor.kind,
    donorName: input.donor.kind === 'individual' ? input.donor.fullName : company!.name,
    donorSiret: company?.siret ?? null,
    donorAddress: input.donor.address,
    publicThanks: input.publicThanks,
    taxEstimate,
    createdAt: at,
    updatedAt: at,
  };
  return { values, names: namesOf(entity, company) };
}

/** The company's SIREN: its own column, else the first nine digits of its SIRET. */
const companySiren = (c: { siren: string | null; siret: string | null }): string | undefined => c.siren ?? (c.siret ? sirenOfSiret(c.siret) : undefined);

export async function createTaxPledge(deps: Deps, call: Call, input: TaxPledgeCreate) {
  const { db } = deps;
  const { actor } = call;
  const entity = await findBeneficiary(db, actor.tenantId, input.entityId);
  if (!entity) throw validationProblem([{ path: 'entityId', code: 'pledge.tax.entity', params: {} }]);
  const company = await activeCompany(db, actor.tenantId, input.companyId, 'companyId');
  const siren = companySiren(company);
  authorize(actor, 'pledge.tax', {
    kind: 'pledge',
    tenantId: actor.tenantId,
    authorId: actor.personId,
    companyId: company.id,
    // Which establishment pays: a representative names only one of their company's own (same SIREN).
    ...(siren ? { companySiren: siren } : {}),
    ...(input.employerSiret ? { employerSiren: sirenOfSiret(input.employerSiret) } : {}),
    entityId: entity.id,
  });
  if (!entity.uai) throw validationProblem([{ path: 'entityId', code: 'pledge.tax.noUai', params: {} }]);
  // The calendar as it applies: the file's years, or what an administrator set (campaigns.ts).
  const campaign = (await campaignsInForce(deps)).find((k) => k.year === input.campaignYear);
  if (!campaign) throw validationProblem([{ path: 'campaignYear', code: 'pledge.tax.noCampaign', params: {} }]);
  // SOLTéA takes no allocation once its periods have closed: a promise for that campaign could not be kept.
  if (campaignOver(campaign, today(deps))) throw validationProblem([{ path: 'campaignYear', code: 'pledge.tax.campaignOver', params: { year: campaign.year } }]);
  const employerSiret = input.employerSiret ?? company.siret;
  if (!employerSiret) throw validationProblem([{ path: 'employerSiret', code: 'pledge.tax.employerSiret', params: {} }]);
  const { at } = call.who;
  const values = {
    tenantId: actor.tenantId,
    kind: 'apprenticeship_tax' as const,
    status: 'promised' as const,
    authorId: actor.personId,
    companyId: company.id,
    entityId: entity.id,
    amountCents: input.estimatedAmountCents ?? null,
    sortAmountCents: input.estimatedAmountCents ?? 0,
    employerSiret,
    uai: entity.uai,
    programme: input.programme || null,
    shareBasisPoints: Math.round(input.sharePercent * 100),
    campaignYear: input.campaignYear,
    contact: input.contact,
    viaAccountant: input.viaAccountant,
    createdAt: at,
    updatedAt: at,
  };
  return { values, names: namesOf(entity, company) };
}

/**
 * Pledges a gift or apprenticeship tax: the row, its audit entry, its webhook
 * event, the consents the form asked for and the remembered answer (for an
 * idempotent call) in one transaction.
 */
export async function createPledge(deps: Deps, call: Call, input: PledgeCreate, consents: readonly FormConsentChoice[] = []): Promise<{ pledge: Pledge; etag: string; }> {
  const { actor, who } = call;
  const { values, names } = input.kind === 'donation' ? await createDonation(deps, call, input) : await createTaxPledge(deps, call, input);
  const paymentUrl = await paymentUrlOf(deps, actor.tenantId, call.tenantSlug);
  // Read before the transaction, which holds the database: the dates the acknowledgement gives.
  const campaigns = await campaignsInForce(deps);
  return withTransaction({ db: deps.db }, async (tx) => {
    await recordFormConsents(tx, call, actor.personId, consents, new Date(who.at));
    const row = await insertPledge(tx, values);
    await writeAudit(tx, who, {
      action: `pledge.create`,
      objectType: 'pledge',
      objectId: row.id,
      entityIds: [row.entityId],
      subjectId: actor.personId,
      // No amount in the audit: its readers are not all allowed to see it.
      detail: { kind: row.kind, companyId: row.companyId, campaignYear: row.campaignYear },
    });
    await recordEvent(tx, who, { type: 'pledge.created', pledgeId: row.id });
    const joined: PledgeJoined = { pledge: row, ...names };
    const pledge = projectPledge(actor, joined, { paymentUrl });
    // The payment page as the author is shown it (filled in for this gift).
    await mailPledgeAcknowledged(tx, campaigns, who, joined, pledge.paymentUrl ?? null);
    await call.remember?.(tx, 201, pledge, `/v1/pledges/${row.id}`);
    return { pledge, etag: etagOf(row) };
  });
}
