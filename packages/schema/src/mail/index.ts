/**
 * The messages Passerelle emails to people: each kind is a code (worded in
 * `messages/mail/fr.ts` and `en.ts`) with typed parameters. The server
 * stores the kind and its parameters in its mail outbox and words them in
 * the recipient's language when it sends.
 */
import * as v from 'valibot';
import { SlugSchema } from '../core/common.ts';
import { ConsentOriginSchema } from '../consents/choice.ts';
import type { ConsentChannel } from '../consents/purpose.ts';

import type { InstitutionPages } from './settings.ts';

export * from './settings.ts';

/** One offer of the staff digest. */
export interface DigestOffer {
  title: string;
  company: string;
  /** When it was submitted (ISO time). */
  submittedAt: string;
}

/** What the apprenticeship-tax acknowledgement tells a company to enter in SOLTéA, and when. */
export interface SolteaSteps {
  campaignYear: number;
  school: string;
  uai: string;
  /** The school's SIRET, when the institution recorded it. */
  schoolSiret: string | null;
  sharePercent: number | null;
  /** The campaign's allocation periods (empty when the ministry has not published them). */
  periods: { opens: string; closes: string }[];
}

/**
 * Where a message's link signs the person in and takes them: a page of the
 * institution's site (`settings.pages`) with the portal on it.
 */
export const linkActions = ['profile', 'consents', 'offers', 'pledges', 'company'] as const;
export type LinkAction = (typeof linkActions)[number];
/** Each place a link may take a person is a page the institution may name (`settings.pages`), and no other. */
const _pagesAreActions: [keyof InstitutionPages] extends [LinkAction] ? ([LinkAction] extends [keyof InstitutionPages] ? true : never) : never = true;
void _pagesAreActions;

/** A purpose's title in both languages: each catalogue takes its own. */
export interface PurposeTitle {
  fr: string;
  en: string;
}

/**
 * The one-click renewal a consent reminder's link carries: the purpose, the
 * text version the consent was given to (it is renewed only while that text
 * is still the current one), the channels whose consent ends soon, and how
 * many months a renewal gives.
 */
export interface ConsentRenewal {
  purposeKey: string;
  version: string;
  channels: ConsentChannel[];
  months: number;
}

/** Each kind of message and its parameters. */
export interface MailParams {
  'offer.published': { title: string };
  'offer.rejected': { title: string; reason: string };
  'offer.changesRequested': { title: string; reason: string };
  'offer.expiresSoon': { title: string; expiresOn: string; days: number };
  'offer.expired': { title: string; expiresOn: string };
  'offer.digest': { offers: DigestOffer[]; total: number };
  'company.request.approved': { company: string; kind: 'represent' | 'create' };
  'company.request.refused': { company: string; kind: 'represent' | 'create'; reason: string };
  'pledge.acknowledged': { reference: string; kind: 'donation' | 'apprenticeship_tax'; beneficiary: string; amountCents: number | null; paymentUrl: string | null; soltea: SolteaSteps | null };
  /** `receipt`: the tax receipt issued with it, if one was (absent on messages queued before receipts were named). */
  'pledge.received': { reference: string; kind: 'donation' | 'apprenticeship_tax'; beneficiary: string; receivedCents: number | null; receivedOn: string | null; receipt?: { number: string } | null };
  'erasure.requested': { requestedAt: string };
  'erasure.done': { processedAt: string };
  /** `renewal`: what its link renews in one click (absent on a consent to an older text, which must be read again, and on messages queued before). */
  'consent.expiresSoon': { purpose: PurposeTitle; expiresAt: string; renewal?: ConsentRenewal };
  'consent.textChanged': { purpose: PurposeTitle };
  /** A company with a promised apprenticeship-tax pledge: a SOLTéA period opened, or closes within 7 days. */
  'pledge.solteaReminder': { moment: 'opens' | 'closesSoon'; reference: string; period: PurposeTitle; opens: string; closes: string; daysLeft: number; soltea: SolteaSteps };
  /** A fresh sign-in link, asked for from a used or expired one. */
  'auth.link': { action: LinkAction };
  /** The freshness campaign: the profile has not been confirmed for `months` months. */
  'profile.freshness': { months: number };
  /** The person became an alumnus: sent to each personal address they verified, `address` being that one (issue 17 item 4). */
  'person.graduated': { address: string };
  /** A personal address now signs the person in: told at their record's address, `address` masked (a stolen session must not add one unseen). */
  'person.addressAdded': { address: string; addedAt: string };
}

export type MailKind = keyof MailParams;

