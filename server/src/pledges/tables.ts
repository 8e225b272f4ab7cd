import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { pledgeFrequencies, pledgeKinds, pledgeStatuses, transferStatuses, type DonorAddress, type PledgeContact, type TaxCampaign, type TaxEstimate } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { companies, entities, institutions, people } from '../tenancy/tables.ts';

/**
 * A promise of a donation or of apprenticeship tax. No payment data ever
 * lands here: the money goes through the institution's own provider (gifts)
 * or SOLTéA (tax). Amount columns are confidential (`pledge.readAmount`):
 * every read goes through the projection in `server/src/pledges/project.ts`.
 */
export const pledges = sqliteTable(
  'pledges',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    kind: text('kind', { enum: pledgeKinds }).notNull(),
    status: text('status', { enum: pledgeStatuses }).notNull(),
    authorId: text('author_id').notNull().references(() => people.id),
    /** The pledging company (company gifts, apprenticeship tax). */
    companyId: text('company_id').references(() => companies.id),
    /** The beneficiary: the entity whose staff may read the amount. */
    entityId: text('entity_id').notNull().references(() => entities.id),
    designation: text('designation', { enum: ['entity', 'foundation', 'fund'] }),
    fund: text('fund'),
    frequency: text('frequency', { enum: pledgeFrequencies }),
    /** Gift amount, or the estimated amount of a tax pledge (may be null then). */
    amountCents: integer('amount_cents'),
    /** `amountCents ?? 0`, so that sorting by amount is a plain keyset. */
    sortAmountCents: integer('sort_amount_cents').notNull(),
    receivedCents: integer('received_cents'),
    receivedOn: text('received_on'),
    /** Gifts: who the tax receipt names (a company's name and SIRET are copied at pledge time). */
    donorKind: text('donor_kind', { enum: ['individual', 'company'] }),
    donorName: text('donor_name'),
    donorSiret: text('donor_siret'),
    donorAddress: text('donor_address', { mode: 'json' }).$type<DonorAddress>(),
    publicThanks: integer('public_thanks', { mode: 'boolean' }),
    taxEstimate: text('tax_estimate', { mode: 'json' }).$type<TaxEstimate>(),
    /** Apprenticeship tax. */
    employerSiret: text('employer_siret'),
    uai: text('uai'),
    programme: text('programme'),
    /** Share of the *solde* in hundredths of a percent (12.5 % = 1250). */
    shareBasisPoints: integer('share_basis_points'),
    campaignYear: integer('campaign_year'),
    contact: text('contact', { mode: 'json' }).$type<PledgeContact>(),
    viaAccountant: integer('via_accountant', { mode: 'boolean' }),
    version: integer('version').notNull().default(1),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [
    index('pledges_tenant_created').on(t.tenantId, t.createdAt, t.id),
    index('pledges_tenant_amount').on(t.tenantId, t.sortAmountCents, t.id),
    index('pledges_tenant_entity').on(t.tenantId, t.entityId),
    index('pledges_tenant_siret_uai').on(t.tenantId, t.employerSiret, t.uai),
    index('pledges_author').on(t.authorId),
    index('pledges_company').on(t.companyId),
  ],
);

/**
 * A year's SOLTéA calendar set by an administrator (`PUT /v1/pledges/campaigns/:year`,
 * `pnpm passerelle soltea set-calendar`). The calendar is national: one row per
 * year, for every institution, which wins over the configuration file's year.
 */
export const solteaCampaigns = sqliteTable('soltea_campaigns', {
  year: integer('year').primaryKey(),
  /** The campaign as answered (`TaxCampaign`: published with its periods, or not yet published). */
  campaign: text('campaign', { mode: 'json' }).$type<TaxCampaign>().notNull(),
  setAt: time('set_at').notNull(),
  /** Who set it: the institution and person of an API call; null from the command line. */
  setByTenantId: text('set_by_tenant_id'),
  setBy: text('set_by'),
});

/**
 * A line of a SOLTéA transfer report kept for staff (issue 18 item 4): it
 * matched no open pledge (`unmatched`), or several with none singled out by
 * the campaign year (`ambiguous`); staff then choose the pledge it settles
 * (`matched`, `pledgeId`). Lines that settled a pledge on import are not
 * kept: the pledge records the transfer. Scoped by `entityId`, the school of
 * the line's UAI.
 */
export const pledgeTransfers = sqliteTable(
  'pledge_transfers',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    entityId: text('entity_id').notNull().references(() => entities.id),
    status: text('status', { enum: transferStatuses }).notNull(),
    employerSiret: text('employer_siret').notNull(),
    uai: text('uai').notNull(),
    amountCents: integer('amount_cents').notNull(),
    paidOn: text('paid_on').notNull(),
    /** The report's line number, when and by whom it was imported. */
    line: integer('line').notNull(),
    importedAt: time('imported_at').notNull(),
    importedBy: text('imported_by'),
    /** The pledge staff matched it to, when and by whom. */
    pledgeId: text('pledge_id').references(() => pledges.id),
    matchedAt: time('matched_at'),
    matchedBy: text('matched_by'),
  },
  (t) => [
    index('pledge_transfers_tenant_status').on(t.tenantId, t.status, t.importedAt, t.id),
    index('pledge_transfers_tenant_line').on(t.tenantId, t.employerSiret, t.uai, t.paidOn),
  ],
);
