import * as v from 'valibot';
import { ConsentChannelSchema, PurposeKeySchema, type ConsentChannel, type LegalBasis } from './purpose.ts';

/**
 * Where the client says a choice was made (which page, which component).
 * Claimed, never checked: the proof keeps it apart from the Origin the
 * server checked (`ConsentEventView.origin.checked`).
 */
export const ConsentOriginSchema = v.strictObject({
  page: v.optional(v.pipe(v.string(), v.maxLength(500))),
  component: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

/** `PUT /v1/consents/:purpose`: the channels to grant (true) or withdraw (false); others stay as they are. */
export const ConsentChoiceSchema = v.strictObject({
  channels: v.pipe(
    v.record(ConsentChannelSchema, v.boolean()),
    v.check((r) => Object.keys(r).length > 0, 'consent.channels.atLeastOne'),
  ),
  /**
   * The hash of the text version the person read: required, so that every
   * choice is recorded against the text that was shown (a choice without it
   * is refused, 400 `validation.required` at `version`). When it is no longer
   * the current one, the choice is refused (409) so that nobody agrees to a
   * text they have not seen.
   */
  version: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'consent.version.format')),
  origin: v.optional(ConsentOriginSchema),
});
export type ConsentChoice = v.InferOutput<typeof ConsentChoiceSchema>;

/**
 * A choice made inside another form (the offer, pledge and profile forms'
 * `purposes`, issue 20 item 1): the purpose, the channels ticked (true) or
 * unticked after having been given (false), and the text version shown. The
 * form's own write records it with the same proof as the consent centre, in
 * its transaction: refused (and nothing written) when the purpose is unknown,
 * a channel unused, or the text no longer the current one.
 */
export const FormConsentSchema = v.strictObject({ purpose: PurposeKeySchema, ...ConsentChoiceSchema.entries });
export type FormConsent = v.InferOutput<typeof FormConsentSchema>;

/** The `consents` member of a form's body: a choice per purpose shown. */
export const FormConsentsSchema = v.optional(v.pipe(v.array(FormConsentSchema), v.maxLength(20)));

export const WithdrawAllSchema = v.strictObject({ origin: v.optional(ConsentOriginSchema) });

/** A number of messages a month, all services together: 0 to 30. */
const MessagesPerMonthSchema = v.pipe(
  v.number('consent.messagesPerMonth.range'),
  v.integer('consent.messagesPerMonth.range'),
  v.minValue(0, 'consent.messagesPerMonth.range'),
  v.maxValue(30, 'consent.messagesPerMonth.range'),
);

/** How many messages a month the institution may send the person, all services together. */
export const SolicitationCapSchema = v.strictObject({
  perMonth: MessagesPerMonthSchema,
  origin: v.optional(ConsentOriginSchema),
});
export type SolicitationCapInput = v.InferOutput<typeof SolicitationCapSchema>;

const CONFIRM_ERASURE = 'erasure.confirm';

/** `PUT /v1/purposes/settings`: the institution's defaults (administrators). */
export const ConsentSettingsSchema = v.strictObject({
  solicitationCapDefault: MessagesPerMonthSchema,
});

/** `POST /v1/me/erasure`: the person confirms; an optional note for the staff who process it. */
export const ErasureRequestSchema = v.pipe(
  v.strictObject({
    confirm: v.optional(v.boolean(CONFIRM_ERASURE)),
    note: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
  // Checked on the object, so that a missing box gives the same sentence as an unticked one.
  v.forward(
    v.check((input) => input.confirm === true, CONFIRM_ERASURE),
    ['confirm'],
  ),
);

export const ConsentExportQuerySchema = v.object({ purpose: v.string() });

export const DataExportQuerySchema = v.object({ format: v.optional(v.picklist(['json', 'zip']), 'json') });

/** The person's state for one channel of one purpose, derived from their events. */
export interface ChannelState {
  channel: ConsentChannel;
  /** Whether the institution may use this channel for this purpose now. */
  granted: boolean;
  /** `default`: no choice made yet (consent: no; legitimate interest: yes until objected). */
  source: 'default' | 'choice';
  /** When the last choice was made. */
  since: string | null;
  /** The version hash of the text of the last choice. */
  versionHash: string | null;
  /** Granted for an older text: the person should be asked again. */
  renewalNeeded: boolean;
  /** When a consent stops counting (its time + the purpose's retention). */
  expiresAt: string | null;
  /** Expires within 30 days. */
  expiresSoon: boolean;
}

export interface PurposeVersionView {
  id: string;
  hash: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  legalBasis: LegalBasis;
  channels: ConsentChannel[];
  createdAt: string;
}

export interface PurposeView {
  id: string;
  key: string;
  entity: { id: string; name: string };
  retentionMonths: number;
  /** The current text. */
  version: PurposeVersionView;
}

export interface PurposeState extends PurposeView {
  channels: ChannelState[];
  renewalNeeded: boolean;
  expiresSoon: boolean;
}

export interface SolicitationCapView {
  perMonth: number;
  /** `default`: the institution's default, the person has not chosen. */
  source: 'default' | 'choice';
  since: string | null;
  tenantDefault: number;
}

export interface ConsentOverview {
  personId: string;
  purposes: PurposeState[];
  solicitationCap: SolicitationCapView;
}

export interface ConsentProofOrigin {
  /** The request's `Origin` header as the server checked it against the institution's registered origins; null when the request had none (no browser). */
  checked: string | null;
  /** The page the client named (the body's `origin.page`, else its Referer): claimed, not checked. */
  claimedPage: string | null;
  /** @deprecated The same claimed page, under its former name, for tools that read it: use `claimedPage`. */
  page: string | null;
  /** The component the client named: claimed, not checked. */
  component: string | null;
}

export interface ConsentEventView {
  id: string;
  purposeKey: string;
  channel: ConsentChannel;
  granted: boolean;
  at: string;
  /** Where the choice was made: what the server checked, apart from what the client claimed. */
  origin: ConsentProofOrigin;
  actor: { kind: 'self' | 'staff'; reason: string | null };
  /** The exact text the person saw. */
  version: PurposeVersionView;
}