export const mailKinds = [
  'offer.published',
  'offer.rejected',
  'offer.changesRequested',
  'offer.expiresSoon',
  'offer.expired',
  'offer.digest',
  'company.request.approved',
  'company.request.refused',
  'pledge.acknowledged',
  'pledge.received',
  'erasure.requested',
  'erasure.done',
  'consent.expiresSoon',
  'consent.textChanged',
  'pledge.solteaReminder',
  'auth.link',
  'profile.freshness',
  'person.graduated',
  'person.addressAdded',
] as const satisfies readonly MailKind[];
type _AllKinds = Exclude<MailKind, (typeof mailKinds)[number]> extends never ? true : never;
const _allKinds: _AllKinds = true;
void _allKinds;

/**
 * Reminders and digests: not strictly transactional, so they carry
 * `List-Unsubscribe` and the person may turn each off. Every other kind
 * answers something the person did or is owed (a decision on their offer,
 * their gift, their request), and is always sent.
 */
export const optionalMailKinds = ['offer.digest', 'offer.expiresSoon', 'consent.expiresSoon', 'profile.freshness', 'pledge.solteaReminder'] as const satisfies readonly MailKind[];
export type OptionalMailKind = (typeof optionalMailKinds)[number];
export const isOptionalMail = (kind: MailKind): kind is OptionalMailKind => (optionalMailKinds as readonly string[]).includes(kind);

/** Where a message stands: waiting (or retrying), handed to the SMTP server, given up after retries, refused by the SMTP server (5xx). */
export const mailStatuses = ['pending', 'sent', 'failed', 'undeliverable'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** `PUT /v1/mail/preferences`: turn one optional kind of message on or off. */
export const MailPreferenceSchema = v.strictObject({
  kind: v.picklist(optionalMailKinds, 'mail.preference.kind'),
  on: v.boolean(),
});
export type MailPreference = v.InferOutput<typeof MailPreferenceSchema>;

/** `POST /v1/mail/unsubscribe`: the token of a `List-Unsubscribe` link. */
export const MailUnsubscribeQuerySchema = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'mail.unsubscribe.token')),
});

/** One message sent (or to be sent) to a person, as staff see it: never its content. */
export interface PersonMail {
  id: string;
  kind: MailKind;
  status: MailStatus;
  /** Masked: `c•••@example.org`. */
  address: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  /** The SMTP server's reply or the connection error, for a failed or undeliverable message. */
  lastError: string | null;
}

/** The page each kind of message links to (null: none; `auth.link` names its own). */
export const linkActionOf: { readonly [K in MailKind]: LinkAction | null } = {
  'offer.published': 'offers',
  'offer.rejected': 'offers',
  'offer.changesRequested': 'offers',
  'offer.expiresSoon': 'offers',
  'offer.expired': 'offers',
  'offer.digest': 'offers',
  'company.request.approved': 'company',
  'company.request.refused': 'company',
  'pledge.acknowledged': 'pledges',
  'pledge.received': 'pledges',
  'erasure.requested': null,
  'erasure.done': null,
  'consent.expiresSoon': 'consents',
  'consent.textChanged': 'consents',
  'pledge.solteaReminder': 'pledges',
  'auth.link': null,
  'profile.freshness': 'profile',
  'person.graduated': 'profile',
  'person.addressAdded': 'profile',
};

/** The query parameter that carries a link's token on the page it opens (the portal reads it, then removes it). */
export const LINK_PARAMETER = 'passerelle-link';

/** A link's token: 256 random bits, base64url. */
export const LinkTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'link.token'));

/**
 * `POST /v1/mail/links/sign-in`: the token the page was opened with, the
 * institution, and where the page says it is (`origin`, claimed, as a
 * consent centre's choice names it): the proof of a consent the link renews
 * records it beside the request's checked Origin.
 */
export const LinkSignInSchema = v.strictObject({
  tenant: SlugSchema,
  token: LinkTokenSchema,
  origin: v.optional(ConsentOriginSchema),
});

/** `POST /v1/mail/links/resend`: the token of the link that no longer signs in, and the institution. */
export const LinkResendSchema = v.strictObject({
  tenant: SlugSchema,
  token: LinkTokenSchema,
});

/**
 * The freshness campaign (`settings.freshness`): people whose profile has
 * not been confirmed for `months` months get a link to update it, only if
 * they agreed to the purpose `purpose` by email and within their
 * solicitation cap; run by staff, or each year on `yearly`.
 */
export const FreshnessSettingsSchema = v.object({
  purpose: v.string(),
  months: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)), 12),
  /** "MM-DD": the daily sweep runs the campaign for everyone on that day each year. */
  yearly: v.optional(v.pipe(v.string(), v.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/))),
});

/** `POST /v1/mail/freshness`: run the campaign now, for the people the caller looks after; `months` overrides the setting. */
export const FreshnessCampaignSchema = v.strictObject({
  months: v.optional(v.pipe(v.number(), v.integer('mail.freshness.months'), v.minValue(1, 'mail.freshness.months'), v.maxValue(120, 'mail.freshness.months'))),
});
