import * as v from 'valibot';
import type { PersonExport } from '../exports/query.ts';
import { AnswerIdSchema } from './common.ts';
import { OfferSchema } from './offers.ts';
import { PledgeSchema } from './pledges.ts';
import { ProfileViewSchema } from './profiles.ts';
import { type Assert, type Same } from './common.ts';

const { reviewFlags: _reviewFlags, ...staffProfile } = ProfileViewSchema.entries;

/** One person of the people export (JSON). */
export const PersonExportSchema = v.object({
  id: AnswerIdSchema,
  /** The person's id in the institution's CRM, when an import set it. */
  externalId: v.optional(v.string()),
  email: v.nullable(v.string()),
  displayName: v.nullable(v.string()),
  memberships: v.array(v.object({ role: v.string(), entityId: AnswerIdSchema, entityName: v.string() })),
  /** The profile as staff of the person's entities read it; null when the person has none yet. */
  profile: v.nullable(v.object(staffProfile)),
  /** By purpose key, by channel: whether the person may be contacted that way today. */
  consents: v.record(v.string(), v.record(v.string(), v.boolean())),
  solicitationCapPerMonth: v.pipe(v.number(), v.integer()),
  /** By purpose key, by channel: whether the consent in force was given to an older text, and is to be renewed. */
  consentRenewals: v.record(v.string(), v.record(v.string(), v.boolean())),
  /** How many more messages the person accepts this calendar month, every service together. */
  solicitationRemainingThisMonth: v.pipe(v.number(), v.integer()),
});
type _PersonExport = Assert<Same<v.InferOutput<typeof PersonExportSchema>, PersonExport>>;

/** `?format=json` of the exports: `{ "items": [...] }`, written item by item. */
export const PeopleExportSchema = v.object({ items: v.array(PersonExportSchema) });
export const OfferExportSchema = v.object({ items: v.array(OfferSchema) });
export const PledgeExportSchema = v.object({ items: v.array(PledgeSchema) });
