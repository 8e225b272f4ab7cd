import * as v from 'valibot';
import {
  type ChannelState,
  type ConsentEventView,
  type ConsentOverview,
  type ConsentProofOrigin,
  type PurposeState,
  type PurposeVersionView,
  type PurposeView,
  type SolicitationCapView,
} from '../consents/choice.ts';
import { consentChannels, legalBases } from '../consents/purpose.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

const ChannelSchema = v.picklist(consentChannels);
const BilingualTextSchema = v.object({ fr: v.string(), en: v.string() });

/** The person's state for one channel of one purpose, derived from their choices. */
export const ChannelStateSchema = v.object({
  channel: ChannelSchema,
  /** Whether the institution may use this channel for this purpose now. */
  granted: v.boolean(),
  /** `default`: no choice made yet (consent: no; legitimate interest: yes until objected). */
  source: v.picklist(['default', 'choice']),
  since: v.nullable(AnswerTimeSchema),
  /** The version hash of the text of the last choice. */
  versionHash: v.nullable(v.string()),
  /** Granted for an older text: the person should be asked again. */
  renewalNeeded: v.boolean(),
  expiresAt: v.nullable(AnswerTimeSchema),
  /** Expires within 30 days. */
  expiresSoon: v.boolean(),
});
type _ChannelState = Assert<Same<v.InferOutput<typeof ChannelStateSchema>, ChannelState>>;

/** One text of a purpose: what people read and agree to; `hash` identifies it. */
export const PurposeVersionViewSchema = v.object({
  id: AnswerIdSchema,
  hash: v.string(),
  title: BilingualTextSchema,
  description: BilingualTextSchema,
  legalBasis: v.picklist(legalBases),
  channels: v.array(ChannelSchema),
  createdAt: AnswerTimeSchema,
});
type _PurposeVersionView = Assert<Same<v.InferOutput<typeof PurposeVersionViewSchema>, PurposeVersionView>>;

/** A purpose of processing with its current text. */
export const PurposeViewSchema = v.object({
  id: AnswerIdSchema,
  key: v.string(),
  entity: v.object({ id: AnswerIdSchema, name: v.string() }),
  retentionMonths: v.pipe(v.number(), v.integer()),
  version: PurposeVersionViewSchema,
});
type _PurposeView = Assert<Same<v.InferOutput<typeof PurposeViewSchema>, PurposeView>>;

export const PurposeListSchema = pageOf(PurposeViewSchema);
export const PurposeVersionListSchema = pageOf(PurposeVersionViewSchema);

/** A purpose with the person's state per channel. */
export const PurposeStateSchema = v.object({
  ...PurposeViewSchema.entries,
  channels: v.array(ChannelStateSchema),
  renewalNeeded: v.boolean(),
  expiresSoon: v.boolean(),
});
type _PurposeState = Assert<Same<v.InferOutput<typeof PurposeStateSchema>, PurposeState>>;

/** How many messages a month the institution may send the person, all services together. */
export const SolicitationCapViewSchema = v.object({
  perMonth: v.pipe(v.number(), v.integer()),
  /** `default`: the institution's default; the person has not chosen. */
  source: v.picklist(['default', 'choice']),
  since: v.nullable(AnswerTimeSchema),
  tenantDefault: v.pipe(v.number(), v.integer()),
});
type _SolicitationCapView = Assert<Same<v.InferOutput<typeof SolicitationCapViewSchema>, SolicitationCapView>>;

/** `GET /v1/consents`: every purpose with the person's state, and their solicitation cap. */
export const ConsentOverviewSchema = v.object({
  personId: AnswerIdSchema,
  purposes: v.array(PurposeStateSchema),
  solicitationCap: SolicitationCapViewSchema,
});
type _ConsentOverview = Assert<Same<v.InferOutput<typeof ConsentOverviewSchema>, ConsentOverview>>;

/** Where a choice was made: the Origin the server checked, apart from what the client claimed. */
export const ConsentProofOriginSchema = v.object({
  checked: v.nullable(v.string()),
  claimedPage: v.nullable(v.string()),
  /** @deprecated The same claimed page, under its former name: use `claimedPage`. */
  page: v.nullable(v.string()),
  component: v.nullable(v.string()),
});
type _ConsentProofOrigin = Assert<Same<v.InferOutput<typeof ConsentProofOriginSchema>, ConsentProofOrigin>>;

/** One choice of the person's history, with the exact text they saw. */
export const ConsentEventViewSchema = v.object({
  id: AnswerIdSchema,
  purposeKey: v.string(),
  channel: ChannelSchema,
  granted: v.boolean(),
  at: AnswerTimeSchema,
  origin: ConsentProofOriginSchema,
  actor: v.object({ kind: v.picklist(['self', 'staff']), reason: v.nullable(v.string()) }),
  version: PurposeVersionViewSchema,
});
type _ConsentEventView = Assert<Same<v.InferOutput<typeof ConsentEventViewSchema>, ConsentEventView>>;

export const ConsentHistorySchema = pageOf(ConsentEventViewSchema);

/** `PUT /v1/consents/{purpose}`: the channels whose state changed, and the purpose's state now. */
export const ConsentChoiceResultSchema = v.object({ changed: v.array(ChannelSchema), purpose: PurposeStateSchema });

/** `POST /v1/consents/withdraw-all`: what changed, purpose by purpose, and the overview now. */
export const WithdrawAllResultSchema = v.object({
  changed: v.array(v.object({ purposeKey: v.string(), channels: v.array(ChannelSchema) })),
  ...ConsentOverviewSchema.entries,
});

/** `GET` and `PUT /v1/purposes/settings`: the institution's consent defaults. */
export const ConsentSettingsViewSchema = v.object({ solicitationCapDefault: v.pipe(v.number(), v.integer()) });
