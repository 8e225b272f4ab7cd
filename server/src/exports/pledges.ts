/**
 * The pledges export: the pledge list's own query (`listVisiblePledges`:
 * what the list shows, nothing more) and its projection (`projectPledge`: an
 * amount, and what derives from it such as the tax estimate, only for those
 * who may read it). Staff of one school thus get another school's company
 * pledges without amount, and individuals' gifts to it not at all.
 */
import { inSnapshot } from '../db/transaction.ts';
import type { Actor, Pledge, PledgeExportQuery } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { listVisiblePledges, type PledgeKeyset } from '../pledges/queries/list.ts';
import { projectPledge } from '../pledges/project.ts';
import { pledgeExportCells, pledgeExportColumns } from '../pledges/list.ts';
import { keysetBatches, type ExportShape } from './stream.ts';

export type PledgeExportFilters = Omit<PledgeExportQuery, 'format'>;

export function pledgesExport(db: DbOrTx, actor: Actor, filters: PledgeExportFilters): { shape: ExportShape<Pledge>; batches: AsyncIterable<Pledge[]> } {
  const q = { ...filters, sort: 'createdAt' as const };

  async function* batches(): AsyncGenerator<Pledge[]> {
    // One snapshot for the whole export (db/transaction.ts): each pledge present at the start once.
    yield* inSnapshot(db, async function* (db) {
      const read = (after: PledgeKeyset | undefined, limit: number) => listVisiblePledges(db, actor, q, { after, limit });
      for await (const rows of keysetBatches(read, (r): PledgeKeyset => ({ k: r.pledge.createdAt, id: r.pledge.id }))) {
        yield rows.map((r) => projectPledge(actor, r));
      }
    });
  }

  return {
    batches: { [Symbol.asyncIterator]: batches },
    shape: {
      columns: [...pledgeExportColumns, 'tax_reduction_cents', 'tax_net_cost_cents'],
      cells: (p) => [...pledgeExportCells(p), p.taxEstimate?.reductionCents, p.taxEstimate?.netCostCents],
      json: (p) => p,
    },
  };
}
