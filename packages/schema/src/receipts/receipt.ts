/**
 * Tax receipts (reçus fiscaux) for gifts: who may issue them (the
 * institution's eligibility settings), what a receipt states (its mentions,
 * copied when it is issued so that it never changes), and the bodies of the
 * routes that list, download and correct them.
 *
 * Which model: a gift in a person's name gets the Cerfa 11580 model (CGI
 * art. 200 and 978); a gift in a company's name the company model (Cerfa
 * 16216, CGI art. 238 bis). Apprenticeship tax never gets a receipt: SOLTéA
 * handles it.
 *
 * Recurring gifts: a monthly or yearly gift is one pledge, marked received
 * with what arrived over the calendar year; its receipt is the yearly summary
 * of that year's payments ("reçu récapitulatif annuel"), one per pledge and
 * year, never one per instalment. A one-off gift gets its own receipt when it
 * is received; a donor's several one-off gifts in a year each get theirs.
 */
import * as v from 'valibot';
import { IdSchema, listQueryEntries, text } from '../core/common.ts';
import { SirenSchema } from '../identifiers/siren.ts';
import { DonorAddressSchema, PledgeAmountCentsSchema, type DonorAddress } from '../pledges/pledge.ts';
import { PledgeDateSchema } from '../pledges/parameters.ts';
import { paymentMethods, type PaymentMethod } from './payment.ts';

/** The statuses under which an organisation may issue receipts (the boxes of the Cerfa). */
export const receiptIssuerStatuses = ['general_interest', 'public_utility', 'higher_education'] as const;
export type ReceiptIssuerStatus = (typeof receiptIssuerStatuses)[number];


/** `PUT /v1/receipts/issuer` and `pnpm passerelle institution set-receipt-issuer`: the institution as its receipts name it. */
export const ReceiptIssuerSchema = v.strictObject({
  legalName: text(200),
  address: DonorAddressSchema,
  /** What the organisation does (the receipt's "objet"). */
  object: text(500),
  status: v.picklist(receiptIssuerStatuses, 'receipt.issuer.status'),
  siren: SirenSchema,
  signatoryName: text(200),
  signatoryTitle: text(200),
});
export type ReceiptIssuer = v.InferOutput<typeof ReceiptIssuerSchema>;

export const receiptModels = ['cerfa_11580', 'cerfa_16216'] as const;
export type ReceiptModel = (typeof receiptModels)[number];
export const receiptStatuses = ['issued', 'cancelled'] as const;
export type ReceiptStatus = (typeof receiptStatuses)[number];

/** Every mention a receipt prints, as it was when the receipt was issued. */
export interface ReceiptMentions {
  number: string;
  model: ReceiptModel;
  /** A recurring gift's yearly summary of the payments of `giftYear`. */
  yearly: boolean;
  giftYear: number;
  issuer: ReceiptIssuer;
  donor: { kind: 'individual' | 'company'; name: string; siret?: string; address: DonorAddress };
  amountCents: number;
  amountInWords: string;
  /** The day the gift (the last payment, for a yearly summary) was received. */
  giftDate: string;
  /** Always a manual gift of money: Passerelle records no deed and no gift in kind. */
  form: 'manual_gift';
  nature: 'cash';
  paymentMethod: PaymentMethod;
  /** The articles of the CGI the certification names: 200 and 978 for a person, 238 bis for a company. */
  articles: string[];
  /** The day it was issued (and signed). */
  issuedOn: string;
  /** The number of the receipt this one replaces, after a correction. */
  replaces?: string;
}

/** A receipt as the API lists it. */
export interface Receipt {
  id: string;
  number: string;
  year: number;
  sequence: number;
  pledgeId: string;
  entityId: string;
  model: ReceiptModel;
  yearly: boolean;
  status: ReceiptStatus;
  donorKind: 'individual' | 'company';
  donorName: string;
  amountCents: number;
  currency: 'EUR';
  giftDate: string;
  paymentMethod: PaymentMethod;
  issuedAt: string;
  cancelledAt?: string;
  cancelReason?: string;
  /** The receipt that replaced this one (a correction), and the one this one replaces. */
  replacedById?: string;
  replacesId?: string;
}

/** `GET /v1/receipts`: staff (their entities' receipts) and administrators; newest first. */
export const ReceiptListQuerySchema = v.object({
  ...listQueryEntries(),
  year: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/, 'validation.year'), v.transform(Number))),
  status: v.optional(v.picklist(receiptStatuses)),
  entityId: v.optional(IdSchema),
  pledgeId: v.optional(IdSchema),
});
export type ReceiptListQuery = v.InferOutput<typeof ReceiptListQuerySchema>;

/** `GET /v1/exports/receipts`: the same filters, as CSV or JSON. */
export const ReceiptExportQuerySchema = v.strictObject({
  format: v.optional(v.picklist(['csv', 'json']), 'csv'),
  year: ReceiptListQuerySchema.entries.year,
  status: ReceiptListQuerySchema.entries.status,
  entityId: ReceiptListQuerySchema.entries.entityId,
});
export type ReceiptExportQuery = v.InferOutput<typeof ReceiptExportQuerySchema>;

/**
 * `POST /v1/receipts/:id/correct` (staff of the beneficiary, administrators):
 * the receipt is cancelled and a new one, with a new number, states the
 * corrected mentions; the gift's record is corrected with it. At least one
 * mention changes.
 */
export const ReceiptCorrectionSchema = v.pipe(
  v.strictObject({
    reason: text(500),
    donorName: v.optional(text(200)),
    address: v.optional(DonorAddressSchema),
    amountCents: v.optional(PledgeAmountCentsSchema),
    giftDate: v.optional(PledgeDateSchema),
    paymentMethod: v.optional(v.picklist(paymentMethods, 'receipt.paymentMethod.choice')),
  }),
  v.check((c) => ['donorName', 'address', 'amountCents', 'giftDate', 'paymentMethod'].some((k) => k in c), 'validation.emptyChange'),
);
export type ReceiptCorrection = v.InferOutput<typeof ReceiptCorrectionSchema>;
