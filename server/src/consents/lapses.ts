/**
 * Consents that lapse (issue 20 item 4): a consent counts for its purpose's
 * retention (`channelState`), then stops counting by itself, with no event.
 * The CRM hears of it by `consent.lapsed`, from a daily sweep the background
 * worker runs: one event per person, naming the purposes and channels whose
 * retention ran out since the previous sweep.
 *
 * Where the previous sweep stopped is kept in the institution's settings
 * (`consentLapsesSweptUntil`), written in the transaction that records the
 * events, so a sweep run twice (or by two processes: the transaction holds
 * SQLite's write lock) announces each lapse once. The first sweep looks back
 * one day.
 */
import type { Clock } from '../context.ts';
import type { Db } from '../db/open.ts';
import { withTransaction } from '../db/transaction.ts';
import { recordEvent } from '../webhooks/record.ts';
import { listPurposes } from '../purposes/purposes.ts';
import { findInstitutionSettings, updateInstitutionSettings } from './queries/settings.ts';
import { listInstitutionIds } from './queries/tenants.ts';
import { channelState, lastChoicesForPurpose } from './state.ts';

const DAY_MS = 86_400_000;
/** The settings key of the instant the previous sweep covered up to. */
export const SWEPT_UNTIL = 'consentLapsesSweptUntil';

type Lapse = { purposeKey: string; channel: string; expiredAt: string };

/**
 * Announces the consents of one institution whose retention ran out since the previous sweep, unless that sweep is less
 * than `everyMs` old (a day: the sweep is daily). Returns how many people were announced.
 */
export async function sweepConsentLapses(db: Db, tenantId: string, now: Date, everyMs = DAY_MS): Promise<number> {
  return withTransaction({ db }, async (tx) => {
    const row = await findInstitutionSettings(tx, tenantId);
    if (!row) return 0;
    const previous = typeof row.settings[SWEPT_UNTIL] === 'string' ? new Date(row.settings[SWEPT_UNTIL]) : undefined;
    if (previous && now.getTime() - previous.getTime() < everyMs) return 0;
    const from = (previous ?? new Date(now.getTime() - DAY_MS)).toISOString();
    const until = now.toISOString();
    const byPerson = new Map<string, Lapse[]>();
    for (const purpose of await listPurposes(tx, tenantId)) {
      if (purpose.version.legalBasis !== 'consent') continue;
      for (const [personId, choices] of await lastChoicesForPurpose(tx, tenantId, purpose.id)) {
        for (const channel of purpose.version.channels) {
          const last = choices.get(`${purpose.id}:${channel}`);
          if (!last?.granted) continue;
          const state = channelState(purpose, channel, last, now);
          // Granted, and no longer counting: its retention ended, within this sweep's window.
          if (state.granted || state.expiresAt === null || state.expiresAt <= from || state.expiresAt > until) continue;
          byPerson.set(personId, [...(byPerson.get(personId) ?? []), { purposeKey: purpose.key, channel, expiredAt: state.expiresAt }]);
        }
      }
    }
    for (const [personId, lapsed] of byPerson) await recordEvent(tx, { tenantId, at: until }, { type: 'consent.lapsed', personId, lapsed });
    await updateInstitutionSettings(tx, tenantId, { ...row.settings, [SWEPT_UNTIL]: until });
    return byPerson.size;
  });
}

/** Every institution's sweep that is due. */
export async function sweepAllConsentLapses(db: Db, now: Date): Promise<void> {
  for (const tenantId of await listInstitutionIds(db)) await sweepConsentLapses(db, tenantId, now);
}

export interface LapseSweeper {
  stop(): Promise<void>;
  running(): boolean;
}

/**
 * The background worker: looks every hour (and at start) for institutions whose daily sweep is due, so that a restart
 * or a stopped day delays a sweep by an hour at most, and never runs it twice.
 */
export function startConsentLapseSweeper(options: { db: Db; clock: Clock; intervalMs?: number; onError?: (err: unknown) => void }): LapseSweeper {
  const report = options.onError ?? ((err: unknown) => console.error('consent lapse sweep:', err));
  let stopped = false;
  let current: Promise<void> | undefined;
  const run = () => {
    if (stopped || current) return;
    current = sweepAllConsentLapses(options.db, options.clock.now())
      .catch(report)
      .finally(() => (current = undefined));
  };
  const timer = setInterval(run, options.intervalMs ?? 3_600_000);
  setImmediate(run);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
    running: () => !stopped,
  };
}
