/**
 * The receipt in force of the pledges a reader is shown, for their
 * projection (`receipt: { id, number }`): only to those who may download it
 * (`receipt.read`, who reads the gift's amount).
 */
import { can, type Actor } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { PledgeRow } from '../pledges/project.ts';
import { pledgeResource } from '../pledges/access.ts';
import { listIssuedReceiptsOfPledges } from './queries/receipts.ts';

/** By pledge id, the receipts in force of the received gifts among `rows` that the reader may download. */
export async function receiptsOf(db: DbOrTx, actor: Actor, rows: readonly PledgeRow[]): Promise<Map<string, { id: string; number: string }>> {
  const ids = rows.filter((p) => p.kind === 'donation' && p.status === 'received' && can(actor, 'receipt.read', pledgeResource(p))).map((p) => p.id);
  const found = await listIssuedReceiptsOfPledges(db, actor.tenantId, ids);
  return new Map(found.map((r) => [r.pledgeId, { id: r.id, number: r.number }]));
}

/** The receipt in force of one pledge, if the reader may download it. */
export async function receiptOf(db: DbOrTx, actor: Actor, row: PledgeRow): Promise<{ id: string; number: string } | undefined> {
  return (await receiptsOf(db, actor, [row])).get(row.id);
}
