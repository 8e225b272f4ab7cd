/**
 * When a purpose's text changes (a new version), the people who had agreed
 * to an earlier one are asked to confirm. Called inside the edit's
 * transaction; one message per person and version.
 */
import type { DbOrTx } from '../../db/open.ts';
import type { AuditOrigin } from '../../audit/audit.ts';
import type { PurposeRow } from '../../purposes/purposes.ts';
import { channelState, lastChoicesForPurpose } from '../../consents/state.ts';
import { enqueueMail } from '../enqueue.ts';

export async function mailPurposeTextChanged(tx: DbOrTx, who: AuditOrigin, purpose: PurposeRow, previousVersionId: string): Promise<number> {
  if (purpose.version.id === previousVersionId) return 0;
  const now = new Date(who.at);
  let queued = 0;
  for (const [personId, choices] of await lastChoicesForPurpose(tx, who.tenantId, purpose.id)) {
    const agreed = purpose.version.channels.some((channel) => {
      const last = choices.get(`${purpose.id}:${channel}`);
      return last !== undefined && last.granted && last.versionId !== purpose.version.id && channelState(purpose, channel, last, now).granted;
    });
    if (!agreed) continue;
    const done = await enqueueMail(tx, { tenantId: who.tenantId, personId, kind: 'consent.textChanged', params: { purpose: purpose.version.title }, at: who.at, dedupeKey: `consent.textChanged:${personId}:${purpose.version.id}` });
    if (done === 'queued') queued++;
  }
  return queued;
}
