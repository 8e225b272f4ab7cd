import type { ConsentEventView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { consentHistoryRows } from './queries/events.ts';

/**
 * A person's consent events, oldest first, each with the exact text they saw
 * and where the choice was made: the Origin the server checked, apart from
 * the page the client claimed. Paged by `seq` (the cursor is the last seq of
 * the previous page).
 */
export async function consentHistory(db: DbOrTx, tenantId: string, personId: string, page: { limit: number; afterSeq: number }): Promise<{ items: ConsentEventView[]; lastSeq: number|null; }> {
  const rows = await consentHistoryRows(db, tenantId, personId, page.afterSeq, page.limit + 1);
  const more = (await rows).length > page.limit;
  const items = (await rows).slice(0, page.limit).map(
    (r): ConsentEventView => ({
      id: r.id,
      purposeKey: r.purposeKey,
      channel: r.channel,
      granted: r.granted,
      at: r.at,
      origin: { checked: r.origin, claimedPage: r.originPage, page: r.originPage, component: r.originComponent },
      actor: { kind: r.actorId === personId ? 'self' : 'staff', reason: r.actorReason },
      version: r.version,
    }),
  );
  return { items, lastSeq: more ? rows[page.limit - 1]!.seq : null };
}
