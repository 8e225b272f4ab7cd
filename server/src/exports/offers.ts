/** The offers export: each offer through the API's own projection (`offerView`), so it says what the offer list says. */
import type { Actor, Offer } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { offersBatch, type OfferExportScope } from './queries/offers.ts';
import { targetsByOffer } from '../offers/queries/offers.ts';
import { entityNames } from '../profiles/queries/people.ts';
import { offerView } from '../offers/offer-view.ts';
import { keysetBatches, type ExportShape } from './stream.ts';
import { inSnapshot } from '../db/transaction.ts';

export async function offersExport(db: DbOrTx, actor: Actor, scope: OfferExportScope): Promise<{ shape: ExportShape<Offer>; batches: AsyncIterable<Offer[]> }> {
  const names = await entityNames(db, actor.tenantId, Object.keys(actor.entityParents));

  async function* batches(): AsyncGenerator<Offer[]> {
    // One snapshot for the whole export (db/transaction.ts): each offer present at the start once.
    yield* inSnapshot(db, async function* (db) {
      for await (const rows of keysetBatches((after: string | undefined, limit) => offersBatch(db, scope, after, limit), (r) => r.id)) {
        const targets = await targetsByOffer(db, rows.map((r) => r.id));
        yield rows.map((r) => offerView(actor, { ...r, targetEntityIds: targets.get(r.id) ?? [] }, scope.today));
      }
    });
  }

  return {
    batches: { [Symbol.asyncIterator]: batches },
    shape: {
      columns: [
        'id', 'title', 'company', 'kind', 'status', 'targets', 'location', 'remote', 'start_date', 'duration', 'weekly_hours', 'stipend_cents', 'currency',
        'apply', 'expires_on', 'created_at', 'submitted_at', 'published_at', 'author_id', 'moderation_reason',
      ],
      cells: (o) => [
        o.id, o.title, o.company.name, o.kind, o.status, o.targetEntityIds.map((id) => names.get(id) ?? id).join(' | '), o.location, o.remote, o.startDate,
        o.duration ? `${o.duration.amount} ${o.duration.unit}` : undefined, o.weeklyHours, o.stipend?.amountCents, o.stipend?.currency,
        o.apply, o.expiresOn, o.createdAt, o.submittedAt, o.publishedAt, o.authorId, o.moderationReason,
      ],
      json: (o) => o,
    },
  };
}
