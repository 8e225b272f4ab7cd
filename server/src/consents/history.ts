import { and, asc, eq, gt } from 'drizzle-orm';
import type { ConsentEventView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { consentEvents, purposeVersions, purposes } from '../db/tables/index.ts';

/**
 * A person's consent events, oldest first, each with the exact text they saw.
 * Paged by `seq` (the cursor is the last seq of the previous page).
 */
export function consentHistory(db: DbOrTx, tenantId: string, personId: string, page: { limit: number; afterSeq: number }): { items: ConsentEventView[]; lastSeq: number | null } {
  const rows = db
    .select({
      id: consentEvents.id,
      seq: consentEvents.seq,
      purposeKey: purposes.key,
      channel: consentEvents.channel,
      granted: consentEvents.granted,
      at: consentEvents.at,
      originPage: consentEvents.originPage,
      originComponent: consentEvents.originComponent,
      actorId: consentEvents.actorId,
      actorReason: consentEvents.actorReason,
      version: {
        id: purposeVersions.id,
        hash: purposeVersions.hash,
        title: purposeVersions.title,
        description: purposeVersions.description,
        legalBasis: purposeVersions.legalBasis,
        channels: purposeVersions.channels,
        createdAt: purposeVersions.createdAt,
      },
    })
    .from(consentEvents)
    .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
    .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
    .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId), gt(consentEvents.seq, page.afterSeq)))
    .orderBy(asc(consentEvents.seq))
    .limit(page.limit + 1)
    .all();
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(
    (r): ConsentEventView => ({
      id: r.id,
      purposeKey: r.purposeKey,
      channel: r.channel,
      granted: r.granted,
      at: r.at,
      origin: { page: r.originPage, component: r.originComponent },
      actor: { kind: r.actorId === personId ? 'self' : 'staff', reason: r.actorReason },
      version: r.version,
    }),
  );
  return { items, lastSeq: more ? rows[page.limit - 1]!.seq : null };
}
