import * as v from 'valibot';
import { entityKinds } from '../core/tenant.ts';
import { durationUnits, offerKinds, remotePolicies, type Offer } from '../offers/offer.ts';
import { InternshipParametersSchema } from '../offers/parameters.ts';
import { offerStatuses } from '../policy/types.ts';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

/** An offer as the API answers it: optional fields absent when empty; `authorId` and `moderationReason` only for insiders. */
export const OfferSchema = v.object({
  id: AnswerIdSchema,
  company: v.object({ id: AnswerIdSchema, name: v.string() }),
  title: v.string(),
  /** Markdown (a safe subset). */
  description: v.optional(v.string()),
  kind: v.picklist(offerKinds),
  targetEntityIds: v.array(AnswerIdSchema),
  location: v.optional(v.string()),
  remote: v.optional(v.picklist(remotePolicies)),
  startDate: v.optional(AnswerDateSchema),
  duration: v.optional(v.object({ amount: v.number(), unit: v.picklist(durationUnits) })),
  weeklyHours: v.optional(v.number()),
  stipend: v.optional(v.object({ amountCents: v.pipe(v.number(), v.integer()), currency: v.literal('EUR') })),
  /** A web address or an email address. */
  apply: v.optional(v.string()),
  expiresOn: v.optional(AnswerDateSchema),
  /** As the reader sees it: `expired` once past `expiresOn`. */
  status: v.picklist(offerStatuses),
  /** Why the moderator rejected it or asked for changes. */
  moderationReason: v.optional(v.string()),
  /** For the author, the company's representatives and moderators. */
  authorId: v.optional(AnswerIdSchema),
  createdAt: AnswerTimeSchema,
  updatedAt: AnswerTimeSchema,
  submittedAt: v.optional(AnswerTimeSchema),
  publishedAt: v.optional(AnswerTimeSchema),
});
type _Offer = Assert<Same<v.InferOutput<typeof OfferSchema>, Offer>>;

export const OfferPageSchema = pageOf(OfferSchema);

/** `GET /v1/offers/parameters`: the year's legal parameters and the entities an offer can be aimed at. */
export const OfferParametersSchema = v.object({
  ...InternshipParametersSchema.entries,
  targets: v.array(v.object({ id: AnswerIdSchema, name: v.string(), kind: v.picklist(entityKinds), parentId: v.nullable(AnswerIdSchema) })),
});
