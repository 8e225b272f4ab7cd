/**
 * The SOLTéA transfers Passerelle keeps (issue 18 item 4): a line of a
 * transfer report that matched no pledge, or that two open pledges or more
 * could settle, stays in `pledge_transfers` for staff to match by hand;
 * once matched, it names the pledge it settled.
 */
import * as v from 'valibot';
import { IdSchema, listQueryEntries } from '../core/common.ts';

/**
 * `unmatched`: no open pledge of the same SIRET and UAI; `ambiguous`: several,
 * none singled out by the campaign year; `matched`: staff chose the pledge.
 */
export const transferStatuses = ['unmatched', 'ambiguous', 'matched'] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** `GET /v1/pledges/transfers`: the kept lines, by default those still to match (`open`: unmatched and ambiguous). */
export const TransferListQuerySchema = v.object({
  ...listQueryEntries(),
  status: v.optional(v.picklist(['open', ...transferStatuses]), 'open'),
});
export type TransferListQuery = v.InferOutput<typeof TransferListQuerySchema>;

/** `POST /v1/pledges/transfers/:id/match`: the pledge this transfer settles, among its candidates. */
export const TransferMatchSchema = v.strictObject({ pledgeId: IdSchema });
export type TransferMatch = v.InferOutput<typeof TransferMatchSchema>;

/** A pledge a kept transfer could settle: open, apprenticeship tax, same SIRET and UAI. */
export interface TransferCandidate {
  id: string;
  company: { id: string; name: string } | null;
  campaignYear: number | null;
  status: 'promised' | 'allocated';
  programme: string | null;
  estimatedAmountCents: number | null;
  createdAt: string;
}

/** A kept line of a transfer report, as staff read it. */
export interface PledgeTransfer {
  id: string;
  status: TransferStatus;
  /** The school the money is for (the line's UAI). */
  entity: { id: string; name: string };
  employerSiret: string;
  uai: string;
  amountCents: number;
  paidOn: string;
  /** The line of the report it came from, and when it was imported. */
  line: number;
  importedAt: string;
  /** The pledges it could settle now (open lines; none once matched). */
  candidates: TransferCandidate[];
  /** Matched: the pledge it settled, and when. */
  pledgeId: string | null;
  matchedAt: string | null;
  currency: 'EUR';
}
