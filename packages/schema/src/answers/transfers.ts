import * as v from 'valibot';
import { pledgeKinds, pledgeStatuses, type PledgeKind, type PledgeStatus } from '../pledges/pledge.ts';
import { transferStatuses, type PledgeTransfer, type TransferCandidate } from '../pledges/transfers.ts';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

const cents = v.pipe(v.number(), v.integer());

/** A pledge a kept transfer could settle. */
export const TransferCandidateSchema = v.object({
  id: AnswerIdSchema,
  company: v.nullable(v.object({ id: AnswerIdSchema, name: v.string() })),
  campaignYear: v.nullable(v.pipe(v.number(), v.integer())),
  status: v.picklist(['promised', 'allocated']),
  programme: v.nullable(v.string()),
  estimatedAmountCents: v.nullable(cents),
  createdAt: AnswerTimeSchema,
});
type _TransferCandidate = Assert<Same<v.InferOutput<typeof TransferCandidateSchema>, TransferCandidate>>;

/** A kept line of a SOLTéA transfer report: unmatched, ambiguous, or matched by staff. */
export const PledgeTransferSchema = v.object({
  id: AnswerIdSchema,
  status: v.picklist(transferStatuses),
  entity: v.object({ id: AnswerIdSchema, name: v.string() }),
  employerSiret: v.string(),
  uai: v.string(),
  amountCents: cents,
  paidOn: AnswerDateSchema,
  line: v.pipe(v.number(), v.integer()),
  importedAt: AnswerTimeSchema,
  candidates: v.array(TransferCandidateSchema),
  pledgeId: v.nullable(AnswerIdSchema),
  matchedAt: v.nullable(AnswerTimeSchema),
  currency: v.literal('EUR'),
});
type _PledgeTransfer = Assert<Same<v.InferOutput<typeof PledgeTransferSchema>, PledgeTransfer>>;

export const PledgeTransferPageSchema = pageOf(PledgeTransferSchema);

/** Pledges of one campaign year (none: gifts), kind and status: how many, promised (gift amounts, tax estimates) and received. */
export interface PledgeStatusTotal {
  campaignYear: number | null;
  kind: PledgeKind;
  status: PledgeStatus;
  count: number;
  promisedCents: number;
  receivedCents: number;
  currency: 'EUR';
}

export const PledgeStatusTotalSchema = v.object({
  campaignYear: v.nullable(v.pipe(v.number(), v.integer())),
  kind: v.picklist(pledgeKinds),
  status: v.picklist(pledgeStatuses),
  count: v.pipe(v.number(), v.integer()),
  promisedCents: cents,
  receivedCents: cents,
  currency: v.literal('EUR'),
});
type _PledgeStatusTotal = Assert<Same<v.InferOutput<typeof PledgeStatusTotalSchema>, PledgeStatusTotal>>;
