/**
 * The consents part of the daily sweep: 30 days before a consent lapses
 * (`retentionMonths` after the person's yes), a reminder to renew it, whose
 * link renews it in one click (`params.renewal`, mail/links.ts). One per
 * person, purpose and end date: renewing moves the date, and the next
 * reminder comes with the next end.
 */
import type { Db } from '../db/open.ts';
import { withTransaction } from '../db/transaction.ts';
import { channelState, lastChoicesForPurpose } from '../consents/state.ts';
import { listPurposes } from '../purposes/purposes.ts';
import { enqueueMail } from './enqueue.ts';

export async function sweepConsents(db: Db, tenantId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await withTransaction({ db }, async (tx) => {
    for (const purpose of await listPurposes(tx, tenantId)) {
      if (purpose.version.legalBasis !== 'consent') continue;
      for (const [personId, choices] of await lastChoicesForPurpose(tx, tenantId, purpose.id)) {
        const ending = purpose.version.channels
          .map((channel) => channelState(purpose, channel, choices.get(`${purpose.id}:${channel}`), now))
          .filter((state) => state.granted && state.expiresSoon && state.expiresAt !== null);
        const expiresAt = ending.map((state) => state.expiresAt!).sort()[0];
        if (!expiresAt) continue;
        // Renewed in one click from the link: the consents given to the current text (one to an older text is read again first).
        const current = ending.filter((state) => !state.renewalNeeded).map((state) => state.channel);
        const renewal = current.length > 0 ? { purposeKey: purpose.key, version: purpose.version.hash, channels: current, months: purpose.retentionMonths } : undefined;
        await enqueueMail(tx, { tenantId, personId, kind: 'consent.expiresSoon', params: { purpose: purpose.version.title, expiresAt, ...(renewal ? { renewal } : {}) }, at, dedupeKey: `consent.expiresSoon:${personId}:${purpose.id}:${expiresAt}` });
      }
    }
  });
}
