import * as v from 'valibot';
import { TaxCampaignSchema } from '../pledges/parameters.ts';
import type { CampaignEntry } from '../pledges/calendar-set.ts';
import type { PaymentCallbackResult, PaymentPages } from '../pledges/payment-page.ts';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, type Assert, type Same } from './common.ts';

/** A year's SOLTéA calendar as it applies, and where it comes from: the configuration file or an administrator's setting. */
export const CampaignEntrySchema = v.object({
  campaign: TaxCampaignSchema,
  origin: v.picklist(['file', 'set']),
  setAt: v.optional(AnswerTimeSchema),
});
type _CampaignEntry = Assert<v.InferOutput<typeof CampaignEntrySchema> extends CampaignEntry ? true : false>;

/** `GET /v1/pledges/campaigns`: every year, latest first. */
export const CampaignListSchema = v.object({ items: v.array(CampaignEntrySchema) });

/** `GET /v1/pledges/payment-pages`: the institution's payment page templates, and whether a callback secret is set. */
export const PaymentPagesAnswerSchema = v.object({
  default: v.nullable(v.string()),
  entities: v.record(v.string(), v.string()),
  funds: v.record(v.string(), v.string()),
  /** Whether the signed callback can be used: a secret was set with `pnpm passerelle institution rotate-payment-secret`. */
  callbackConfigured: v.boolean(),
});
type _PaymentPages = Assert<Omit<v.InferOutput<typeof PaymentPagesAnswerSchema>, 'callbackConfigured'> extends PaymentPages ? true : false>;

/** `POST /v1/pledges/payment-callback`: the gift is received. */
export const PaymentCallbackResultSchema = v.object({
  reference: AnswerIdSchema,
  status: v.literal('received'),
  receivedAmountCents: v.pipe(v.number(), v.integer()),
  receivedOn: AnswerDateSchema,
  alreadyReceived: v.boolean(),
});
type _PaymentCallbackResult = Assert<Same<v.InferOutput<typeof PaymentCallbackResultSchema>, PaymentCallbackResult>>;
