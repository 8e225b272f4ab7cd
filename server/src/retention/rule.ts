/**
 * The retention rule: how many years without activity before people are
 * listed for review and anonymisation. Kept in the institution's settings
 * (`retentionInactiveYears`; absent: the CNIL's three years), set by an
 * administrator through the API or by the command line, each change audited.
 */
import { RETENTION_DEFAULT_YEARS, RETENTION_MAX_YEARS, RETENTION_MIN_YEARS, retentionActivities, type RetentionRule } from '@passerelle/schema';
import type { Db, DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';

/** The key in `institutions.settings`. */
export const RETENTION_YEARS_SETTING = 'retentionInactiveYears';

const validYears = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= RETENTION_MIN_YEARS && value <= RETENTION_MAX_YEARS;

/** The first instant that counts as recent: the start of today (UTC), `years` years ago. */
export function inactiveSince(now: Date, years: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCFullYear(day.getUTCFullYear() - years);
  return day;
}

/** The rule in force for the institution at `now`. */
export async function retentionRule(db: DbOrTx, tenantId: string, now: Date): Promise<RetentionRule> {
  const value = (await findInstitutionSettings(db, tenantId))?.settings[RETENTION_YEARS_SETTING];
  const set = validYears(value);
  const inactiveYears = set ? value : RETENTION_DEFAULT_YEARS;
  return {
    inactiveYears,
    source: set ? 'institution' : 'default',
    defaultYears: RETENTION_DEFAULT_YEARS,
    inactiveSince: inactiveSince(now, inactiveYears).toISOString().slice(0, 10),
    activities: [...retentionActivities],
  };
}

/**
 * Sets the number of years (`null`: back to the default), keeping the
 * institution's other settings, with an audit entry from the old value to the
 * new when it changes. The caller has checked who may (policy `retention.setRule`).
 */
export async function storeRetentionYears(db: Db, who: AuditOrigin, years: number | null, now: Date): Promise<{ before: RetentionRule; after: RetentionRule }> {
  return withTransaction({ db }, async (tx) => {
    const before = await retentionRule(tx, who.tenantId, now);
    const settings = { ...(await findInstitutionSettings(tx, who.tenantId))?.settings };
    if (years === null) delete settings[RETENTION_YEARS_SETTING];
    else settings[RETENTION_YEARS_SETTING] = years;
    await updateInstitutionSettings(tx, who.tenantId, settings);
    const after = await retentionRule(tx, who.tenantId, now);
    if (before.inactiveYears !== after.inactiveYears || before.source !== after.source) {
      await writeAudit(tx, who, {
        action: 'retention.setRule',
        objectType: 'institution',
        objectId: who.tenantId,
        detail: { inactiveYears: { from: before.inactiveYears, to: after.inactiveYears }, source: { from: before.source, to: after.source } },
      });
    }
    return { before, after };
  });
}
