/**
 * Renewal the CRM can see (issue 20 item 4). A consent given to an older text
 * of its purpose is "to be renewed" (`channelState`'s `renewalNeeded`): when
 * an administrator publishes a new text, each person whose consent is now in
 * that state is announced once, as `consent.renewal_needed`, in the
 * transaction that publishes the text.
 */
import type { DbOrTx } from '../db/open.ts';
import type { PurposeRow } from '../purposes/purposes.ts';
import { recordEvent } from '../webhooks/record.ts';
import { channelState, lastChoicesForPurpose } from './state.ts';

/** Records a `consent.renewal_needed` event for each person whose consent to `purpose` was given to an older text. Returns how many people. */
export async function announceRenewals(tx: DbOrTx, who: { tenantId: string; at: string }, purpose: PurposeRow): Promise<number> {
  const now = new Date(who.at);
  let people = 0;
  for (const [personId, choices] of await lastChoicesForPurpose(tx, who.tenantId, purpose.id)) {
    const channels = purpose.version.channels.filter((ch) => channelState(purpose, ch, choices.get(`${purpose.id}:${ch}`), now).renewalNeeded);
    if (channels.length === 0) continue;
    people++;
    await recordEvent(tx, who, { type: 'consent.renewal_needed', personId, renewal: { purposeKey: purpose.key, version: purpose.version.hash, channels } });
  }
  return people;
}
