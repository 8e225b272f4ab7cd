import type { DbOrTx } from '../db/open.ts';
import { enqueueMail } from '../mail/enqueue.ts';
import { recipientOf } from '../mail/queries/recipients.ts';
import { listPersonAddresses } from './queries.ts';

/**
 * A student became an alumnus (the people import changed their role): their
 * profile, consents and history stay theirs, and each personal address they
 * verified is told, in their language, that it signs them in from now on,
 * since the institutional one may close. Once per address (a file imported
 * again sends nothing more). No personal address: nothing to send.
 */
export async function mailGraduated(tx: DbOrTx, tenantId: string, personId: string, at: string): Promise<number> {
  const addresses = await listPersonAddresses(tx, tenantId, personId);
  if (addresses.length === 0) return 0;
  const recipient = await recipientOf(tx, tenantId, personId);
  if (!recipient) return 0;
  for (const a of addresses) {
    await enqueueMail(tx, { tenantId, personId, kind: 'person.graduated', params: { address: a.email }, at, recipient: { ...recipient, address: a.email }, dedupeKey: `graduated:${a.id}` });
  }
  return addresses.length;
}
