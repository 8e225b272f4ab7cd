/**
 * The daily sweep of the mail worker: reminders and digests that no change
 * causes, only the date. Each message carries a key (the offer and its
 * expiry date, the staff member and the day…), so a sweep run twice, or by
 * two instances, queues it once.
 *
 * - an offer's author, 7 days before it expires, then once it has expired;
 * - staff and administrators, a digest of the offers waiting for their
 *   moderation (those the policy lets them moderate), unless they turned it off;
 * - consents (`consent-sweep.ts`).
 */
import { can, daysBetween, type Actor, type DigestOffer, type TaxCampaign } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { withTransaction } from '../db/transaction.ts';
import { entityParents } from '../auth/session.ts';
import { offerResource } from '../offers/offer-view.ts';
import { enqueueMail } from './enqueue.ts';
import { staffMemberships } from './queries/recipients.ts';
import { listTenantIds, offersExpiringBetween, offersWaiting } from './queries/sweep.ts';
import { sweepConsents } from './consent-sweep.ts';
import { sweepFreshness } from './freshness.ts';
import { sweepSolteaReminders } from './soltea-sweep.ts';

/** How long before its expiry an offer's author is reminded. */
export const OFFER_REMINDER_DAYS = 7;
/** An offer that expired longer ago than this gets no message (a sweep missed for days, or the first run). */
const EXPIRED_LOOKBACK_DAYS = 7;
/** Offers a digest lists by name; the rest are counted. */
const DIGEST_LISTED = 10;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function sweepOffers(db: Db, tenantId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  await withTransaction({ db }, async (tx) => {
    for (const offer of await offersExpiringBetween(tx, tenantId, addDays(today, -EXPIRED_LOOKBACK_DAYS), addDays(today, OFFER_REMINDER_DAYS))) {
      const expiresOn = offer.expiresOn!;
      const base = { tenantId, personId: offer.authorId, at };
      if (expiresOn < today) await enqueueMail(tx, { ...base, kind: 'offer.expired', params: { title: offer.title, expiresOn }, dedupeKey: `offer.expired:${offer.id}:${expiresOn}` });
      else await enqueueMail(tx, { ...base, kind: 'offer.expiresSoon', params: { title: offer.title, expiresOn, days: daysBetween(today, expiresOn) }, dedupeKey: `offer.expiresSoon:${offer.id}:${expiresOn}` });
    }
  });
}

export async function sweepDigests(db: Db, tenantId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  await withTransaction({ db }, async (tx) => {
    const waiting = await offersWaiting(tx, tenantId);
    if (waiting.length === 0) return;
    const parents = await entityParents(tx, tenantId);
    for (const [personId, memberships] of await staffMemberships(tx, tenantId)) {
      const reader: Actor = { personId, tenantId, memberships, entityParents: parents };
      const theirs = waiting.filter((o) => can(reader, 'offer.moderate', offerResource({ ...o, status: 'submitted' })));
      if (theirs.length === 0) continue;
      const offers: DigestOffer[] = theirs.slice(0, DIGEST_LISTED).map((o) => ({ title: o.title, company: o.company, submittedAt: o.submittedAt ?? o.updatedAt }));
      await enqueueMail(tx, { tenantId, personId, kind: 'offer.digest', params: { offers, total: theirs.length }, at, dedupeKey: `offer.digest:${personId}:${today}` });
    }
  });
}

/**
 * Everything the day brings, institution by institution. `campaigns`: the
 * SOLTéA calendar as it applies (pledges/campaigns.ts), for the reminders of
 * promised apprenticeship tax; without it, none are sent.
 */
export async function dailySweep(db: Db, now: Date, campaigns?: () => Promise<readonly TaxCampaign[]>): Promise<void> {
  const calendar = campaigns ? await campaigns() : [];
  for (const tenantId of await listTenantIds(db)) {
    await sweepOffers(db, tenantId, now);
    await sweepDigests(db, tenantId, now);
    await sweepConsents(db, tenantId, now);
    await sweepFreshness(db, tenantId, now);
    await sweepSolteaReminders(db, calendar, tenantId, now);
  }
}
