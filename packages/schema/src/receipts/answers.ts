import * as v from 'valibot';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from '../answers/common.ts';
import { paymentMethods } from './payment.ts';
import { receiptIssuerStatuses, receiptModels, receiptStatuses, type Receipt, type ReceiptIssuer } from './receipt.ts';

const AddressSchema = v.object({ line1: v.string(), line2: v.optional(v.string()), postalCode: v.string(), city: v.string(), country: v.string() });

/** The institution as its receipts name it (`GET`/`PUT /v1/receipts/issuer`). */
export const ReceiptIssuerAnswerSchema = v.object({
  legalName: v.string(),
  address: AddressSchema,
  object: v.string(),
  status: v.picklist(receiptIssuerStatuses),
  siren: v.string(),
  signatoryName: v.string(),
  signatoryTitle: v.string(),
});
type _Issuer = Assert<Same<v.InferOutput<typeof ReceiptIssuerAnswerSchema>, ReceiptIssuer>>;

/** `GET /v1/receipts/issuer`: null until the institution is set up as eligible (then it issues no receipt). */
export const ReceiptIssuerSettingSchema = v.object({ issuer: v.nullable(ReceiptIssuerAnswerSchema) });

export const ReceiptSchema = v.object({
  id: AnswerIdSchema,
  number: v.string(),
  year: v.pipe(v.number(), v.integer()),
  sequence: v.pipe(v.number(), v.integer()),
  pledgeId: AnswerIdSchema,
  entityId: AnswerIdSchema,
  model: v.picklist(receiptModels),
  yearly: v.boolean(),
  status: v.picklist(receiptStatuses),
  donorKind: v.picklist(['individual', 'company']),
  donorName: v.string(),
  amountCents: v.pipe(v.number(), v.integer()),
  currency: v.literal('EUR'),
  giftDate: AnswerDateSchema,
  paymentMethod: v.picklist(paymentMethods),
  issuedAt: AnswerTimeSchema,
  cancelledAt: v.optional(AnswerTimeSchema),
  cancelReason: v.optional(v.string()),
  replacedById: v.optional(AnswerIdSchema),
  replacesId: v.optional(AnswerIdSchema),
});
type _Receipt = Assert<Same<v.InferOutput<typeof ReceiptSchema>, Receipt>>;

export const ReceiptPageSchema = pageOf(ReceiptSchema);
