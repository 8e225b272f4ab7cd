import { and, asc, eq } from 'drizzle-orm';
import { entities, pledges } from '../../db/tables/index.ts';
import type { ExportContributor } from '../export-parts.ts';
import type { ErasureHook } from '../erasure-hooks.ts';

/** The person's own pledges, amounts included (an author always reads their own amount). */
export const pledgeExport: ExportContributor = (tx, tenantId, personId) => ({
  name: 'pledges',
  rows: tx
    .select({
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
    })
    .from(pledges)
    .innerJoin(entities, eq(entities.id, pledges.entityId))
    .where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, personId)))
    .orderBy(asc(pledges.createdAt))
    .all(),
});

/**
 * When staff process the request, the person's pledges lose what names them
 * — the contact, public thanks, and the donor's name and address of a gift
 * that was never received — but a received gift keeps the data of its tax
 * receipt (donor name and address, amount, date): the institution must keep
 * it for 6 years (art. L102 B du Livre des procédures fiscales). A company's
 * name and SIRET are not the person's data and stay.
 */
export const pledgeErasure: ErasureHook = {
  name: 'pledges',
  onProcess: (tx, ctx) => {
    const rows = tx
      .select({ id: pledges.id, status: pledges.status, donorKind: pledges.donorKind, version: pledges.version })
      .from(pledges)
      .where(and(eq(pledges.tenantId, ctx.tenantId), eq(pledges.authorId, ctx.personId)))
      .all();
    let keptForTax = 0;
    for (const row of rows) {
      const receipt = row.status === 'received' && row.donorKind === 'individual';
      if (receipt) keptForTax++;
      const individualIdentity = row.donorKind === 'individual' && !receipt ? { donorName: null, donorAddress: null } : {};
      tx.update(pledges)
        .set({ contact: null, publicThanks: false, ...individualIdentity, version: row.version + 1, updatedAt: ctx.at })
        .where(and(eq(pledges.tenantId, ctx.tenantId), eq(pledges.id, row.id)))
        .run();
    }
    return `anonymised: ${rows.length}; tax-receipt data kept (LPF art. L102 B): ${keptForTax}`;
  },
};
