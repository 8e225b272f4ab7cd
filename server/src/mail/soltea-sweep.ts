/**
 * SOLTéA reminders (issue 19 item 2), part of the mail worker's daily sweep:
 * the author of a promised apprenticeship-tax pledge is reminded when an
 * allocation period of its campaign opens, and again 7 days before it
 * closes, with the school's UAI and SIRET to enter. The calendar is the one
 * that applies (the file's years, or what an administrator set). Each
 * message is keyed by pledge, period and moment, so a sweep run twice, or by
 * two instances, queues it once; an allocated, received or cancelled pledge
 * gets none. Optional: the person may turn these reminders off.
 */
import { daysBetween, type TaxCampaign } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { withTransaction } from '../db/transaction.ts';
import { promisedTaxPledges } from '../pledges/queries/campaigns.ts';
import { enqueueMail } from './enqueue.ts';

/** How many days before a period closes the last reminder goes. */
export const SOLTEA_CLOSING_REMINDER_DAYS = 7;
/** A period opened longer ago than this gets no 'opens' reminder (a sweep missed for days, or the first run mid-period). */
const OPENED_LOOKBACK_DAYS = 6;

export async function sweepSolteaReminders(db: Db, campaigns: readonly TaxCampaign[], tenantId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  for (const campaign of campaigns) {
    if (!campaign.published) continue;
    for (const [index, period] of campaign.periods.entries()) {
      if (today < period.opens || today > period.closes) continue;
      const daysLeft = daysBetween(today, period.closes) + 1;
      const moment = daysLeft <= SOLTEA_CLOSING_REMINDER_DAYS ? 'closesSoon' : daysBetween(period.opens, today) <= OPENED_LOOKBACK_DAYS ? 'opens' : null;
      if (!moment) continue;
      await withTransaction({ db }, async (tx) => {
        for (const p of await promisedTaxPledges(tx, tenantId, campaign.year)) {
          const uai = p.uai ?? p.entityUai;
          if (!uai) continue;
          await enqueueMail(tx, {
            tenantId,
            personId: p.authorId,
            kind: 'pledge.solteaReminder',
            params: {
              moment,
              reference: p.id,
              period: period.label,
              opens: period.opens,
              closes: period.closes,
              daysLeft,
              soltea: { campaignYear: campaign.year, school: p.school, uai, schoolSiret: p.schoolSiret, sharePercent: p.shareBasisPoints === null ? null : p.shareBasisPoints / 100, periods: campaign.periods.map((q) => ({ opens: q.opens, closes: q.closes })) },
            },
            at,
            dedupeKey: `pledge.solteaReminder:${p.id}:${campaign.year}:${index}:${moment}`,
          });
        }
      });
    }
  }
}
