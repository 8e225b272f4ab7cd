import * as v from 'valibot';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf } from './common.ts';

/** A person's request to be erased, and what each area did about it (no personal data in `outcome`). */
export const ErasureRequestViewSchema = v.object({
  id: AnswerIdSchema,
  personId: AnswerIdSchema,
  status: v.picklist(['pending', 'processed']),
  note: v.nullable(v.string()),
  requestedAt: AnswerTimeSchema,
  /** The day it must be answered by: one month after the request (GDPR art. 12(3); `erasureDueOn`). */
  dueOn: AnswerDateSchema,
  processedAt: v.nullable(AnswerTimeSchema),
  /** By area, such as `{ "profiles": "deleted", "pledges": "anonymised: 2" }`. */
  outcome: v.record(v.string(), v.string()),
});
export type ErasureRequestView = v.InferOutput<typeof ErasureRequestViewSchema>;

/** What happens to each kind of data, told to the person when they ask. */
export const ErasureNoticeSchema = v.object({
  atOnce: v.array(v.string()),
  whenProcessed: v.array(v.string()),
  kept: v.array(v.object({ what: v.string(), why: v.string(), legalBasis: v.string() })),
});

/** `POST /v1/me/erasure`: the request (new, or the one already pending) and the notice. */
export const ErasureRequestAnswerSchema = v.object({ ...ErasureRequestViewSchema.entries, notice: ErasureNoticeSchema });

/** `GET /v1/me/erasure`: the person's requests, newest first, and the notice. */
export const OwnErasureRequestsSchema = v.object({ items: v.array(ErasureRequestViewSchema), nextCursor: v.nullable(v.string()), notice: ErasureNoticeSchema });

/** A request as the staff who process it read it: with whose it is (their name is gone once processed). */
export const StaffErasureRequestSchema = v.object({ ...ErasureRequestViewSchema.entries, person: v.object({ id: AnswerIdSchema, displayName: v.nullable(v.string()) }) });
export type StaffErasureRequest = v.InferOutput<typeof StaffErasureRequestSchema>;

/** `GET /v1/erasure-requests`: a page of the requests the caller may process. */
export const ErasureRequestListSchema = pageOf(StaffErasureRequestSchema);

/** `GET /v1/me/export` (JSON): everything held about the person, one array of rows per table. */
export const DataExportSchema = v.object({
  exportedAt: AnswerTimeSchema,
  tenant: v.nullable(v.object({ slug: v.string(), name: v.string() })),
  personId: AnswerIdSchema,
  /** By table (`person`, `profile`, `consent-events`, `audit`…): its rows. */
  parts: v.record(v.string(), v.array(v.record(v.string(), v.unknown()))),
});
