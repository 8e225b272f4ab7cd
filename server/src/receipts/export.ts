/**
 * `GET /v1/exports/receipts`: the receipts of the entities the caller looks
 * after (all: administrators), for the accounts and the CRM, latest number
 * first, streamed like the other exports and audited before the first byte.
 */
import type { ReceiptExportQuery } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { exportStream, keysetBatches } from '../exports/stream.ts';
import { countReceiptRows, listReceiptRows, type ReceiptKeyset, type ReceiptRow } from './queries/receipts.ts';
import { receiptScope, receiptView } from './read.ts';

const columns = [
  'number', 'year', 'sequence', 'status', 'issued_at', 'model', 'yearly', 'pledge_id', 'entity_id', 'donor_kind', 'donor_name',
  'currency', 'amount_cents', 'gift_date', 'payment_method', 'cancelled_at', 'cancel_reason', 'replaced_by_id', 'replaces_id',
] as const;

export async function exportReceipts(deps: Pick<Deps, 'db'>, call: Call, { format, ...filters }: ReceiptExportQuery): Promise<ReadableStream<Uint8Array>> {
  const { db } = deps;
  const { actor } = call;
  const entityIds = receiptScope(actor, filters.entityId);
  const scope = { entityIds, year: filters.year, status: filters.status };
  const rows = await countReceiptRows(db, actor.tenantId, scope);
  await withTransaction({ db }, async (tx) =>
    writeAudit(tx, call.who, { action: 'records.export', objectType: 'receipts', entityIds: filters.entityId ? [filters.entityId] : (entityIds ?? []), detail: { format, filters, rows } }),
  );
  const read = (after: ReceiptKeyset | undefined, limit: number) => listReceiptRows(db, actor.tenantId, scope, { after, limit });
  return exportStream(format, keysetBatches(read, (r): ReceiptKeyset => ({ year: r.year, sequence: r.sequence })), {
    columns,
    cells: (r: ReceiptRow) => [
      r.number, r.year, r.sequence, r.status, r.issuedAt, r.model, r.yearly, r.pledgeId, r.entityId, r.donorKind, r.donorName,
      'EUR', r.amountCents, r.giftDate, r.paymentMethod, r.cancelledAt, r.cancelReason, r.replacedById, r.replacesId,
    ],
    json: receiptView,
  });
}
