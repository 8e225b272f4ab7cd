/**
 * The messages of an erasure request: acknowledged when it is made, done
 * when staff have processed it. The last one is addressed before the
 * identity is removed (`recipientBeforeErasure`), and its address is
 * forgotten once it is sent.
 */
import type { DbOrTx } from '../../db/open.ts';
import type { AuditOrigin } from '../../audit/audit.ts';
import { enqueueMail } from '../enqueue.ts';
import { recipientOf, type Recipient } from '../queries/recipients.ts';

export function mailErasureRequested(tx: DbOrTx, who: AuditOrigin, personId: string) {
  return enqueueMail(tx, { tenantId: who.tenantId, personId, kind: 'erasure.requested', params: { requestedAt: who.at }, at: who.at });
}

/** Where the last message goes: read before the erasure removes the address. */
export function recipientBeforeErasure(tx: DbOrTx, tenantId: string, personId: string): Promise<Recipient | undefined> {
  return recipientOf(tx, tenantId, personId);
}

export async function mailErasureDone(tx: DbOrTx, who: AuditOrigin, personId: string, recipient: Recipient | undefined): Promise<void> {
  if (!recipient) return;
  await enqueueMail(tx, { tenantId: who.tenantId, personId, kind: 'erasure.done', params: { processedAt: who.at }, at: who.at, recipient });
}
