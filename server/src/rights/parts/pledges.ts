import { listAuthoredPledgesForErasure, listAuthoredPledgesForExport } from '../../pledges/queries/rights.ts';
import { updatePledge } from '../../pledges/queries/write.ts';
import type { ExportContributor } from '../export-parts.ts';
import type { ErasureHook } from '../erasure-hooks.ts';

/** The person's own pledges, amounts included (an author always reads their own amount). */
export const pledgeExport: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'pledges',
  rows: await listAuthoredPledgesForExport(tx, tenantId, personId),
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
  onProcess: async (tx, ctx) => {
    const rows = await listAuthoredPledgesForErasure(tx, ctx.tenantId, ctx.personId);
    let keptForTax = 0;
    for (const row of rows) {
      const receipt = row.status === 'received' && row.donorKind === 'individual';
      if (receipt) keptForTax++;
      const individualIdentity = row.donorKind === 'individual' && !receipt ? { donorName: null, donorAddress: null } : {};
      await updatePledge(tx, ctx.tenantId, row.id, { contact: null, publicThanks: false, ...individualIdentity, version: row.version + 1, updatedAt: ctx.at });
    }
    return `anonymised: ${rows.length}; tax-receipt data kept (LPF art. L102 B): ${keptForTax}`;
  },
};
