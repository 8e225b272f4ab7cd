/**
 * The two numbers an institution nudges people with: how complete a profile
 * is, and how recently its owner vouched for it. Pure, so the editor shows
 * the same figures the API computes.
 */
import { profileFieldKeys, type ProfileFieldKey } from './fields.ts';
import type { ProfileFields } from './schema.ts';

/** Fields that always hold a value (a default), so they do not count. */
const alwaysFilled: readonly ProfileFieldKey[] = ['availability', 'preferredLanguage'];
/** Optional by nature: an empty usage name or no previous job is not a gap. */
const optional: readonly ProfileFieldKey[] = ['usageName', 'previousPositions'];
export const completenessFields = profileFieldKeys.filter((k) => !alwaysFilled.includes(k) && !optional.includes(k));

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Share of the counted fields that hold a value, 0–100. */
export function completeness(fields: Partial<ProfileFields>): number {
  const count = completenessFields.filter((k) => filled(fields[k])).length;
  return Math.round((count * 100) / completenessFields.length);
}

/** Months over which freshness decays from 100 to 0. */
export const FRESHNESS_MONTHS = 24;
const DAY = 86_400_000;
const horizon = FRESHNESS_MONTHS * 30.4375 * DAY;

/**
 * 100 right after the owner confirmed or updated their profile, falling
 * linearly to 0 over 24 months; 0 if they never did.
 */
export function freshness(lastVouchedAt: string | null | undefined, now: Date): number {
  if (!lastVouchedAt) return 0;
  const age = now.getTime() - Date.parse(lastVouchedAt);
  if (!(age > 0)) return 100;
  return Math.max(0, Math.round(100 * (1 - age / horizon)));
}
