/**
 * Erasure requests as staff work them (issue 18 item 4): the GDPR gives the
 * institution one month from the request to answer it (art. 12(3)), so each
 * request carries its due date, and the staff's list puts the nearest first.
 */
import * as v from 'valibot';
import { listQueryEntries } from '../core/common.ts';

/**
 * The day an erasure request asked on `requestedAt` (an ISO instant) must be
 * answered by: the same day of the next month, in UTC, or that month's last
 * day when it has no such day (asked on 31 January, due on 28 or 29 February).
 */
export function erasureDueOn(requestedAt: string): string {
  const asked = new Date(requestedAt);
  const year = asked.getUTCFullYear();
  const month = asked.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(asked.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** `GET /v1/erasure-requests`: `pending` (the nearest due date first), `processed` (the latest first), or all of them (latest first). */
export const ErasureRequestListQuerySchema = v.object({
  ...listQueryEntries(),
  status: v.optional(v.picklist(['pending', 'processed'])),
});
export type ErasureRequestListQuery = v.InferOutput<typeof ErasureRequestListQuerySchema>;
