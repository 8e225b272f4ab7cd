import * as v from 'valibot';
import { linkActions, mailKinds, mailStatuses, optionalMailKinds, type PersonMail } from '../mail/index.ts';
import { consentChannels } from '../consents/purpose.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

/** One message of a person, as staff read it: kind, times and status, never its content. */
export const PersonMailSchema = v.object({
  id: AnswerIdSchema,
  kind: v.picklist(mailKinds),
  status: v.picklist(mailStatuses),
  address: v.nullable(v.string()),
  createdAt: AnswerTimeSchema,
  sentAt: v.nullable(AnswerTimeSchema),
  attempts: v.number(),
  lastError: v.nullable(v.string()),
});
type _PersonMail = Assert<Same<v.InferOutput<typeof PersonMailSchema>, PersonMail>>;

export const PersonMailPageSchema = pageOf(PersonMailSchema);

/** The optional messages and whether the person receives them. */
export const MailPreferencesSchema = v.object({
  items: v.array(v.object({ kind: v.picklist(optionalMailKinds), on: v.boolean() })),
});

/**
 * A link traded for a session: the session, where the link was meant to take
 * the person, and the consent it renewed (a consent reminder's link; null
 * otherwise, or when the consent's text changed or it was withdrawn since).
 */
export const LinkSessionSchema = v.object({
  token: v.string(),
  expiresAt: AnswerTimeSchema,
  action: v.picklist(linkActions),
  renewed: v.nullable(v.object({ purposeKey: v.string(), channels: v.array(v.picklist(consentChannels)), expiresAt: AnswerTimeSchema })),
});
export type LinkSession = v.InferOutput<typeof LinkSessionSchema>;

/** A fresh link was queued, to this (masked) address. */
export const LinkResentSchema = v.object({ sent: v.literal(true), address: v.string() });

/** What the freshness campaign did: messages queued, and people left out and why. */
export const FreshnessResultSchema = v.object({
  queued: v.number(),
  skipped: v.object({ notAgreed: v.number(), overCap: v.number(), alreadyAsked: v.number() }),
});

/** `GET`/`PUT /v1/mail/branding`: the branding as set (each part optional), and what messages use (the defaults where unset). */
export const MailBrandingAnswerSchema = v.object({
  branding: v.object({ name: v.optional(v.string()), primaryColor: v.optional(v.string()), textColor: v.optional(v.string()), backgroundColor: v.optional(v.string()) }),
  effective: v.object({ name: v.string(), primaryColor: v.string(), textColor: v.string(), backgroundColor: v.string() }),
});
export type MailBrandingAnswer = v.InferOutput<typeof MailBrandingAnswerSchema>;

/** `GET`/`PUT /v1/mail/pages`: the page each kind of link opens; a place without one gets no link. */
export const MailPagesAnswerSchema = v.object({
  pages: v.object({ profile: v.optional(v.string()), consents: v.optional(v.string()), offers: v.optional(v.string()), pledges: v.optional(v.string()), company: v.optional(v.string()) }),
});
export type MailPagesAnswer = v.InferOutput<typeof MailPagesAnswerSchema>;
