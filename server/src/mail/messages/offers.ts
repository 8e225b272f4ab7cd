/**
 * The messages of a moderation decision, to the offer's author: published,
 * refused (with the reason), sent back for changes (with what to change).
 * Called inside the transition's transaction; an author who decides on
 * their own offer (staff publishing directly) is not told what they did.
 */
import type { DbOrTx } from '../../db/open.ts';
import type { AuditOrigin } from '../../audit/audit.ts';
import { enqueueMail } from '../enqueue.ts';

export async function mailOfferDecision(tx: DbOrTx, who: AuditOrigin, offer: { tenantId: string; authorId: string; title: string }, to: string, reason: string | undefined): Promise<void> {
  if (who.actorId === offer.authorId) return;
  const base = { tenantId: offer.tenantId, personId: offer.authorId, at: who.at };
  if (to === 'published') await enqueueMail(tx, { ...base, kind: 'offer.published', params: { title: offer.title } });
  else if (to === 'rejected') await enqueueMail(tx, { ...base, kind: 'offer.rejected', params: { title: offer.title, reason: reason ?? '' } });
  else if (to === 'changes_requested') await enqueueMail(tx, { ...base, kind: 'offer.changesRequested', params: { title: offer.title, reason: reason ?? '' } });
}
