/**
 * The freshness campaign: staff (for the people they look after) or
 * administrators email the people whose profile has not been confirmed for
 * N months a link to update it, only where the person agreed by email to
 * the institution's chosen purpose (`settings.freshness.purpose`), and
 * within their solicitation cap (optional messages of the last 30 days).
 * One per person and month.
 */
import * as v from 'valibot';
import { FreshnessSettingsSchema, decide } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { Db, DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { channelState, lastChoices, solicitationCap } from '../consents/state.ts';
import { findPurpose } from '../purposes/purposes.ts';
import { institutionOf } from './queries/recipients.ts';
import { optionalMailSince, staleProfiles } from './queries/freshness.ts';
import { enqueueMail } from './enqueue.ts';

const DAY = 86_400_000;

function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

type Result = { queued: number; skipped: { notAgreed: number; overCap: number; alreadyAsked: number } };

/** The campaign over the people `reaches` lets through; 409 until the institution chose the purpose. */
async function campaign(tx: DbOrTx, who: AuditOrigin, now: Date, months: number | undefined, reaches: (personId: string) => Promise<boolean>): Promise<Result & { months: number }> {
  const settings = v.safeParse(FreshnessSettingsSchema, (await institutionOf(tx, who.tenantId))?.settings.freshness);
  const purpose = settings.success ? await findPurpose(tx, who.tenantId, { key: settings.output.purpose }) : undefined;
  if (!settings.success || !purpose || !purpose.version.channels.includes('email')) throw new ProblemError('conflict', 'mail.freshness.notConfigured');
  const span = months ?? settings.output.months;
  const result: Result = { queued: 0, skipped: { notAgreed: 0, overCap: 0, alreadyAsked: 0 } };
  for (const personId of await staleProfiles(tx, who.tenantId, monthsBefore(now, span))) {
    if (!(await reaches(personId))) continue;
    const last = (await lastChoices(tx, who.tenantId, personId)).get(`${purpose.id}:email`);
    if (!channelState(purpose, 'email', last, now).granted) {
      result.skipped.notAgreed++;
      continue;
    }
    const cap = (await solicitationCap(tx, who.tenantId, personId)).perMonth;
    if ((await optionalMailSince(tx, who.tenantId, personId, new Date(now.getTime() - 30 * DAY).toISOString())) >= cap) {
      result.skipped.overCap++;
      continue;
    }
    const done = await enqueueMail(tx, { tenantId: who.tenantId, personId, kind: 'profile.freshness', params: { months: span }, at: who.at, dedupeKey: `profile.freshness:${personId}:${who.at.slice(0, 7)}` });
    if (done === 'queued') result.queued++;
    else result.skipped.alreadyAsked++;
  }
  await writeAudit(tx, who, { action: 'mail.freshness', objectType: 'institution', objectId: who.tenantId, detail: { months: span, ...result } });
  return { ...result, months: span };
}

/** Staff (the people of their entities) or administrators (everyone) run the campaign now. */
export async function runFreshnessCampaign(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { months?: number | undefined }): Promise<Result> {
  const { actor, who } = call;
  authorize(actor, 'records.export', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  return withTransaction({ db: deps.db }, async (tx) => {
    // Only the people the caller looks after (staff: members of their entities; administrators: everyone).
    const { queued, skipped } = await campaign(tx, who, deps.clock.now(), input.months, async (personId) => decide(actor, 'profile.edit', await personResource(tx, actor.tenantId, personId)).allowed);
    return { queued, skipped };
  });
}

/** The yearly campaign (`settings.freshness.yearly`, "MM-DD"), run by the daily sweep on that day: everyone, as the institution. */
export async function sweepFreshness(db: Db, tenantId: string, now: Date): Promise<void> {
  const settings = v.safeParse(FreshnessSettingsSchema, (await institutionOf(db, tenantId))?.settings.freshness);
  if (!settings.success || settings.output.yearly !== now.toISOString().slice(5, 10)) return;
  const who: AuditOrigin = { tenantId, actorId: null, origin: 'mail:freshness-yearly', at: now.toISOString() };
  try {
    await withTransaction({ db }, (tx) => campaign(tx, who, now, undefined, async () => true));
  } catch (err) {
    // Not configured (no purpose): nothing to send this year.
    if (!(err instanceof ProblemError)) throw err;
  }
}
