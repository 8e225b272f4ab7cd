import * as v from 'valibot';
import { IdSchema, text } from '../core/common.ts';

/** How a purpose is lawful (GDPR art. 6): consent, or legitimate interest with a right to object. */
export const legalBases = ['consent', 'legitimate_interest'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** The ways a purpose may reach a person. Consent is given or withdrawn per channel. */
export const consentChannels = ['email', 'sms', 'post', 'phone'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/**
 * Keys that are routes under `/v1/consents/`: a purpose key cannot take them,
 * so `PUT /v1/consents/:purpose` never shadows a fixed route.
 */
export const reservedPurposeKeys = ['withdraw-all', 'solicitation-cap', 'export', 'people', 'history', 'versions'] as const;

export const PurposeKeySchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'purpose.key.format'),
  v.check((k) => !(reservedPurposeKeys as readonly string[]).includes(k), 'purpose.key.reserved'),
);

/** A text in both languages of the portal. */
export const BilingualSchema = (max: number) =>
  v.strictObject({ fr: text(max), en: text(max) });

export const LegalBasisSchema = v.picklist(legalBases);
export const ConsentChannelSchema = v.picklist(consentChannels);

export const PurposeChannelsSchema = v.pipe(
  v.array(ConsentChannelSchema),
  v.minLength(1, 'consent.channels.atLeastOne'),
  v.check((list) => new Set(list).size === list.length, 'purpose.channels.unique'),
);

export const RetentionMonthsSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(120),
);

/** What an administrator fills in to create a purpose. */
export const PurposeCreateSchema = v.strictObject({
  key: PurposeKeySchema,
  title: BilingualSchema(120),
  description: BilingualSchema(2000),
  legalBasis: LegalBasisSchema,
  channels: PurposeChannelsSchema,
  /** The entity that owns the purpose (the Fondation for fundraising…). */
  entityId: IdSchema,
  retentionMonths: RetentionMonthsSchema,
});
export type PurposeCreate = v.InferOutput<typeof PurposeCreateSchema>;

/** An edit; changing the texts, legal basis or channels creates a new version. The key never changes. */
export const PurposeUpdateSchema = v.strictObject({
  title: v.optional(BilingualSchema(120)),
  description: v.optional(BilingualSchema(2000)),
  legalBasis: v.optional(LegalBasisSchema),
  channels: v.optional(PurposeChannelsSchema),
  entityId: v.optional(IdSchema),
  retentionMonths: v.optional(RetentionMonthsSchema),
});
export type PurposeUpdate = v.InferOutput<typeof PurposeUpdateSchema>;

/** The part of a purpose its version hash covers: what the person reads and agrees to. */
export interface PurposeVersionContent {
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  legalBasis: LegalBasis;
  channels: ConsentChannel[];
}

/**
 * Canonical JSON (keys sorted, no spaces, channels in the fixed channel order),
 * so that the same text always gives the same version hash, wherever it is computed.
 */
export function canonicalVersionJson(content: PurposeVersionContent): string {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  const channels = consentChannels.filter((c) => content.channels.includes(c));
  return JSON.stringify(
    sortKeys({
      title: { fr: content.title.fr, en: content.title.en },
      description: { fr: content.description.fr, en: content.description.en },
      legalBasis: content.legalBasis,
      channels,
    }),
  );
}
