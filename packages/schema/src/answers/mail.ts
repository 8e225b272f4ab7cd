import * as v from 'valibot';
import { mailKinds, mailStatuses, optionalMailKinds, type PersonMail } from '../mail/index.ts';
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
