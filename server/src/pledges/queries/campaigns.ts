/** The SOLTéA calendars administrators set: one row per year, national. */
import { and, asc, eq } from 'drizzle-orm';
import type { TaxCampaign } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { entities, institutions, pledges, solteaCampaigns } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export type SetCampaignRow = typeof solteaCampaigns.$inferSelect;

/** Every year set, oldest first. */
export function listSetCampaigns(db: DbOrTx): Promise<SetCampaignRow[]> {
  return query(db, (db) => db.select().from(solteaCampaigns).orderBy(asc(solteaCampaigns.year)).all());
}

export function findSetCampaign(db: DbOrTx, year: number): Promise<SetCampaignRow | undefined> {
  return query(db, (db) => db.select().from(solteaCampaigns).where(eq(solteaCampaigns.year, year)).get());
}

/** Sets the year's calendar, replacing what was set before. */
export function upsertSetCampaign(tx: DbOrTx, row: { year: number; campaign: TaxCampaign; setAt: string; setByTenantId: string | null; setBy: string | null }): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(solteaCampaigns).values(row).onConflictDoUpdate({ target: solteaCampaigns.year, set: { campaign: row.campaign, setAt: row.setAt, setByTenantId: row.setByTenantId, setBy: row.setBy } }).run();
  });
}

/** Removes what was set for the year (the configuration file's year applies again); whether there was something. */
export function deleteSetCampaign(tx: DbOrTx, year: number): Promise<boolean> {
  return query(tx, async (tx) => (await tx.delete(solteaCampaigns).where(eq(solteaCampaigns.year, year)).run()).changes > 0);
}

/** Every institution of the deployment: a national calendar's change is recorded in each one's audit log. */
export function listAllInstitutionIds(db: DbOrTx): Promise<string[]> {
  return query(db, async (db) => (await db.select({ id: institutions.id }).from(institutions).all()).map((r) => r.id));
}

/** The promised apprenticeship-tax pledges of an institution for a campaign, with the school a company looks for in SOLTéA. */
export function promisedTaxPledges(db: DbOrTx, tenantId: string, campaignYear: number) {
  return query(db, (db) =>
    db
      .select({ id: pledges.id, authorId: pledges.authorId, uai: pledges.uai, shareBasisPoints: pledges.shareBasisPoints, school: entities.name, entityUai: entities.uai, schoolSiret: entities.siret })
      .from(pledges)
      .innerJoin(entities, eq(entities.id, pledges.entityId))
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.kind, 'apprenticeship_tax'), eq(pledges.status, 'promised'), eq(pledges.campaignYear, campaignYear)))
      .orderBy(asc(pledges.id))
      .all(),
  );
}
