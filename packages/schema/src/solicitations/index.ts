/**
 * The solicitation ledger (issue 20 item 2): every message an institution's
 * service sends a person is recorded, so that the person's monthly cap holds
 * across every service, and services ask before they send.
 */
import * as v from 'valibot';
import { IdSchema, listQueryEntries, text } from '../core/common.ts';
import { ConsentChannelSchema, PurposeKeySchema, consentChannels, type ConsentChannel } from '../consents/purpose.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from '../answers/common.ts';

/** At most this many people in one check. */
export const SOLICITATION_CHECK_MAX_PEOPLE = 10_000;

/** `POST /v1/solicitations`: a message a service sent a person (`Idempotency-Key` makes a retry record it once). */
export const SolicitationCreateSchema = v.strictObject({
  personId: IdSchema,
  purpose: PurposeKeySchema,
  channel: ConsentChannelSchema,
  /** The sending entity (school, foundation, alumni association…): its staff or an administrator records it. */
  entityId: IdSchema,
  /** The campaign's name or reference in the sending tool. */
  campaign: text(200),
});
export type SolicitationCreate = v.InferOutput<typeof SolicitationCreateSchema>;

/** `POST /v1/solicitations/check`: may these people be contacted now for this purpose on this channel? */
export const SolicitationCheckSchema = v.strictObject({
  people: v.pipe(v.array(IdSchema), v.minLength(1, 'solicitation.people.range'), v.maxLength(SOLICITATION_CHECK_MAX_PEOPLE, 'solicitation.people.range')),
  purpose: PurposeKeySchema,
  channel: ConsentChannelSchema,
});
export type SolicitationCheck = v.InferOutput<typeof SolicitationCheckSchema>;

/**
 * Why a person may not be contacted now, first matching reason in this order:
 * - `unknownPerson`: no such person in the institution;
 * - `outOfScope`: the caller may not read this person's consents (not a member of their entities);
 * - `erased`: the person asked to be erased;
 * - `objected`: under legitimate interest, the person objected on this channel;
 * - `notGranted`: under consent, no consent on this channel, withdrawn or expired;
 * - `renewalNeeded`: the consent was given to an older text of the purpose;
 * - `capReached`: the person's monthly cap is used up, every service together.
 */
export const solicitationRefusals = ['unknownPerson', 'outOfScope', 'erased', 'objected', 'notGranted', 'renewalNeeded', 'capReached'] as const;
export type SolicitationRefusal = (typeof solicitationRefusals)[number];

/** How many messages the person may still receive this calendar month (UTC), every service together. */
export interface SolicitationAllowance {
  /** YYYY-MM. */
  month: string;
  perMonth: number;
  /** Messages recorded in the ledger this month, plus Passerelle's own optional mail. */
  used: number;
  remaining: number;
}
export const SolicitationAllowanceSchema = v.object({
  month: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
  perMonth: v.pipe(v.number(), v.integer()),
  used: v.pipe(v.number(), v.integer()),
  remaining: v.pipe(v.number(), v.integer()),
});
type _Allowance = Assert<Same<v.InferOutput<typeof SolicitationAllowanceSchema>, SolicitationAllowance>>;

export interface SolicitationCheckItem {
  personId: string;
  allowed: boolean;
  /** Present when refused. */
  reason?: SolicitationRefusal;
  /** Absent for an unknown person or one out of the caller's scope. */
  allowance?: SolicitationAllowance;
}
export const SolicitationCheckItemSchema = v.object({
  personId: v.string(),
  allowed: v.boolean(),
  reason: v.optional(v.picklist(solicitationRefusals)),
  allowance: v.optional(SolicitationAllowanceSchema),
});
type _Item = Assert<Same<v.InferOutput<typeof SolicitationCheckItemSchema>, SolicitationCheckItem>>;

export interface SolicitationCheckResult {
  purpose: string;
  channel: ConsentChannel;
  /** When the answer was made: it holds until someone else sends. */
  at: string;
  items: SolicitationCheckItem[];
}
export const SolicitationCheckResultSchema = v.object({
  purpose: v.string(),
  channel: v.picklist(consentChannels),
  at: AnswerTimeSchema,
  items: v.array(SolicitationCheckItemSchema),
});
type _Result = Assert<Same<v.InferOutput<typeof SolicitationCheckResultSchema>, SolicitationCheckResult>>;

/** One message of the ledger: who sent what to whom, when. */
export interface SolicitationView {
  id: string;
  personId: string;
  purpose: string;
  channel: ConsentChannel;
  entityId: string;
  entityName: string;
  campaign: string;
  sentAt: string;
  /** Who recorded it (a staff member or the service's account). */
  recordedBy: string;
}
export const SolicitationViewSchema = v.object({
  id: AnswerIdSchema,
  personId: AnswerIdSchema,
  purpose: v.string(),
  channel: v.picklist(consentChannels),
  entityId: AnswerIdSchema,
  entityName: v.string(),
  campaign: v.string(),
  sentAt: AnswerTimeSchema,
  recordedBy: v.string(),
});
type _View = Assert<Same<v.InferOutput<typeof SolicitationViewSchema>, SolicitationView>>;

/** `POST /v1/solicitations`: the message recorded, and the person's allowance after it. */
export const SolicitationRecordedSchema = v.object({ ...SolicitationViewSchema.entries, allowance: SolicitationAllowanceSchema });

/** A person's messages of one month, newest first, and their allowance that month. */
export const SolicitationPageSchema = v.object({ ...pageOf(SolicitationViewSchema).entries, allowance: SolicitationAllowanceSchema });

/** `?month=YYYY-MM` (default: this month) and paging. */
export const SolicitationListQuerySchema = v.object({
  ...listQueryEntries(),
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'solicitation.month.format'))),
});
