/** A person's pledges for the data-rights export and erasure (`server/src/rights/parts/pledges.ts`). */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { entities, pledges } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

const exportColumns = {
  id: pledges.id,
  kind: pledges.kind,
  status: pledges.status,
  beneficiary: entities.name,
  designation: pledges.designation,
  fund: pledges.fund,
  frequency: pledges.frequency,
  amountCents: pledges.amountCents,
  receivedCents: pledges.receivedCents,
  receivedOn: pledges.receivedOn,
  donorKind: pledges.donorKind,
  donorName: pledges.donorName,
  donorSiret: pledges.donorSiret,
  donorAddress: pledges.donorAddress,
  publicThanks: pledges.publicThanks,
  taxEstimate: pledges.taxEstimate,
  employerSiret: pledges.employerSiret,
  uai: pledges.uai,
  programme: pledges.programme,
  shareBasisPoints: pledges.shareBasisPoints,
  campaignYear: pledges.campaignYear,
  contact: pledges.contact,
  createdAt: pledges.createdAt,
  updatedAt: pledges.updatedAt,
};

/** The person's own pledges with the beneficiary's name, amounts included, oldest first. */
export function listAuthoredPledgesForExport(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select(exportColumns)
      .from(pledges)
      .innerJoin(entities, eq(entities.id, pledges.entityId))
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, personId)))
      .orderBy(asc(pledges.createdAt))
      .all();
  });
}

/** What erasure needs to decide about each of the person's pledges. */
export function listAuthoredPledgesForErasure(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ id: pledges.id, status: pledges.status, donorKind: pledges.donorKind, version: pledges.version })
      .from(pledges)
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, personId)))
      .all();
  });
}
