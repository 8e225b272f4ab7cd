/**
 * The payment hand-off: a gift is paid on the institution's own payment
 * page, whose address is a template an administrator sets per institution,
 * per beneficiary entity or per fund, e.g.
 * `https://pay.example/?amount={amount}&ref={reference}`. The pledge answer
 * links to it with the gift's amount and reference filled in. The payment
 * page may then tell Passerelle the money arrived through a signed callback
 * (`POST /v1/pledges/payment-callback`).
 */
import * as v from 'valibot';
import { IdSchema } from '../core/common.ts';
import { PledgeDateSchema, PledgeFundSchema } from './parameters.ts';
import { PledgeAmountCentsSchema } from './pledge.ts';

/** What a template may name: the amount in euros (`50.00`), in cents (`5000`), the pledge's reference, the currency (`EUR`). */
export const paymentPlaceholders = ['amount', 'amountCents', 'reference', 'currency'] as const;
export type PaymentPlaceholder = (typeof paymentPlaceholders)[number];

const placeholderPattern = /\{([^{}]*)\}/g;

/** Whether every `{…}` of the template is a known placeholder, and every brace belongs to one. */
function knowsPlaceholders(template: string): boolean {
  const names = [...template.matchAll(placeholderPattern)].map((m) => m[1]!);
  const rest = template.replace(placeholderPattern, '');
  return names.every((name) => (paymentPlaceholders as readonly string[]).includes(name)) && !/[{}]/.test(rest);
}

/** Whether the template, once filled, is an https address without credentials. */
function isHttpsPage(template: string): boolean {
  try {
    const u = new URL(fillTemplate(template, { amount: '1.00', amountCents: '100', reference: '00000000-0000-4000-8000-000000000000', currency: 'EUR' }));
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname !== '';
  } catch {
    return false;
  }
}

function fillTemplate(template: string, values: Record<PaymentPlaceholder, string>): string {
  return template.replace(placeholderPattern, (whole, name: string) => (Object.hasOwn(values, name) ? encodeURIComponent(values[name as PaymentPlaceholder]) : whole));
}

/** A payment page's address template: https only, known placeholders only. */
export const PaymentPageTemplateSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(2000),
  v.check(knowsPlaceholders, 'payment.page.placeholder'),
  v.check(isHttpsPage, 'payment.page.https'),
);

/** The institution's payment pages: its default, and those of some entities (and the entities below them) and funds. */
export const PaymentPagesSchema = v.strictObject({
  default: v.nullable(PaymentPageTemplateSchema),
  entities: v.record(IdSchema, PaymentPageTemplateSchema),
  funds: v.record(PledgeFundSchema.entries.code, PaymentPageTemplateSchema),
});
export type PaymentPages = v.InferOutput<typeof PaymentPagesSchema>;

export const NO_PAYMENT_PAGES: PaymentPages = { default: null, entities: {}, funds: {} };

/**
 * The template a gift is paid through: its fund's page, else its
 * beneficiary's or the nearest entity above it that has one, else the
 * institution's default.
 */
export function paymentPageFor(pages: PaymentPages, gift: { entityId: string; fund?: string | null }, parents: Readonly<Record<string, string | null>>): string | null {
  if (gift.fund && pages.funds[gift.fund]) return pages.funds[gift.fund]!;
  const seen = new Set<string>();
  for (let id: string | null | undefined = gift.entityId; id && !seen.has(id); id = parents[id]) {
    seen.add(id);
    if (pages.entities[id]) return pages.entities[id]!;
  }
  return pages.default;
}

/** The payment page's address for one gift: the template with the amount and reference filled in, URL-encoded. */
export function paymentPageUrl(template: string, gift: { amountCents: number; reference: string }): string {
  return fillTemplate(template, { amount: (gift.amountCents / 100).toFixed(2), amountCents: String(gift.amountCents), reference: gift.reference, currency: 'EUR' });
}

/**
 * What the payment page sends when the money arrived, signed as webhooks are
 * (Standard Webhooks headers). `reference` is the pledge's id, as the page's
 * address carried it; `paymentId` is the provider's own reference, kept in
 * the audit.
 */
export const PaymentCallbackSchema = v.strictObject({
  reference: IdSchema,
  amountCents: PledgeAmountCentsSchema,
  paidOn: v.optional(PledgeDateSchema),
  paymentId: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
});
export type PaymentCallback = v.InferOutput<typeof PaymentCallbackSchema>;

/** What the callback answers: the gift is received (now, or already by an earlier call: `alreadyReceived`). */
export interface PaymentCallbackResult {
  reference: string;
  status: 'received';
  receivedAmountCents: number;
  receivedOn: string;
  alreadyReceived: boolean;
}

/** How far the callback's `webhook-timestamp` may be from the server's clock: older (or later) is refused as a replay. */
export const PAYMENT_CALLBACK_WINDOW_SECONDS = 300;
