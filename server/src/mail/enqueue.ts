/**
 * `enqueueMail`: the one way a use case sends a person a message. Call it
 * inside the transaction of the change that causes it: the row is committed
 * with the change or not at all, and the mail worker sends it afterwards.
 */
import { isOptionalMail, type MailKind, type MailParams } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { insertMail, optedOutKinds, type NewMailRow } from './queries/outbox.ts';
import { sendWithNext } from '../db/transaction.ts';
import { recipientOf, type Recipient } from './queries/recipients.ts';
import { announceMailQueued } from './wake.ts';

export interface MailRequest<K extends MailKind> {
  tenantId: string;
  personId: string;
  kind: K;
  params: MailParams[K];
  /** When the change happened (the row's time, and when it is first due). */
  at: string;
  /** Set by sweeps: a second message with the same key is not queued. */
  dedupeKey?: string;
  /** The recipient read beforehand, when the change is about to remove their address (erasure). */
  recipient?: Recipient;
}

export type Enqueued = 'queued' | 'duplicate' | 'optedOut' | 'noPerson';

/**
 * Queues one message to a person, in their language, to their address as it
 * is now. A person without an address gets an `undeliverable` row (staff
 * see it); an optional message the person turned off is not queued.
 */
export async function enqueueMail<K extends MailKind>(tx: DbOrTx, request: MailRequest<K>): Promise<Enqueued> {
  const { tenantId, personId, kind, at } = request;
  const recipient = request.recipient ?? (await recipientOf(tx, tenantId, personId));
  if (!recipient) return 'noPerson';
  const optional = isOptionalMail(kind);
  if (optional && (await optedOutKinds(tx, tenantId, personId)).includes(kind)) return 'optedOut';
  const row: NewMailRow = {
    tenantId,
    personId,
    address: recipient.address,
    language: recipient.language,
    kind,
    params: request.params as unknown as Record<string, unknown>,
    transactional: !optional,
    dedupeKey: request.dedupeKey ?? null,
    status: recipient.address ? 'pending' : 'undeliverable',
    attempts: 0,
    nextAttemptAt: recipient.address ? at : null,
    lastError: recipient.address ? null : 'no address',
    createdAt: at,
  };
  if (row.dedupeKey === null) {
    // Nothing to be a duplicate of, and nothing in the transaction reads it back: on PostgreSQL it goes
    // with the transaction's next statement or its COMMIT (`sendWithNext`), whose failure it then is.
    await sendWithNext(tx, (tx) => insertMail(tx, row));
  } else if (!(await insertMail(tx, row))) return 'duplicate';
  announceMailQueued();
  return 'queued';
}
