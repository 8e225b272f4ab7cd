import type { DbOrTx } from '../../db/open.ts';
import type { PledgeRow } from '../../pledges/project.ts';
import { listAuthoredPledgesForErasure, listAuthoredPledgesForExport } from '../../pledges/queries/rights.ts';
import { updatePledge } from '../../pledges/queries/write.ts';
import { pledgeHasReceipt } from '../../receipts/queries/receipts.ts';
import { hasProcessedErasure } from '../queries/erasure-requests.ts';
import type { ExportContributor } from '../export-parts.ts';
import type { ErasureHook } from '../erasure-hooks.ts';

/** The person's own pledges, amounts included (an author always reads their own amount). */
export const pledgeExport: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'pledges',
  rows: await listAuthoredPledgesForExport(tx, tenantId, personId),
});

/**
 * What becomes of a gift's donor identity (name and address) once the
 * person's erasure is processed:
 * - `pending`: a gift still promised (or allocated) keeps it until it is
 *   received or cancelled: its tax receipt will need it;
 * - `tax`: a received gift keeps it where the tax record is: in its receipt
 *   when one was issued (then the gift itself is anonymised), on the gift
 *   otherwise — kept 6 years (art. L102 B du Livre des procédures fiscales);
 * - `clear`: a cancelled gift is anonymised.
 * A company's name and SIRET are not the person's data and stay.
 */
export function identityFate(row: Pick<PledgeRow, 'status' | 'donorKind'>, hasReceipt: boolean): 'none' | 'pending' | 'tax' | 'clear' {
  if (row.donorKind !== 'individual') return 'none';
  if (row.status === 'promised' || row.status === 'allocated') return 'pending';
  if (row.status === 'received' && !hasReceipt) return 'tax';
  return 'clear';
}

const anonymous = { donorName: null, donorAddress: null } as const;

/**
 * When staff process the request, the person's pledges lose the contact and
 * public thanks, and their gifts the donor identity as `identityFate` says.
 */
export const pledgeErasure: ErasureHook = {
  name: 'pledges',
  onProcess: async (tx, ctx) => {
    const rows = await listAuthoredPledgesForErasure(tx, ctx.tenantId, ctx.personId);
    let keptForTax = 0;
    let keptUntilSettled = 0;
    for (const row of rows) {
      const fate = identityFate(row, row.status === 'received' && (await pledgeHasReceipt(tx, ctx.tenantId, row.id)));
      if (row.status === 'received' && row.donorKind === 'individual') keptForTax++;
      if (fate === 'pending') keptUntilSettled++;
      await updatePledge(tx, ctx.tenantId, row.id, { contact: null, publicThanks: false, ...(fate === 'clear' ? anonymous : {}), version: row.version + 1, updatedAt: ctx.at });
    }
    return `anonymised: ${rows.length}; tax-receipt data kept (LPF art. L102 B): ${keptForTax}; donor identity kept until received or cancelled: ${keptUntilSettled}`;
  },
};

/**
 * A gift just received (its receipt issued) or cancelled, whose donor's
 * erasure was already processed: it now loses the identity it kept for its
 * receipt. Answers the row as it now is (same version: part of the same change).
 */
export async function anonymiseIfErased(tx: DbOrTx, row: PledgeRow): Promise<PledgeRow> {
  if (row.donorKind !== 'individual' || row.donorName === null && row.donorAddress === null) return row;
  if (row.status !== 'received' && row.status !== 'cancelled') return row;
  if (!(await hasProcessedErasure(tx, row.tenantId, row.authorId))) return row;
  if (identityFate(row, row.status === 'received' && (await pledgeHasReceipt(tx, row.tenantId, row.id))) !== 'clear') return row;
  await updatePledge(tx, row.tenantId, row.id, anonymous);
  return { ...row, ...anonymous };
}
