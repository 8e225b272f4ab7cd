/**
 * `pnpm passerelle institution set-retention <slug> <years|default>`: how many
 * years without activity before the institution's people are listed to staff
 * for review and anonymisation (retention/rule.ts; `default`: the CNIL's
 * three years). The same setting as PUT /v1/retention/rule, audited with the
 * command line as origin.
 */
import { RETENTION_MAX_YEARS, RETENTION_MIN_YEARS } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { INSTITUTION_CLI_ORIGIN } from '../auth/staff-email-sign-in.ts';
import { storeRetentionYears } from '../retention/rule.ts';
import { CliInputError, tenantId } from './tenant.ts';

export async function setRetentionCommand(db: Db, say: Say, slug: string, value: string): Promise<string> {
  const years = value === 'default' ? null : /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
  if (years !== null && !(years >= RETENTION_MIN_YEARS && years <= RETENTION_MAX_YEARS)) throw new CliInputError(say('cli.retention.years', { slug }));
  const id = await tenantId(db, say, slug);
  const now = new Date();
  const { before, after } = await storeRetentionYears(db, { tenantId: id, actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: now.toISOString() }, years, now);
  const rule = { slug, years: after.inactiveYears, isDefault: after.source === 'default', inactiveSince: after.inactiveSince };
  if (before.inactiveYears === after.inactiveYears && before.source === after.source) return say('cli.retention.unchanged', rule);
  return say('cli.retention.changed', { ...rule, before: before.inactiveYears });
}
